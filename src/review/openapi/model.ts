import type { SourceDoc } from './source.js';
import { specVersionOf, type SpecVersion } from './structure.js';
import { childRef, refOf, type NodeRef, type RefProblem, type Workspace } from './workspace.js';

/**
 * The reviewed view of one OpenAPI description: the operations, indexed once with their
 * parameters, request body, responses and effective security already resolved, plus lazily
 * computed passes shared by several rules (every `$ref`, every schema a client sends). Rules read
 * this; none of them walks the whole document on its own.
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

export type Obj = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  /** The parameter object (dereferenced: it may live in components or another file). */
  node: NodeRef<Obj>;
  schema: NodeRef<Obj> | undefined;
}

export interface ResponseEntry {
  /** `200`, `4XX`, `default`. */
  status: string;
  /** The response object, dereferenced. */
  node: NodeRef<Obj>;
}

export interface Operation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  /** `GET /users/{id}`. */
  label: string;
  node: NodeRef<Obj>;
  pathItem: NodeRef<Obj>;
  /** Path-level parameters merged with operation-level ones (operation wins on name + in). */
  parameters: Parameter[];
  requestBody: NodeRef<Obj> | undefined;
  /** The `responses` object, if present. */
  responsesNode: NodeRef<Obj> | undefined;
  responses: ResponseEntry[];
  /** Effective security requirements: the operation's own, else the root's; undefined when neither is declared. */
  security: unknown[] | undefined;
  securitySource: 'operation' | 'root' | undefined;
}

export interface RefUse {
  /** The object holding `$ref`. */
  node: NodeRef<Obj>;
  ref: string;
  /** Where it points, when it resolves. */
  target: NodeRef | undefined;
  problem: RefProblem | undefined;
  /** Inside a vendor extension (`x-…`), whose content OpenAPI does not define. */
  inExtension: boolean;
}

export interface SchemaVisit {
  node: NodeRef<Obj>;
  /** Property name when the schema is an object property. */
  property: string | undefined;
  /** The first operation that sends this schema. */
  operation: Operation;
  /** `requestBody` or `parameter`. */
  origin: 'requestBody' | 'parameter';
}

export class OpenApiInput {
  readonly root: Obj;
  readonly rootNode: NodeRef<Obj>;
  /** The specification version: 2.0 (Swagger), 3.0, 3.1 or 3.2. */
  readonly version: SpecVersion;
  readonly operations: Operation[];
  /** Operations of `webhooks` (3.1+): requests the API sends, not ones it serves. */
  readonly webhooks: Operation[];
  private refsMemo: RefUse[] | undefined;
  private inputMemo: SchemaVisit[] | undefined;
  private schemasMemo: NodeRef<Obj>[] | undefined;

  constructor(
    readonly ws: Workspace,
    readonly doc: SourceDoc,
  ) {
    this.root = doc.value as Obj;
    this.rootNode = { doc, path: [], value: this.root };
    this.version = specVersionOf(this.root) ?? '3.0';
    this.operations = indexOperations(this, 'paths');
    this.webhooks = indexOperations(this, 'webhooks');
  }

  /** Follow `$ref` from a node (see Workspace.deref). */
  deref<T = Obj>(node: NodeRef): NodeRef<T> {
    return this.ws.deref<T>(node);
  }

  child<T = Obj>(node: NodeRef, key: string | number): NodeRef<T> | undefined {
    return this.ws.child<T>(node, key);
  }

  /** Every `$ref` in the root document and the files it references, in document order per file. */
  refs(): RefUse[] {
    return (this.refsMemo ??= collectRefs(this));
  }

  /**
   * Every distinct schema reachable from components, parameters, request bodies and responses,
   * each once (shared schemas are not revisited).
   */
  schemas(): NodeRef<Obj>[] {
    return (this.schemasMemo ??= collectAllSchemas(this));
  }

  /** Every distinct schema a client sends (parameters and request bodies), each once. */
  inputSchemas(): SchemaVisit[] {
    return (this.inputMemo ??= collectInputSchemas(this));
  }
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function indexOperations(input: OpenApiInput, section: 'paths' | 'webhooks'): Operation[] {
  const out: Operation[] = [];
  const pathsValue = input.root[section];
  if (!isObj(pathsValue)) return out;
  const rootSecurity = Array.isArray(input.root.security) ? input.root.security : undefined;
  for (const [path, rawItem] of Object.entries(pathsValue)) {
    if (!isObj(rawItem)) continue;
    const pathItem = input.deref<Obj>({ doc: input.doc, path: [section, path], value: rawItem });
    if (!isObj(pathItem.value)) continue;
    const shared = parametersOf(input, pathItem);
    for (const method of HTTP_METHODS) {
      if (!isObj(pathItem.value[method])) continue;
      // Operation objects may not be $refs by the letter of the spec, but multi-file descriptions
      // (DigitalOcean's, for one) use them and every tool follows them.
      const node = input.deref<Obj>(childRef(pathItem, [method], pathItem.value[method]));
      const opValue = node.value;
      if (!isObj(opValue)) continue;
      const own = parametersOf(input, node);
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const requestBody = isObj(opValue.requestBody) ? input.child<Obj>(node, 'requestBody') : undefined;
      const responsesNode = isObj(opValue.responses) ? childRef(node, ['responses'], opValue.responses as Obj) : undefined;
      const responses: ResponseEntry[] = [];
      if (responsesNode) {
        for (const [status, raw] of Object.entries(responsesNode.value)) {
          if (!isObj(raw)) continue;
          const resolved = input.deref<Obj>(childRef(responsesNode, [status], raw));
          if (isObj(resolved.value)) responses.push({ status, node: resolved });
        }
      }
      const ownSecurity = Array.isArray(opValue.security) ? opValue.security : undefined;
      out.push({
        method,
        path,
        label: section === 'paths' ? `${method.toUpperCase()} ${path}` : `webhook ${path} (${method.toUpperCase()})`,
        node,
        pathItem,
        parameters,
        requestBody: requestBody && isObj(requestBody.value) ? requestBody : undefined,
        responsesNode,
        responses,
        security: ownSecurity ?? rootSecurity,
        securitySource: ownSecurity ? 'operation' : rootSecurity ? 'root' : undefined,
      });
    }
  }
  return out;
}

function parametersOf(input: OpenApiInput, holder: NodeRef<Obj>): Parameter[] {
  const list = holder.value.parameters;
  if (!Array.isArray(list)) return [];
  const out: Parameter[] = [];
  list.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const node = input.deref<Obj>(childRef(holder, ['parameters', i], raw));
    const p = node.value;
    if (!isObj(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
    let schema = isObj(p.schema) ? input.child<Obj>(node, 'schema') : undefined;
    if (!schema && isObj(p.content)) {
      const first = Object.keys(p.content)[0];
      const media = first === undefined ? undefined : input.child<Obj>(node, 'content');
      const mt = media && first !== undefined ? input.child<Obj>(media, first) : undefined;
      schema = mt && isObj(mt.value.schema) ? input.child<Obj>(mt, 'schema') : undefined;
    }
    out.push({ name: p.name, in: p.in, required: p.required === true || p.in === 'path', node, schema: schema && isObj(schema.value) ? schema : undefined });
  });
  return out;
}

/**
 * Keys whose values are literal data, never OpenAPI objects that could hold a `$ref`. (`default`
 * is literal in a schema but a response code and an example name elsewhere, so it is walked.)
 */
const LITERAL_KEYS = new Set(['example']);

/** Walk every value of the root document and of each file it references (once per file). */
function collectRefs(input: OpenApiInput): RefUse[] {
  const out: RefUse[] = [];
  const queue: SourceDoc[] = [input.doc];
  const seenDocs = new Set<string>([input.doc.file]);
  interface Frame {
    value: unknown;
    key: string | number;
    parent: Frame | undefined;
    ext: boolean;
  }
  const pathOf = (f: Frame): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let x: Frame | undefined = f; x?.parent; x = x.parent) path.push(x.key);
    return path.reverse();
  };
  // The path of a `$ref` is built when a rule reads it, not per use: refs deep in a document would
  // otherwise each hold a copy of their whole path.
  const nodeAt = (doc: SourceDoc, frame: Frame, value: Obj): NodeRef<Obj> => ({
    doc,
    value,
    get path() {
      return pathOf(frame);
    },
  });
  while (queue.length > 0) {
    const doc = queue.shift()!;
    const stack: Frame[] = [{ value: doc.value, key: '', parent: undefined, ext: false }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const value = frame.value;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const v: unknown = value[i];
          if (v !== null && typeof v === 'object') stack.push({ value: v, key: i, parent: frame, ext: frame.ext });
        }
        continue;
      }
      if (!isObj(value)) continue;
      const ref = refOf(value);
      if (ref !== undefined) {
        const r = input.ws.resolveRef(doc, ref);
        out.push({ node: nodeAt(doc, frame, value), ref, target: r.ok ? r.node : undefined, problem: r.ok ? undefined : r.problem, inExtension: frame.ext });
        if (r.ok && !seenDocs.has(r.node.doc.file)) {
          seenDocs.add(r.node.doc.file);
          queue.push(r.node.doc);
        }
      }
      // Under `properties` every key is a property name; elsewhere `example` holds literal data.
      const literalKeysApply = frame.key !== 'properties';
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const v = value[k];
        if (v === null || typeof v !== 'object') continue;
        if (literalKeysApply && (LITERAL_KEYS.has(k) || (k === 'examples' && Array.isArray(v)))) continue;
        // Example objects (`examples: {name: {value: …}}`) hold literal data, `$ref` keys included (SCIM).
        if (k === 'value' && frame.parent?.key === 'examples') continue;
        stack.push({ value: v, key: k, parent: frame, ext: frame.ext || (literalKeysApply && k.startsWith('x-')) });
      }
    }
  }
  return out;
}

const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SCHEMA_SINGLES = ['items', 'not', 'additionalProperties', 'contains'] as const;

/**
 * Depth-first walk over a schema and its subschemas, following `$ref`, each distinct schema object
 * once per `seen` set. `visit` returns false to skip the node's children.
 */
export function walkSchema(
  input: OpenApiInput,
  start: NodeRef,
  seen: Set<unknown>,
  visit: (node: NodeRef<Obj>, property: string | undefined) => boolean | void,
): void {
  const stack: { node: NodeRef; property: string | undefined }[] = [{ node: start, property: undefined }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const node = input.deref<Obj>(item.node);
    const s = node.value;
    if (!isObj(s) || seen.has(s)) continue;
    seen.add(s);
    if (visit(node, item.property) === false) continue;
    const props = s.properties;
    if (isObj(props)) {
      const names = Object.keys(props);
      for (let i = names.length - 1; i >= 0; i--) {
        const name = names[i]!;
        const v = props[name];
        if (isObj(v)) stack.push({ node: childRef(node, ['properties', name], v), property: name });
      }
    }
    for (const key of SCHEMA_SINGLES) {
      const v = s[key];
      const property = key === 'items' && item.property !== undefined ? `${item.property}[]` : undefined;
      if (isObj(v)) stack.push({ node: childRef(node, [key], v), property });
    }
    for (const key of SCHEMA_LISTS) {
      const list = s[key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, i) => {
        if (isObj(v)) stack.push({ node: childRef(node, [key, i], v), property: item.property });
      });
    }
  }
}

function collectInputSchemas(input: OpenApiInput): SchemaVisit[] {
  const out: SchemaVisit[] = [];
  const seen = new Set<unknown>();
  for (const op of input.operations) {
    for (const p of op.parameters) {
      if (!p.schema) continue;
      walkSchema(input, p.schema, seen, (node, property) => {
        out.push({ node, property: property ?? p.name, operation: op, origin: 'parameter' });
        return node.value.readOnly !== true;
      });
    }
    const content = op.requestBody ? input.child<Obj>(op.requestBody, 'content') : undefined;
    if (!content || !isObj(content.value)) continue;
    for (const mediaType of Object.keys(content.value)) {
      const media = input.child<Obj>(content, mediaType);
      const schema = media && isObj(media.value.schema) ? input.child<Obj>(media, 'schema') : undefined;
      if (!schema) continue;
      walkSchema(input, schema, seen, (node, property) => {
        // readOnly properties are not sent by clients: they are not inputs.
        if (node.value.readOnly === true) return false;
        out.push({ node, property, operation: op, origin: 'requestBody' });
        return true;
      });
    }
  }
  return out;
}

function collectAllSchemas(input: OpenApiInput): NodeRef<Obj>[] {
  const out: NodeRef<Obj>[] = [];
  const seen = new Set<unknown>();
  const visit = (node: NodeRef<Obj>): void => {
    out.push(node);
  };
  const components = input.child(input.rootNode, 'components');
  const schemas = components ? input.child(components, 'schemas') : undefined;
  if (schemas && isObj(schemas.value)) {
    for (const name of Object.keys(schemas.value)) {
      const s = input.child(schemas, name);
      if (s) walkSchema(input, s, seen, visit);
    }
  }
  const fromContent = (holder: NodeRef<Obj> | undefined): void => {
    const content = holder ? input.child<Obj>(holder, 'content') : undefined;
    if (!content || !isObj(content.value)) return;
    for (const mt of Object.keys(content.value)) {
      const media = input.child<Obj>(content, mt);
      const schema = media && isObj(media.value.schema) ? input.child<Obj>(media, 'schema') : undefined;
      if (schema) walkSchema(input, schema, seen, visit);
    }
  };
  for (const op of input.operations) {
    for (const p of op.parameters) if (p.schema) walkSchema(input, p.schema, seen, visit);
    fromContent(op.requestBody);
    for (const r of op.responses) fromContent(r.node);
  }
  return out;
}
