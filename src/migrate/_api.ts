import { ArchieError } from '../errors.js';
import { MiB, readTextFile } from '../util/input.js';
import { parseJson, parseYaml } from '../util/parse.js';
import { byCodeUnit } from '../util/compare.js';

/**
 * The monolith's API reduced to what decomposition needs: each operation with its path, tags,
 * the schema it is about (its primary response or request schema) and the schemas and `*_id`
 * fields it touches. OpenAPI 3.x and Swagger 2.0; local `$ref`s only (external files and URLs are
 * counted and reported, never fetched).
 */
export interface ApiOperation {
  method: string;
  path: string;
  tags: string[];
  operationId: string | null;
  /** The component schema the operation returns or accepts at top level. */
  primary: string | null;
  /** Component schemas reached from the operation (transitively). */
  schemas: string[];
  /** `*_id` property names in the schemas it touches (foreign keys to other resources). */
  idFields: string[];
}

export interface ApiModel {
  title: string;
  operations: ApiOperation[];
  /** Schema → schemas its properties reference directly, and its `*_id` fields. */
  schemaRefs: Map<string, string[]>;
  schemaIdFields: Map<string, string[]>;
  paths: number;
  externalRefs: number;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readApi(path: string): Promise<ApiModel> {
  const text = await readTextFile(path, { maxBytes: 64 * MiB, what: 'OpenAPI document' });
  const options = { path, label: 'the OpenAPI document', hint: 'pass a JSON or YAML OpenAPI 3 or Swagger 2.0 file' };
  let doc: unknown;
  try {
    doc = /^\s*[{[]/.test(text) ? parseJson(text, options) : parseYaml(text, { ...options, maxAliasCount: 10_000 }).value;
  } catch (e) {
    // Syntax errors keep this command's wording; nesting, alias and size problems say what they are.
    if (e instanceof ArchieError && /^the OpenAPI document is not valid (JSON|YAML): /.test(e.message)) {
      throw new ArchieError('INPUT', `cannot parse the OpenAPI document: ${e.message.replace(/^the OpenAPI document is not valid (JSON|YAML): /, '')}`, { path, line: e.line, column: e.column, hint: e.hint });
    }
    throw e;
  }
  return apiFromDocument(doc, path);
}

export function apiFromDocument(doc: unknown, path: string): ApiModel {
  if (!isObj(doc) || (doc.openapi === undefined && doc.swagger === undefined)) {
    throw new ArchieError('INPUT', 'not an OpenAPI document (no openapi or swagger field)', { path, hint: 'pass the monolith\'s OpenAPI 3 or Swagger 2.0 description' });
  }
  const paths = doc.paths;
  if (!isObj(paths) || Object.keys(paths).length === 0) {
    throw new ArchieError('INVALID', 'the OpenAPI document has no paths: there are no endpoints to group into contexts', {
      path, hint: 'pass the document that lists the monolith\'s endpoints, or describe the system in a brief (archie migrate --brief ...)',
    });
  }
  const swagger2 = doc.swagger !== undefined;
  const components = isObj(doc.components) ? doc.components : {};
  const schemas: Obj = swagger2 ? (isObj(doc.definitions) ? doc.definitions : {}) : isObj(components.schemas) ? components.schemas : {};
  let externalRefs = 0;

  const resolvePointer = (ref: string): unknown => {
    if (!ref.startsWith('#/')) {
      externalRefs++;
      return undefined;
    }
    let node: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObj(node) && !Array.isArray(node)) return undefined;
      node = (node as Obj)[key];
    }
    return node;
  };
  const schemaName = (ref: string): string | null => {
    const m = swagger2 ? /^#\/definitions\/([^/]+)$/.exec(ref) : /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    return m ? decodeURIComponent(m[1]!.replace(/~1/g, '/').replace(/~0/g, '~')) : null;
  };

  // Direct references and *_id fields of each component schema (not following into other schemas).
  const schemaRefs = new Map<string, string[]>();
  const schemaIdFields = new Map<string, string[]>();
  const walkShallow = (node: unknown, refs: Set<string>, ids: Set<string>, seen: Set<unknown>) => {
    if (!isObj(node) && !Array.isArray(node)) return;
    if (seen.has(node)) return;
    seen.add(node);
    if (isObj(node) && typeof node.$ref === 'string') {
      const n = schemaName(node.$ref);
      if (n) {
        refs.add(n);
        return;
      }
      walkShallow(resolvePointer(node.$ref), refs, ids, seen);
      return;
    }
    if (isObj(node) && isObj(node.properties)) {
      for (const k of Object.keys(node.properties)) if (/^[a-z][a-z0-9_]*_ids?$/.test(k) && k !== 'id') ids.add(k.replace(/_ids$/, '_id'));
    }
    for (const v of Array.isArray(node) ? node : Object.values(node)) walkShallow(v, refs, ids, seen);
  };
  for (const [name, s] of Object.entries(schemas)) {
    const refs = new Set<string>();
    const ids = new Set<string>();
    walkShallow(s, refs, ids, new Set());
    refs.delete(name);
    schemaRefs.set(name, [...refs]);
    schemaIdFields.set(name, [...ids]);
  }
  const closure = (start: Iterable<string>): string[] => {
    const out = new Set<string>();
    const stack = [...start];
    while (stack.length) {
      const n = stack.pop()!;
      if (out.has(n)) continue;
      out.add(n);
      for (const r of schemaRefs.get(n) ?? []) stack.push(r);
    }
    return [...out];
  };

  // The first component schema at the top of a body: the thing the operation is about.
  const primaryOf = (node: unknown, depth = 0): string | null => {
    if (depth > 6 || !isObj(node)) return null;
    if (typeof node.$ref === 'string') return schemaName(node.$ref) ?? primaryOf(resolvePointer(node.$ref), depth + 1);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = node[key];
      if (Array.isArray(list)) {
        // Pagination wrappers come first in allOf; prefer a member that is not a shared envelope.
        for (const m of list) {
          const p = primaryOf(m, depth + 1);
          if (p && !/paginat|envelope|meta|error/i.test(p)) return p;
        }
      }
    }
    if (isObj(node.items)) return primaryOf(node.items, depth + 1);
    if (isObj(node.properties)) {
      const props = Object.values(node.properties);
      if (props.length <= 3) for (const p of props) {
        const r = primaryOf(p, depth + 1);
        if (r) return r;
      }
    }
    return null;
  };

  const operations: ApiOperation[] = [];
  for (const [p, rawItem] of Object.entries(paths)) {
    let item = rawItem;
    if (isObj(item) && typeof item.$ref === 'string') item = resolvePointer(item.$ref);
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const refs = new Set<string>();
      const ids = new Set<string>();
      walkShallow({ op, shared: item.parameters }, refs, ids, new Set());
      // Bodies and responses: the schema the operation is about.
      const bodies: unknown[] = [];
      const responses = isObj(op.responses) ? op.responses : {};
      for (const [code, r] of Object.entries(responses).sort(([a], [b]) => byCodeUnit(a, b))) {
        if (!/^2/.test(code)) continue;
        const res = isObj(r) && typeof r.$ref === 'string' ? resolvePointer(r.$ref) : r;
        if (!isObj(res)) continue;
        if (swagger2) bodies.push(res.schema);
        else if (isObj(res.content)) for (const c of Object.values(res.content)) if (isObj(c)) bodies.push(c.schema);
      }
      const rb = isObj(op.requestBody) && typeof op.requestBody.$ref === 'string' ? resolvePointer(op.requestBody.$ref) : op.requestBody;
      if (isObj(rb) && isObj(rb.content)) for (const c of Object.values(rb.content)) if (isObj(c)) bodies.push(c.schema);
      if (swagger2 && Array.isArray(op.parameters)) for (const prm of op.parameters) if (isObj(prm) && prm.in === 'body') bodies.push(prm.schema);
      let primary: string | null = null;
      for (const b of bodies) {
        primary = primaryOf(b);
        if (primary) break;
      }
      const reached = closure(refs);
      for (const s of reached) for (const f of schemaIdFields.get(s) ?? []) ids.add(f);
      operations.push({
        method: method.toUpperCase(),
        path: p,
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
        operationId: typeof op.operationId === 'string' ? op.operationId : null,
        primary,
        schemas: reached.sort(),
        idFields: [...ids].sort(),
      });
    }
  }
  if (operations.length === 0) {
    throw new ArchieError('INVALID', 'the OpenAPI document\'s paths have no operations', { path, hint: 'each path needs at least one of get, post, put, patch, delete' });
  }
  const info = isObj(doc.info) ? doc.info : {};
  return { title: typeof info.title === 'string' ? info.title : 'the monolith', operations, schemaRefs, schemaIdFields, paths: Object.keys(paths).length, externalRefs };
}
