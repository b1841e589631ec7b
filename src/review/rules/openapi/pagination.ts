import { isObj, type Obj, type Operation, type OpenApiInput } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { contentSchemas, hasType, normName, pathSegments } from './_checks.js';

/** Query parameter names (normalised) that page a list. */
export const PAGING_PARAMS = new Set([
  'page', 'pagesize', 'perpage', 'limit', 'offset', 'cursor', 'after', 'before', 'startingafter', 'endingbefore', 'pagetoken',
  'nexttoken', 'continuationtoken', 'skip', 'top', 'maxresults', 'first', 'last', 'pagenumber', 'pagecursor', 'pagelimit', 'since',
  'marker', 'startafter', 'nextpagetoken', 'pageafter', 'pagebefore', 'count',
]);

/** Envelope properties that usually hold the items of a list response. */
const ITEM_FIELDS = new Set(['data', 'items', 'results', 'entries', 'records', 'values', 'list', 'elements', 'content', 'nodes', 'edges']);

/** Does the 200 response return a collection (an array, or an envelope whose item field is an array)? */
export function returnsList(input: OpenApiInput, op: Operation): boolean {
  const ok = op.responses.find((r) => r.status === '200');
  if (!ok) return false;
  for (const { mediaType, schema } of contentSchemas(input, ok.node)) {
    if (!/json/i.test(mediaType) || !schema) continue;
    if (hasType(schema.value, 'array')) return true;
    const props = schema.value.properties;
    if (!isObj(props)) continue;
    for (const name of Object.keys(props)) {
      if (!ITEM_FIELDS.has(name.toLowerCase())) continue;
      const prop = input.child<Obj>(schema, 'properties');
      const field = prop ? input.child<Obj>(prop, name) : undefined;
      if (field && isObj(field.value) && hasType(field.value, 'array')) return true;
    }
  }
  return false;
}

export default defineRule(
  {
    name: 'pagination',
    severity: 'warning',
    summary: 'List operations are paginated (cursor, or limit and offset/page).',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      if (op.method !== 'get') continue;
      const segs = pathSegments(op.path);
      if (segs.length > 0 && segs[segs.length - 1]!.templated) continue;
      if (!returnsList(input, op)) continue;
      const paged = op.parameters.some((p) => p.in === 'query' && PAGING_PARAMS.has(normName(p.name)));
      const linkHeader = op.responses.some((r) => isObj(r.node.value.headers) && Object.keys(r.node.value.headers).some((h) => h.toLowerCase() === 'link'));
      if (paged || linkHeader) continue;
      report(op.node, `${op.label} returns a list but has no pagination parameter (cursor, limit, offset, page)`, {
        fix: { description: 'add cursor pagination', code: `parameters:\n  - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }\n  - { name: cursor, in: query, schema: { type: string, maxLength: 256 } }`, language: 'yaml' },
      });
    }
  },
);
