import { isObj, type Obj, type OpenApiInput, type Operation } from '../openapi/model.js';
import type { NodeRef } from '../openapi/workspace.js';

/**
 * Two versions of one API, with their operations matched by method and path template (parameter
 * names ignored: `/users/{id}` and `/users/{userId}` are the same route). Breaking-change rules read
 * this.
 */
export interface OperationPair {
  base: Operation;
  head: Operation;
}

export interface DiffInput {
  base: OpenApiInput;
  head: OpenApiInput;
  pairs: OperationPair[];
  /** In base, not in head. */
  removed: Operation[];
  /** In head, not in base. */
  added: Operation[];
}

export function routeKey(op: Operation): string {
  return `${op.method} ${op.path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '')}`;
}

export function buildDiff(base: OpenApiInput, head: OpenApiInput): DiffInput {
  const headByKey = new Map(head.operations.map((op) => [routeKey(op), op]));
  const baseKeys = new Set<string>();
  const pairs: OperationPair[] = [];
  const removed: Operation[] = [];
  for (const op of base.operations) {
    const key = routeKey(op);
    baseKeys.add(key);
    const match = headByKey.get(key);
    if (match) pairs.push({ base: op, head: match });
    else removed.push(op);
  }
  const added = head.operations.filter((op) => !baseKeys.has(routeKey(op)));
  return { base, head, pairs, removed, added };
}

/** A schema's type signature for comparison: `string`, `integer:int64`, `array`, `object|null`. */
export function typeSignature(s: Obj): string {
  let types: string[] = [];
  if (typeof s.type === 'string') types = [s.type];
  else if (Array.isArray(s.type)) types = s.type.filter((t): t is string => typeof t === 'string');
  if (s.nullable === true && !types.includes('null')) types.push('null');
  const t = types.sort().join('|');
  return typeof s.format === 'string' && t !== '' ? `${t}:${s.format}` : t;
}

/** Properties of an object schema, merging allOf parts; each property node dereferenced. */
export function propertiesOf(input: OpenApiInput, schema: NodeRef<Obj>, depth = 0): Map<string, NodeRef<Obj>> {
  const out = new Map<string, NodeRef<Obj>>();
  if (depth > 8) return out;
  const props = input.child<Obj>(schema, 'properties');
  if (props && isObj(props.value)) {
    for (const name of Object.keys(props.value)) {
      const p = input.child<Obj>(props, name);
      if (p && isObj(p.value)) out.set(name, p);
    }
  }
  if (Array.isArray(schema.value.allOf)) {
    const all = input.child(schema, 'allOf');
    schema.value.allOf.forEach((_, i) => {
      const part = all ? input.child<Obj>(all, i) : undefined;
      if (part && isObj(part.value)) for (const [k, v] of propertiesOf(input, part, depth + 1)) if (!out.has(k)) out.set(k, v);
    });
  }
  return out;
}

/** `required` of an object schema, merging allOf parts. */
export function requiredOf(input: OpenApiInput, schema: NodeRef<Obj>, depth = 0): Set<string> {
  const out = new Set<string>();
  if (depth > 8) return out;
  if (Array.isArray(schema.value.required)) for (const r of schema.value.required) if (typeof r === 'string') out.add(r);
  if (Array.isArray(schema.value.allOf)) {
    const all = input.child(schema, 'allOf');
    schema.value.allOf.forEach((_, i) => {
      const part = all ? input.child<Obj>(all, i) : undefined;
      if (part && isObj(part.value)) for (const r of requiredOf(input, part, depth + 1)) out.add(r);
    });
  }
  return out;
}

/** The first JSON-like media type schema of a request body or response. */
export function jsonSchemaOf(input: OpenApiInput, holder: NodeRef<Obj>): NodeRef<Obj> | undefined {
  const content = input.child<Obj>(holder, 'content');
  if (!content || !isObj(content.value)) return undefined;
  const types = Object.keys(content.value);
  const mt = types.find((t) => /json/i.test(t)) ?? types.find((t) => /form/i.test(t)) ?? types[0];
  if (mt === undefined) return undefined;
  const media = input.child<Obj>(content, mt);
  const schema = media && isObj(media.value.schema) ? input.child<Obj>(media, 'schema') : undefined;
  return schema && isObj(schema.value) ? schema : undefined;
}

export type SchemaChange =
  | { kind: 'type'; base: NodeRef<Obj>; head: NodeRef<Obj>; field: string; from: string; to: string }
  | { kind: 'property-removed'; base: NodeRef<Obj>; headParent: NodeRef<Obj>; field: string; renamedTo: string | undefined }
  | { kind: 'property-added'; head: NodeRef<Obj>; base: NodeRef<Obj>; field: string; required: boolean }
  | { kind: 'became-required'; head: NodeRef<Obj>; base: NodeRef<Obj>; field: string }
  | { kind: 'became-optional'; head: NodeRef<Obj>; base: NodeRef<Obj>; field: string }
  | { kind: 'enum-removed'; base: NodeRef<Obj>; head: NodeRef<Obj>; field: string; values: unknown[] }
  | { kind: 'enum-added'; base: NodeRef<Obj>; head: NodeRef<Obj>; field: string; values: unknown[] };

/**
 * Compare two schemas structurally (properties, items, type, format, enum, required), following
 * `$ref` on both sides; each pair of schema objects is compared once, so cycles end.
 */
export function compareSchemas(base: OpenApiInput, head: OpenApiInput, b: NodeRef<Obj>, h: NodeRef<Obj>, field: string): SchemaChange[] {
  const out: SchemaChange[] = [];
  const seen = new Set<string>();
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (o: object): number => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = nextId++));
    return id;
  };
  const walk = (bs: NodeRef<Obj>, hs: NodeRef<Obj>, at: string, depth: number): void => {
    if (depth > 16) return;
    const key = `${idOf(bs.value)}:${idOf(hs.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const bt = typeSignature(bs.value);
    const ht = typeSignature(hs.value);
    if (bt !== '' && ht !== '' && bt !== ht) {
      out.push({ kind: 'type', base: bs, head: hs, field: at, from: bt, to: ht });
      return;
    }
    const be = Array.isArray(bs.value.enum) ? bs.value.enum : undefined;
    const he = Array.isArray(hs.value.enum) ? hs.value.enum : undefined;
    if (be || he) {
      const bk = new Set((be ?? []).map((v) => JSON.stringify(v)));
      const hk = new Set((he ?? []).map((v) => JSON.stringify(v)));
      if (he && (!be || [...bk].some((v) => !hk.has(v)))) {
        const removed = be ? be.filter((v) => !hk.has(JSON.stringify(v))) : [];
        out.push({ kind: 'enum-removed', base: bs, head: hs, field: at, values: be ? removed : ['(any value)'] });
      }
      if (be && he && [...hk].some((v) => !bk.has(v))) out.push({ kind: 'enum-added', base: bs, head: hs, field: at, values: he.filter((v) => !bk.has(JSON.stringify(v))) });
    }
    const bp = propertiesOf(base, bs);
    const hp = propertiesOf(head, hs);
    if (bp.size > 0 || hp.size > 0) {
      const br = requiredOf(base, bs);
      const hr = requiredOf(head, hs);
      const addedNames = [...hp.keys()].filter((n) => !bp.has(n));
      for (const [name, bnode] of bp) {
        const hnode = hp.get(name);
        const sub = at === '' ? name : `${at}.${name}`;
        if (!hnode) {
          const sig = typeSignature(bnode.value);
          const candidates = addedNames.filter((n) => typeSignature(hp.get(n)!.value) === sig);
          out.push({ kind: 'property-removed', base: bnode, headParent: hs, field: sub, renamedTo: candidates.length === 1 ? candidates[0] : undefined });
          continue;
        }
        if (!br.has(name) && hr.has(name)) out.push({ kind: 'became-required', head: hnode, base: bnode, field: sub });
        if (br.has(name) && !hr.has(name)) out.push({ kind: 'became-optional', head: hnode, base: bnode, field: sub });
        walk(bnode, hnode, sub, depth + 1);
      }
      for (const name of addedNames) out.push({ kind: 'property-added', head: hp.get(name)!, base: bs, field: at === '' ? name : `${at}.${name}`, required: hr.has(name) });
    }
    const bi = isObj(bs.value.items) ? base.child<Obj>(bs, 'items') : undefined;
    const hi = isObj(hs.value.items) ? head.child<Obj>(hs, 'items') : undefined;
    if (bi && hi && isObj(bi.value) && isObj(hi.value)) walk(bi, hi, `${at}[]`, depth + 1);
  };
  walk(b, h, field, 0);
  return out;
}
