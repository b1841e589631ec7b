import { isObj, type Obj, type Operation, type Parameter } from '../openapi/model.js';
import type { NodeRef } from '../openapi/workspace.js';
import { compareSchemas, jsonSchemaOf, type DiffInput, type SchemaChange } from './model.js';

/** Which breaking-change rule a change belongs to (`diff-non-breaking` for the harmless ones). */
export type ChangeRule =
  | 'diff-operation-removed'
  | 'diff-required-input-added'
  | 'diff-response-field-removed'
  | 'diff-response-status-removed'
  | 'diff-type-changed'
  | 'diff-enum-narrowed'
  | 'diff-security-changed'
  | 'diff-non-breaking';

export interface Change {
  rule: ChangeRule;
  message: string;
  /** Where it is in the new version. */
  head: NodeRef;
  /** Where it was in the old version. */
  base: NodeRef;
}

const memo = new WeakMap<DiffInput, Change[]>();

/** All changes between the two versions, computed once and shared by the diff rules. */
export function changesOf(diff: DiffInput): Change[] {
  let list = memo.get(diff);
  if (!list) {
    list = computeChanges(diff);
    memo.set(diff, list);
  }
  return list;
}

function computeChanges(diff: DiffInput): Change[] {
  const out: Change[] = [];
  const headPaths = diff.head.child(diff.head.rootNode, 'paths') ?? diff.head.rootNode;
  const basePaths = diff.base.child(diff.base.rootNode, 'paths') ?? diff.base.rootNode;
  for (const op of diff.removed) {
    const headItem = diff.head.child(headPaths, op.path) ?? headPaths;
    out.push({ rule: 'diff-operation-removed', message: `${op.label} was removed: clients calling it will get 404 or 405`, head: headItem, base: op.node });
  }
  for (const op of diff.added) {
    out.push({ rule: 'diff-non-breaking', message: `${op.label} was added`, head: op.node, base: diff.base.child(basePaths, op.path) ?? basePaths });
  }
  for (const { base, head } of diff.pairs) {
    const label = head.label;
    compareParameters(diff, base, head, out);
    compareRequestBodies(diff, base, head, out);
    compareResponses(diff, base, head, out);
    compareSecurity(base, head, label, out);
  }
  return out;
}

function paramKey(p: Parameter): string {
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

function compareParameters(diff: DiffInput, base: Operation, head: Operation, out: Change[]): void {
  const label = head.label;
  // Path parameters are matched by position: renaming {id} to {userId} changes nothing for clients.
  const basePath = base.parameters.filter((p) => p.in === 'path');
  const headPath = head.parameters.filter((p) => p.in === 'path');
  const order = (op: Operation, p: Parameter): number => op.path.indexOf(`{${p.name}}`);
  basePath.sort((a, b) => order(base, a) - order(base, b));
  headPath.sort((a, b) => order(head, a) - order(head, b));
  const pairs: [Parameter, Parameter][] = [];
  basePath.forEach((p, i) => {
    const h = headPath[i];
    if (h) pairs.push([p, h]);
  });
  const baseOther = new Map(base.parameters.filter((p) => p.in !== 'path').map((p) => [paramKey(p), p]));
  const headOther = new Map(head.parameters.filter((p) => p.in !== 'path').map((p) => [paramKey(p), p]));
  for (const [key, h] of headOther) {
    const b = baseOther.get(key);
    if (!b) {
      if (h.required) out.push({ rule: 'diff-required-input-added', message: `${label}: new required ${h.in} parameter "${h.name}"; existing clients do not send it`, head: h.node, base: base.node });
      else out.push({ rule: 'diff-non-breaking', message: `${label}: new optional ${h.in} parameter "${h.name}"`, head: h.node, base: base.node });
      continue;
    }
    pairs.push([b, h]);
  }
  for (const [key, b] of baseOther) {
    if (!headOther.has(key)) out.push({ rule: 'diff-non-breaking', message: `${label}: ${b.in} parameter "${b.name}" was removed (clients that send it are ignored)`, head: head.node, base: b.node });
  }
  for (const [b, h] of pairs) {
    const what = `${h.in} parameter "${h.name}"`;
    if (!b.required && h.required) out.push({ rule: 'diff-required-input-added', message: `${label}: ${what} became required`, head: h.node, base: b.node });
    if (b.required && !h.required) out.push({ rule: 'diff-non-breaking', message: `${label}: ${what} became optional`, head: h.node, base: b.node });
    if (b.schema && h.schema) schemaChanges(diff, b.schema, h.schema, 'request', `${label}: ${what}`, '', out);
  }
}

function compareRequestBodies(diff: DiffInput, base: Operation, head: Operation, out: Change[]): void {
  const label = head.label;
  const hb = head.requestBody;
  const bb = base.requestBody;
  if (hb && !bb) {
    if (hb.value.required === true) out.push({ rule: 'diff-required-input-added', message: `${label}: a required request body was added`, head: hb, base: base.node });
    else out.push({ rule: 'diff-non-breaking', message: `${label}: an optional request body was added`, head: hb, base: base.node });
    return;
  }
  if (!hb || !bb) return;
  if (bb.value.required !== true && hb.value.required === true) out.push({ rule: 'diff-required-input-added', message: `${label}: the request body became required`, head: hb, base: bb });
  const bs = jsonSchemaOf(diff.base, bb);
  const hs = jsonSchemaOf(diff.head, hb);
  if (bs && hs) schemaChanges(diff, bs, hs, 'request', `${label}: request body`, '', out);
}

function compareResponses(diff: DiffInput, base: Operation, head: Operation, out: Change[]): void {
  const label = head.label;
  for (const br of base.responses) {
    if (!br.status.startsWith('2')) continue;
    const hr = head.responses.find((r) => r.status === br.status);
    if (!hr) {
      const other = head.responses.find((r) => r.status.startsWith('2'));
      if (other) {
        out.push({ rule: 'diff-response-status-removed', message: `${label}: success status ${br.status} is now ${other.status}; clients checking for ${br.status} will treat success as failure`, head: other.node, base: br.node });
      } else {
        out.push({ rule: 'diff-response-status-removed', message: `${label}: success response ${br.status} was removed`, head: head.responsesNode ?? head.node, base: br.node });
      }
      continue;
    }
    const bs = jsonSchemaOf(diff.base, br.node);
    const hs = jsonSchemaOf(diff.head, hr.node);
    if (bs && hs) schemaChanges(diff, bs, hs, 'response', `${label}: ${br.status} response`, '', out);
  }
}

function schemaChanges(diff: DiffInput, b: NodeRef<Obj>, h: NodeRef<Obj>, side: 'request' | 'response', where: string, field: string, out: Change[]): void {
  for (const c of compareSchemas(diff.base, diff.head, b, h, field)) {
    const change = describe(c, side, where);
    if (change) out.push(change);
  }
}

function fieldName(field: string): string {
  return field === '' ? 'the body' : `field "${field}"`;
}

function describe(c: SchemaChange, side: 'request' | 'response', where: string): Change | undefined {
  const f = fieldName(c.field);
  switch (c.kind) {
    case 'type':
      return { rule: 'diff-type-changed', message: `${where}: ${f} changed type from ${c.from} to ${c.to}`, head: c.head, base: c.base };
    case 'property-removed':
      if (side === 'response') {
        const hint = c.renamedTo ? ` (renamed to "${c.renamedTo}"?)` : '';
        return { rule: 'diff-response-field-removed', message: `${where}: ${f} was removed${hint}; clients reading it break`, head: c.headParent, base: c.base };
      }
      return { rule: 'diff-non-breaking', message: `${where}: ${f} is no longer accepted`, head: c.headParent, base: c.base };
    case 'property-added':
      if (side === 'request' && c.required) return { rule: 'diff-required-input-added', message: `${where}: new required ${f}; existing clients do not send it`, head: c.head, base: c.base };
      return { rule: 'diff-non-breaking', message: `${where}: ${side === 'request' ? 'new optional' : 'new'} ${f}`, head: c.head, base: c.base };
    case 'became-required':
      if (side === 'request') return { rule: 'diff-required-input-added', message: `${where}: ${f} became required`, head: c.head, base: c.base };
      return { rule: 'diff-non-breaking', message: `${where}: ${f} is now always present`, head: c.head, base: c.base };
    case 'became-optional':
      if (side === 'response') return { rule: 'diff-response-field-removed', message: `${where}: ${f} is no longer required, so it may be absent; clients that rely on it break`, head: c.head, base: c.base };
      return { rule: 'diff-non-breaking', message: `${where}: ${f} became optional`, head: c.head, base: c.base };
    case 'enum-removed':
      if (side === 'request') {
        return { rule: 'diff-enum-narrowed', message: `${where}: ${f} no longer accepts ${c.values.map((v) => JSON.stringify(v)).join(', ')}`, head: c.head, base: c.base };
      }
      return { rule: 'diff-non-breaking', message: `${where}: ${f} no longer returns ${c.values.map((v) => JSON.stringify(v)).join(', ')}`, head: c.head, base: c.base };
    case 'enum-added':
      return {
        rule: 'diff-non-breaking',
        message: `${where}: ${f} ${side === 'request' ? 'accepts' : 'may return'} new values ${c.values.map((v) => JSON.stringify(v)).join(', ')}${side === 'response' ? ' (clients with exhaustive handling need a default case)' : ''}`,
        head: c.head,
        base: c.base,
      };
  }
}

/** Security requirements as a comparable string: alternatives of scheme sets with scopes. */
function securitySignature(op: Operation): string {
  if (!op.security) return '';
  const alts = op.security
    .filter(isObj)
    .map((req) =>
      Object.keys(req)
        .sort()
        .map((k) => `${k}[${(Array.isArray(req[k]) ? (req[k] as unknown[]).map(String) : []).sort().join(',')}]`)
        .join('+'),
    )
    .sort();
  return alts.join(' | ');
}

function compareSecurity(base: Operation, head: Operation, label: string, out: Change[]): void {
  const b = securitySignature(base);
  const h = securitySignature(head);
  if (b === h) return;
  const at = (op: Operation): NodeRef => (op.securitySource === 'operation' ? { doc: op.node.doc, path: [...op.node.path, 'security'], value: op.security } : op.node);
  // No requirement, or an empty alternative (`{}`), means a client may call without credentials.
  if (h === '' || h.split(' | ').includes('')) {
    out.push({ rule: 'diff-non-breaking', message: `${label}: authentication is no longer required (was ${b || 'none'}); check that this is intended`, head: at(head), base: at(base) });
    return;
  }
  out.push({ rule: 'diff-security-changed', message: `${label}: security changed from ${b || 'none'} to ${h}; existing credentials may be rejected`, head: at(head), base: at(base) });
}
