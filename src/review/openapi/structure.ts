import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { Path, SourceDoc } from './source.js';
import type { Workspace } from './workspace.js';

/**
 * Structural validation of an OpenAPI description against the official JSON Schemas of the
 * OpenAPI Initiative (2.0, 3.0, 3.1, 3.2, as shipped by @seriousme/openapi-schema-validator),
 * validated by Ajv, with two changes made to the schemas when they are loaded:
 *
 * - A Reference Object is accepted wherever an object of the specification is, and the object it
 *   points to is validated against what was expected there, also in other files (the official
 *   schemas accept any `$ref` object and never look at its target). Every tool resolves `$ref`
 *   this way; multi-file descriptions rely on it.
 * - "X or Reference" alternatives become "if it has `$ref` then Reference else X", so that a
 *   mistake in X is reported as that mistake, not as "must match exactly one schema in oneOf".
 *
 * Ajv's errors are then reduced to the ones a person can act on: of the branches of a oneOf /
 * anyOf, only the branch meant (the one whose discriminating value matches) is kept.
 */
export type SpecVersion = '2.0' | '3.0' | '3.1' | '3.2';

export interface StructureProblem {
  doc: SourceDoc;
  /** Where the problem is: the offending key for unknown properties, else the value. */
  path: Path;
  message: string;
  keyword: string;
}

const REF_KEYWORD = 'x-archie-ref';
const ONE_OF_KEYWORD = 'x-archie-one-of';
const SCHEMA_FILES: Record<SpecVersion, string> = {
  '2.0': '@seriousme/openapi-schema-validator/schemas/v2.0/schema.json',
  '3.0': '@seriousme/openapi-schema-validator/schemas/v3.0/schema.json',
  '3.1': '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json',
  '3.2': '@seriousme/openapi-schema-validator/schemas/v3.2/schema.json',
};
/** Definitions that are not objects of the specification (a `$ref` there is not resolved by tools). */
const NOT_REF_TARGETS = new Set(['Reference', 'reference', 'jsonReference', 'specification-extensions', 'vendorExtension', 'map-of-strings', 'ExampleXORExamples', 'SchemaXORContent', 'ParameterLocation']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

interface RefRecord {
  kind: string;
  value: Json;
}

interface Compiled {
  ajv: Ajv;
  id: string;
  defs: 'definitions' | '$defs';
  root: ValidateFunction;
  byKind: Map<string, ValidateFunction>;
}

interface Alternatives {
  mode: 'oneOf' | 'anyOf';
  branches: string[];
}

const compiled = new Map<SpecVersion, Compiled>();
/** Filled by the `x-archie-ref` keyword during one (synchronous) validation. */
let records: RefRecord[] = [];

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

function load(version: SpecVersion): Compiled {
  const known = compiled.get(version);
  if (known) return known;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve(SCHEMA_FILES[version]), 'utf8')) as Json;
  const draft04 = version === '2.0' || version === '3.0';
  const defs = draft04 ? 'definitions' : '$defs';
  if (draft04) toDraft07(schema);
  const id = String(schema.$id ?? schema.id).replace(/#$/, '');
  schema.$id = id;
  const definitions = (schema[defs] ?? {}) as Record<string, unknown>;
  const objectKinds = new Set(Object.keys(definitions).filter((k) => !NOT_REF_TARGETS.has(k) && isObjectDefinition(definitions[k])));
  const branches: Json[] = [];
  const t: Transform = { id, defs, objectKinds, branches };
  for (const k of Object.keys(schema)) if (k !== '$id') schema[k] = transform(schema[k], t, k === defs || k === 'properties' ? 'map' : 'schema');
  const options = { strict: false, allErrors: true, validateSchema: false, logger: false } as const;
  const ajv = draft04 ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
  addFormats(ajv);
  const c: Compiled = { ajv, id, defs, root: undefined as unknown as ValidateFunction, byKind: new Map() };
  ajv.addKeyword({
    keyword: REF_KEYWORD,
    schemaType: 'string',
    errors: false,
    validate: (kind: string, data: unknown) => {
      if (isObj(data)) records.push({ kind, value: data });
      return true;
    },
  });
  const alternatives = function validate(this: unknown, alt: Alternatives, data: unknown, _parent: unknown, ctx?: { instancePath: string }): boolean {
    const result = chooseBranch(c, alt, data, ctx?.instancePath ?? '');
    (validate as unknown as { errors: ErrorObject[] }).errors = result;
    return result.length === 0;
  };
  ajv.addKeyword({ keyword: ONE_OF_KEYWORD, schemaType: 'object', errors: true, validate: alternatives as never });
  if (version === '2.0') {
    // Swagger 2.0's schema borrows definitions from the draft-04 meta-schema (shipped with the
    // validator's own dependency ajv-draft-04).
    const fromValidator = createRequire(require.resolve(SCHEMA_FILES['2.0']));
    const meta = JSON.parse(readFileSync(fromValidator.resolve('ajv-draft-04/dist/refs/json-schema-draft-04.json'), 'utf8')) as Json;
    toDraft07(meta);
    meta.$id = 'http://json-schema.org/draft-04/schema';
    ajv.addSchema(meta);
  }
  ajv.addSchema(schema, id);
  branches.forEach((b, i) => ajv.addSchema(b, `${id}/archie-branch/${i}`));
  c.root = ajv.getSchema(id)!;
  compiled.set(version, c);
  return c;
}

function isObjectDefinition(def: unknown): boolean {
  if (!isObj(def)) return false;
  const t = def.type;
  return t === 'object' || (Array.isArray(t) && t.includes('object')) || isObj(def.properties) || isObj(def.patternProperties);
}

/** draft-04 → draft-07: `id` → `$id`, boolean exclusive bounds → numeric ones. */
function toDraft07(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) toDraft07(n);
    return;
  }
  if (!isObj(node)) return;
  delete node.$schema;
  if (typeof node.id === 'string') {
    node.$id = node.id;
    delete node.id;
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof node[flag] === 'boolean') {
      if (node[flag] === true && typeof node[bound] === 'number') {
        node[flag] = node[bound];
        delete node[bound];
      } else delete node[flag];
    }
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enum' || k === 'default' || k === 'example' || k === 'const') continue; // data, not schemas
    if ((k === 'properties' || k === 'patternProperties' || k === 'definitions' || k === '$defs') && isObj(v)) {
      for (const sub of Object.values(v)) toDraft07(sub);
    } else toDraft07(v);
  }
}

interface Transform {
  id: string;
  defs: string;
  objectKinds: Set<string>;
  /** Inline branches of oneOf/anyOf, registered as schemas of their own. */
  branches: Json[];
}

function refKind(node: unknown, t: Transform): string | undefined {
  if (!isObj(node) || typeof node.$ref !== 'string') return undefined;
  for (const prefix of [`#/${t.defs}/`, `${t.id}#/${t.defs}/`]) if (node.$ref.startsWith(prefix)) return node.$ref.slice(prefix.length);
  return undefined;
}

const absolute = (t: Transform, kind: string): string => `${t.id}#/${t.defs}/${kind}`;

/** Resolve-aware schema: "a `$ref` object (whose target must be a `kind`), else `other`". */
function refOr(kind: string, other: unknown): Json {
  return { if: { type: 'object', required: ['$ref'] }, then: { type: 'object', required: ['$ref'], properties: { $ref: { type: 'string' } }, [REF_KEYWORD]: kind }, else: other };
}

/**
 * Rewrite one node of the official schema (`as` says whether it is a schema or a map of named
 * schemas): relative `$ref`s become absolute (so that any part can be compiled on its own),
 * "X or Reference" becomes a resolve-aware X, and other oneOf/anyOf become the keyword that
 * reports only the branch meant.
 */
function transform(node: unknown, t: Transform, as: 'schema' | 'map' | 'data' = 'schema'): unknown {
  if (as === 'data') return node;
  if (Array.isArray(node)) return node.map((n) => transform(n, t, as));
  if (!isObj(node)) return node;
  if (as === 'map') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, transform(v, t)]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    const rest = { ...node };
    delete rest[key];
    const kinds = list.map((b) => refKind(b, t));
    const refIndex = kinds.findIndex((k) => k === 'Reference' || k === 'jsonReference');
    const otherKind = list.length === 2 && refIndex >= 0 ? kinds[1 - refIndex] : undefined;
    if (otherKind !== undefined) return { ...(transform(rest, t) as Json), ...refOr(otherKind, { $ref: absolute(t, otherKind) }) };
    const branches = list.map((b) => {
      const kind = refKind(b, t);
      if (kind !== undefined && Object.keys(b as Json).length === 1) return absolute(t, kind);
      t.branches.push(transform(b, t) as Json);
      return `${t.id}/archie-branch/${t.branches.length - 1}`;
    });
    return { ...(transform(rest, t) as Json), [ONE_OF_KEYWORD]: { mode: key, branches } satisfies Alternatives };
  }
  // if {$ref} then reference else X (3.1, 3.2) → record what the target must be
  if (isObj(node.if) && isObj(node.then) && refKind(node.then, t) === 'reference') {
    const kind = refKind(node.else, t);
    if (kind !== undefined) return { ...(transform(node, t, 'map') as Json), if: node.if, then: { ...(transform(node.then, t) as Json), [REF_KEYWORD]: kind } };
  }
  const kind = refKind(node, t);
  if (kind !== undefined) {
    const abs = { ...node, $ref: absolute(t, kind) };
    return Object.keys(node).length === 1 && t.objectKinds.has(kind) ? refOr(kind, abs) : abs;
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k === 'example' || k === 'required') out[k] = v;
    else if (k === 'properties' || k === 'patternProperties' || k === 'definitions' || k === '$defs' || k === 'dependentSchemas') out[k] = transform(v, t, 'map');
    else out[k] = transform(v, t);
  }
  return out;
}

/**
 * oneOf / anyOf, reported as a person reads them: passes as JSON Schema does; when it fails, the
 * errors are those of the branch meant (the branch whose discriminating values, `enum` or `const`
 * of a property and the `type`, fit the instance; of several, the one with the fewest errors), or
 * when no branch is meant, one error naming the values allowed.
 */
function chooseBranch(c: Compiled, alt: Alternatives, data: unknown, at: string): ErrorObject[] {
  const before = records.length;
  const outcomes: { uri: string; errors: ErrorObject[]; records: RefRecord[] }[] = [];
  for (const uri of alt.branches) {
    const v = c.ajv.getSchema(uri);
    if (!v) continue;
    const mark = records.length;
    const ok = v(data);
    const own = records.splice(mark);
    outcomes.push({ uri, errors: ok ? [] : [...(v.errors ?? [])], records: own });
  }
  records.length = before;
  const passing = outcomes.filter((o) => o.errors.length === 0);
  if (alt.mode === 'anyOf' ? passing.length > 0 : passing.length === 1) {
    for (const o of passing) records.push(...o.records);
    return [];
  }
  const shift = (e: ErrorObject): ErrorObject => ({ ...e, instancePath: `${at}${e.instancePath}` });
  if (passing.length > 1) return [{ keyword: 'oneOf', instancePath: at, schemaPath: '', params: { passingSchemas: passing.length }, message: 'matches more than one of the forms allowed here' }];
  const mismatches = outcomes.map((o) => discriminatorMismatch(c, o.uri, data));
  const meant = outcomes.filter((_, i) => mismatches[i] === undefined).sort((a, b) => a.errors.length - b.errors.length)[0];
  if (meant) {
    records.push(...meant.records);
    return meant.errors.map(shift);
  }
  const props = new Set(mismatches.map((m) => m?.property));
  if (props.size === 1 && [...props][0] !== undefined) {
    const property = [...props][0]!;
    const allowed = [...new Set(mismatches.flatMap((m) => m?.allowed ?? []))];
    return [{ keyword: 'enum', instancePath: `${at}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`, schemaPath: '', params: { allowedValues: allowed }, message: 'must be one of the allowed values' }];
  }
  return [{ keyword: alt.mode, instancePath: at, schemaPath: '', params: {}, message: 'matches none of the forms allowed here' }];
}

function schemaAt(c: Compiled, uri: string): Json | undefined {
  const s = c.ajv.getSchema(uri)?.schema;
  return isObj(s) ? s : undefined;
}

/** Why a branch is not the one meant for `data`: a property value or the type it does not allow. */
function discriminatorMismatch(c: Compiled, uri: string, data: unknown, depth = 0): { property?: string; allowed: unknown[] } | undefined {
  const s = schemaAt(c, uri);
  if (!s || depth > 3) return undefined;
  const parts: Json[] = [s, ...(Array.isArray(s.allOf) ? s.allOf.filter(isObj) : [])];
  for (const part of parts) {
    const target = typeof part.$ref === 'string' && part !== s ? schemaAt(c, part.$ref) : part;
    if (!target) continue;
    if (typeof target.type === 'string' && !jsonTypeIs(data, target.type)) return { allowed: [] };
    if (!isObj(data) || !isObj(target.properties)) continue;
    for (const [name, sub] of Object.entries(target.properties)) {
      if (!isObj(sub) || !(name in data)) continue;
      const allowed = Array.isArray(sub.enum) ? sub.enum : sub.const !== undefined ? [sub.const] : undefined;
      if (allowed && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(data[name]))) return { property: name, allowed };
    }
  }
  return undefined;
}

function jsonTypeIs(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObj(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

/** The version whose official schema applies, or undefined when the document names none archie knows. */
export function specVersionOf(root: unknown): SpecVersion | undefined {
  if (!isObj(root)) return undefined;
  if (typeof root.swagger === 'string' && /^2\.0(\.|$)/.test(root.swagger)) return '2.0';
  const v = typeof root.openapi === 'string' ? root.openapi : '';
  const m = /^3\.([0-2])\.\d+/.exec(v);
  return m ? (`3.${m[1]}` as SpecVersion) : undefined;
}

/**
 * Validate a root document and every object it references in other files. Problems are sorted
 * by document and position, each at most once.
 */
export function validateStructure(ws: Workspace, doc: SourceDoc, version: SpecVersion): StructureProblem[] {
  const c = load(version);
  const problems: StructureProblem[] = [];
  const seen = new Set<string>();
  const queue: { doc: SourceDoc; base: Path; value: unknown; validate: ValidateFunction }[] = [{ doc, base: [], value: doc.value, validate: c.root }];
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]!;
    records = [];
    let ok: boolean;
    try {
      ok = item.validate(item.value) as boolean;
    } catch (e) {
      // The readers refuse documents nested deeper than they can walk; a model built past them
      // (a library caller) can still be too deep for the recursive validator.
      if (!(e instanceof RangeError)) throw e;
      records = [];
      problems.push({ doc: item.doc, path: item.base, message: 'is nested too deeply to validate against the OpenAPI schema', keyword: 'depth' });
      continue;
    }
    const found = records;
    records = [];
    if (!ok) for (const p of reduce(item.validate.errors ?? [], item.value)) problems.push({ doc: item.doc, path: [...item.base, ...p.path], message: p.message, keyword: p.keyword });
    for (const r of found) {
      const ref = r.value.$ref as string;
      const res = ws.resolveRef(item.doc, ref);
      if (!res.ok || res.node.doc.file === doc.file) continue; // unresolved refs are ref-resolvable's; the root is validated whole
      const key = `${res.node.doc.file}\u0000${res.node.path.join('/')}\u0000${r.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const validate = validatorFor(c, r.kind);
      if (validate) queue.push({ doc: res.node.doc, base: res.node.path, value: res.node.value, validate });
    }
  }
  return problems;
}

function validatorFor(c: Compiled, kind: string): ValidateFunction | undefined {
  let v = c.byKind.get(kind);
  if (!v) {
    v = c.ajv.getSchema(`${c.id}#/${c.defs}/${kind}`);
    if (v) c.byKind.set(kind, v);
  }
  return v;
}

function pointerPath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const s of path) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (isObj(v)) v = v[s];
    else return undefined;
  }
  return v;
}

/** Ajv's errors as findings: one per place and message, the `if` wrapper errors left out. */
function reduce(errors: ErrorObject[], root: unknown): { path: string[]; message: string; keyword: string }[] {
  const out: { path: string[]; message: string; keyword: string }[] = [];
  const seen = new Set<string>();
  // "matches none of the forms" says nothing more than another error at the same place
  const placesWithErrors = new Set(errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the then/else branch says what is wrong
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && placesWithErrors.has(e.instancePath)) continue;
    const m = describe(e, root);
    if (!m) continue;
    const key = `${m.path.join('/')}\u0000${m.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

function describe(e: ErrorObject, root: unknown): { path: string[]; message: string; keyword: string } | undefined {
  const path = pointerPath(e.instancePath);
  const last = path[path.length - 1];
  const inArray = last !== undefined && path.length > 1 && Array.isArray(valueAt(root, path.slice(0, -1)));
  const where = last === undefined ? 'the document' : inArray ? `${path[path.length - 2]}[${last}]` : last;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { path: [...path, name], message: `property "${name}" is not allowed ${path.length === 0 ? 'at the top level' : `in ${where}`}`, keyword: e.keyword };
    }
    case 'required':
      return { path, message: `${path.length === 0 ? 'the document' : `"${where}"`} lacks the required property "${String(p.missingProperty)}"`, keyword: e.keyword };
    case 'type': {
      const value = valueAt(root, path);
      const hint = isObj(value) && typeof value.$ref === 'string' ? ' (a $ref is not allowed here)' : '';
      return { path, message: `"${where}" must be ${article(String(p.type))}${hint}, not ${kindOf(value)}`, keyword: e.keyword };
    }
    case 'enum':
      return { path, message: `"${where}" is ${JSON.stringify(valueAt(root, path))}; allowed: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, keyword: e.keyword };
    case 'const':
      return { path, message: `"${where}" must be ${JSON.stringify(p.allowedValue)}`, keyword: e.keyword };
    case 'pattern':
      return { path, message: `"${where}" (${JSON.stringify(valueAt(root, path))}) does not match ${String(p.pattern)}`, keyword: e.keyword };
    case 'format':
      return { path, message: `"${where}" is not a valid ${String(p.format)}`, keyword: e.keyword };
    case 'uniqueItems':
      return { path, message: `"${where}" has duplicate items (${String(p.j)} and ${String(p.i)})`, keyword: e.keyword };
    case 'minProperties':
    case 'minItems':
    case 'minLength':
      return { path, message: `"${where}" must not be empty`, keyword: e.keyword };
    case 'maxProperties':
      return { path, message: `"${where}" must have at most ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}`, keyword: e.keyword };
    case 'not':
      return { path, message: `"${where}" holds properties that exclude each other (${schemaName(e.schemaPath)})`, keyword: e.keyword };
    case 'oneOf':
    case 'anyOf':
      return { path, message: `"${where}" matches none of the forms allowed here`, keyword: e.keyword };
    case 'propertyNames':
      return undefined; // reported by the pattern error on the name
    case 'dependencies':
    case 'dependentRequired':
      return { path, message: `"${where}" has "${String(p.property)}" but lacks "${String(p.missingProperty)}"`, keyword: e.keyword };
    default:
      return { path, message: `"${where}" ${e.message ?? 'is invalid'}`, keyword: e.keyword };
  }
}

function schemaName(schemaPath: string): string {
  const m = /\/(?:definitions|\$defs)\/([^/]+)\/?[^/]*$/.exec(schemaPath) ?? /\/(?:definitions|\$defs)\/([^/]+)/.exec(schemaPath);
  return m ? m[1]! : 'a rule of the specification';
}

function article(type: string): string {
  const t = type.split(',')[0]!;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : `a ${typeof v}`} (${JSON.stringify(v).slice(0, 40)})`;
}
