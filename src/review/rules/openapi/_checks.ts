import type { Obj, OpenApiInput, Operation } from '../../openapi/model.js';
import { isObj } from '../../openapi/model.js';
import type { NodeRef } from '../../openapi/workspace.js';
import type { RuleContext } from '../../openapi/rule.js';

/**
 * Reusable check functions shared by the OpenAPI rules: small predicates over names, schemas and
 * operations, so that most rules are a few lines of data over them.
 */

/** Normalise a header or parameter name for comparison: lower case, no `-`, `_` or brackets. */
export function normName(name: string): string {
  return name.toLowerCase().replace(/[-_[\].\s]/g, '');
}

/** The JSON Schema type(s) of a schema, as a list (3.1 allows an array, 3.0 `nullable`). */
export function schemaTypes(schema: Obj): string[] {
  const t = schema.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string' && x !== 'null');
  if (isObj(schema.items)) return ['array'];
  if (isObj(schema.properties)) return ['object'];
  return [];
}

export function hasType(schema: Obj, type: string): boolean {
  return schemaTypes(schema).includes(type);
}

/** Static path segments (not templated), with their index. */
export function pathSegments(path: string): { text: string; templated: boolean }[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((text) => ({ text, templated: text.includes('{') }));
}

/** Singular words that end in -s (checked before the -s rule). */
const SINGULAR_S = new Set([
  'status', 'bus', 'virus', 'campus', 'census', 'corpus', 'focus', 'bonus', 'radius', 'apparatus', 'analysis', 'basis', 'axis',
  'thesis', 'crisis', 'diagnosis', 'synopsis', 'hypothesis', 'emphasis', 'chassis', 'alias', 'canvas', 'atlas', 'gas', 'lens',
  'process', 'address', 'access', 'class', 'business', 'progress', 'news',
]);

const IRREGULAR_PLURALS = new Set([
  'people', 'children', 'men', 'women', 'data', 'media', 'criteria', 'feet', 'teeth', 'mice', 'geese',
  'indices', 'matrices', 'vertices', 'analyses', 'bases', 'phenomena', 'metadata', 'series', 'species',
  'news', 'information', 'feedback', 'staff', 'equipment', 'software', 'hardware', 'traffic', 'billing',
  'inventory', 'usage', 'content', 'access', 'analytics', 'settings', 'stats', 'status',
]);

/** True when the last word of a segment reads as plural (or uncountable). */
export function isPlural(segment: string): boolean {
  const words = segment.split(/[-_.]|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  const last = (words[words.length - 1] ?? segment).toLowerCase();
  if (IRREGULAR_PLURALS.has(last)) return true;
  if (/^v\d+/.test(last) || /^\d/.test(last)) return true;
  if (SINGULAR_S.has(last) || last.endsWith('ss')) return false;
  return last.endsWith('s');
}

/** Verbs that make a path segment an RPC call rather than a resource. */
export const CRUD_VERBS = new Set([
  'get', 'create', 'update', 'delete', 'remove', 'list', 'fetch', 'retrieve', 'add', 'set', 'insert',
  'modify', 'edit', 'save', 'put', 'post', 'patch', 'destroy', 'find', 'query', 'read', 'write',
]);

/** Does the segment start with a CRUD verb used as a verb (not `AddOnResults` or `set-up`, which are nouns)? */
export function startsWithVerb(segment: string): boolean {
  const words = segment.split(/[-_.]|(?<=[a-z])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
  if (!CRUD_VERBS.has(words[0] ?? '')) return false;
  return !['on', 'up', 'in', 'out', 'over', 'ons', 'ups'].includes(words[1] ?? '');
}

/** Is this parameter/property name an identifier (`id`, `user_id`, `userId`, `user-id`)? */
export function isIdentifierName(name: string): boolean {
  return name === 'id' || name === 'ID' || /(_id|-id|Id|ID)$/.test(name);
}

/** The success (2xx) responses of an operation. */
export function successResponses(op: Operation): Operation['responses'] {
  return op.responses.filter((r) => r.status.startsWith('2'));
}

/** Does the operation accept a header parameter whose normalised name satisfies `test`? */
export function acceptsHeader(op: Operation, test: (norm: string) => boolean): boolean {
  return op.parameters.some((p) => p.in.toLowerCase() === 'header' && test(normName(p.name)));
}

/** Does any of the operation's responses declare a header whose normalised name satisfies `test`? */
export function returnsHeader(input: OpenApiInput, op: Operation, test: (norm: string) => boolean, statuses?: (status: string) => boolean): boolean {
  return op.responses.some((r) => {
    if (statuses && !statuses(r.status)) return false;
    const headers = r.node.value.headers;
    return isObj(headers) && Object.keys(headers).some((h) => test(normName(h)));
  });
}

/**
 * Report each failing item where it is. (An earlier version folded an API-wide gap into one
 * finding at `paths`, "468 of 468 operations …": that left nothing to click, suppress or fix one
 * operation at a time, and SARIF viewers showed one annotation for hundreds of places.) The
 * candidate count and the summary wording stay in the signature for the callers' evidence.
 */
export function reportEachOrOnce(
  ctx: RuleContext,
  failing: { node: NodeRef; message: string }[],
  _candidates: number,
  _allMessage: (failing: number, total: number) => string,
): void {
  for (const f of failing) ctx.report(f.node, f.message);
}

/** The schemas of a response's or request body's media types. */
export function contentSchemas(input: OpenApiInput, holder: NodeRef<Obj>): { mediaType: string; media: NodeRef<Obj>; schema: NodeRef<Obj> | undefined }[] {
  const content = input.child<Obj>(holder, 'content');
  if (!content || !isObj(content.value)) return [];
  return Object.keys(content.value).map((mediaType) => {
    const media = input.child<Obj>(content, mediaType)!;
    const schema = media && isObj(media.value.schema) ? input.child<Obj>(media, 'schema') : undefined;
    return { mediaType, media, schema: schema && isObj(schema.value) ? schema : undefined };
  });
}

/** True when the operation documents `status` exactly or by its range (`4XX`). */
export function hasResponse(op: Operation, status: string): boolean {
  const range = `${status.charAt(0)}xx`;
  return op.responses.some((r) => r.status === status || r.status.toLowerCase() === range);
}

/**
 * Does the schema list its allowed values: `enum`, `const`, or (the OpenAPI 3.1 idiom) a
 * `oneOf`/`anyOf` whose every branch is itself enumerated?
 */
export function isEnumerated(input: OpenApiInput, node: NodeRef<Obj>, depth = 0): boolean {
  const s = node.value;
  if (Array.isArray(s.enum) || s.const !== undefined) return true;
  if (depth > 4) return false;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    const holder = input.child<Obj>(node, key);
    if (!holder) continue;
    return list.every((_, i) => {
      const branch = input.child<Obj>(holder, i);
      return branch !== undefined && isObj(branch.value) && (branch.value.type === 'null' || isEnumerated(input, branch, depth + 1));
    });
  }
  return false;
}
