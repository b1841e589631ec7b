import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { isObj, type Obj, type OpenApiInput } from './model.js';
import { toPointer } from './source.js';
import { childRef, type NodeRef } from './workspace.js';

/**
 * Examples checked against their schemas with Ajv: media type examples (`example`, `examples.*.value`)
 * of request bodies, responses and headers, parameter examples, and the examples of schemas
 * themselves. Every parsed file of the description is added to one Ajv instance under its file
 * URL, so a schema is compiled where it is, with its `$ref`s (also into other files) resolved by
 * Ajv, and compiled once however many examples use it.
 *
 * JSON Schema as OpenAPI uses it: 3.0 schemas with draft-07 semantics and Ajv's `nullable`, 3.1 and
 * 3.2 with draft 2020-12. Unknown formats (`int32`, `int64`, `binary`) are not checked; `readOnly`
 * properties are not required in what a client sends, `writeOnly` ones not in what it receives.
 */
export interface ExampleProblem {
  /** The example value's node. */
  node: NodeRef;
  /** What the example illustrates, e.g. `response 200 of GET /orders (application/json)`. */
  subject: string;
  errors: string[];
}

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/** Media types whose examples are JSON values (others, such as text/csv, are strings of their format). */
export function isJsonMediaType(mediaType: string): boolean {
  const mt = mediaType.toLowerCase().split(';')[0]!.trim();
  return mt === 'application/json' || mt.endsWith('+json') || mt === '*/*' || mt === 'application/*' || mt === 'application/x-www-form-urlencoded';
}

class ExampleValidator {
  private readonly ajv: Ajv;
  private readonly added = new Set<string>();
  private readonly cache = new Map<string, ValidateFunction | null>();
  private readonly byText = new Map<string, ValidateFunction | null>();

  constructor(private readonly input: OpenApiInput) {
    // Most schemas are compiled for one example and run once: unoptimised code compiles in half the time.
    const options = { strict: false, allErrors: true, inlineRefs: false, code: { optimize: false }, validateSchema: false, logger: false, verbose: true } as const;
    this.ajv = input.version === '3.0' || input.version === '2.0' ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
    addFormats(this.ajv);
    // Ajv knows 3.0's `nullable: true` (it widens `type` to null); these are annotations.
    for (const k of ['discriminator', 'xml', 'externalDocs', 'example']) this.ajv.addKeyword(k);
  }

  private readonly uris = new Map<string, string>();

  private uri(file: string): string {
    let u = this.uris.get(file);
    if (u === undefined) this.uris.set(file, (u = pathToFileURL(file).href));
    return u;
  }

  /** A validator for the schema at `node`, or null when it cannot be compiled. */
  validatorFor(start: NodeRef<Obj>): ValidateFunction | null {
    // One compile per schema however it is reached: `$ref`s to one component share it.
    const node = this.input.deref<Obj>(start);
    const base = this.uri(node.doc.file);
    const key = `${base}${toPointer(node.path)}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    // Inline schemas are often repeated word for word (`type: array, items: {$ref: …}`): in one
    // file, the same text means the same schema, so it is compiled once.
    const text = `${base}\u0000${JSON.stringify(node.value)}`;
    const same = this.byText.get(text);
    if (same !== undefined) {
      this.cache.set(key, same);
      return same;
    }
    // Files loaded since the last call (a $ref read lazily) are added; the others already are.
    if (this.input.ws.docs.size !== this.added.size) {
      for (const doc of this.input.ws.docs.values()) {
        if (this.added.has(doc.file)) continue;
        this.added.add(doc.file);
        this.ajv.addSchema(doc.value as object, this.uri(doc.file));
      }
    }
    let v: ValidateFunction | null;
    try {
      v = this.ajv.compile({ $ref: key });
    } catch {
      v = null; // a schema Ajv cannot compile (a $ref to nowhere, a malformed keyword): other rules report it
    }
    this.cache.set(key, v);
    this.byText.set(text, v);
    return v;
  }
}

function describeError(e: ErrorObject, direction: 'request' | 'response' | 'schema'): string | undefined {
  const at = e.instancePath === '' ? 'the example' : e.instancePath;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const props = isObj(e.parentSchema) && isObj(e.parentSchema.properties) ? e.parentSchema.properties : {};
      const prop = props[String(p.missingProperty)];
      if (isObj(prop) && ((direction === 'request' && prop.readOnly === true) || (direction === 'response' && prop.writeOnly === true))) return undefined;
      return `${at} lacks the required property "${String(p.missingProperty)}"`;
    }
    case 'type':
      return `${at} must be ${String(p.type)}`;
    case 'enum':
      return `${at} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `${at} has the property "${String(p.additionalProperty ?? p.unevaluatedProperty)}", which the schema does not allow`;
    case 'if':
      return undefined;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** Check every example of the description; one problem per example that fails. */
export function checkExamples(input: OpenApiInput): ExampleProblem[] {
  const validator = new ExampleValidator(input);
  const out: ExampleProblem[] = [];
  const seen = new Set<unknown>();
  const check = (value: NodeRef, schema: NodeRef<Obj>, subject: string, direction: 'request' | 'response' | 'schema'): void => {
    const v = validator.validatorFor(schema);
    if (!v || v(value.value)) return;
    const errors = [...new Set((v.errors ?? []).map((e) => describeError(e, direction)).filter((m): m is string => m !== undefined))];
    if (errors.length > 0) out.push({ node: value, subject, errors });
  };
  /** `example` and `examples.*.value` of a media type, parameter or header object. */
  const holderExamples = (holder: NodeRef<Obj>, schema: NodeRef<Obj>, subject: string, direction: 'request' | 'response'): void => {
    if (seen.has(holder.value)) return;
    seen.add(holder.value);
    const h = holder.value;
    // example values are literal data: a `$ref` key in one is not followed
    if (h.example !== undefined) check(childRef(holder, ['example'], h.example), schema, subject, direction);
    const examples = input.child<Obj>(holder, 'examples');
    if (examples && isObj(examples.value)) {
      for (const name of Object.keys(examples.value)) {
        const ex = input.child<Obj>(examples, name);
        if (!ex || !isObj(ex.value) || ex.value.value === undefined) continue;
        check(childRef(ex, ['value'], ex.value.value), schema, `${subject}, example "${name}"`, direction);
      }
    }
  };
  const content = (holder: NodeRef<Obj>, subject: string, direction: 'request' | 'response'): void => {
    const c = input.child<Obj>(holder, 'content');
    if (!c || !isObj(c.value)) return;
    for (const mt of Object.keys(c.value)) {
      if (!isJsonMediaType(mt)) continue;
      const media = input.child<Obj>(c, mt);
      const schema = media && isObj(media.value.schema) ? input.child<Obj>(media, 'schema') : undefined;
      if (media && schema && isObj(schema.value)) holderExamples(media, schema, `${subject} (${mt})`, direction);
    }
  };
  const headers = (response: NodeRef<Obj>, subject: string): void => {
    const hs = input.child<Obj>(response, 'headers');
    if (!hs || !isObj(hs.value)) return;
    for (const name of Object.keys(hs.value)) {
      const h = input.child<Obj>(hs, name);
      const schema = h && isObj(h.value.schema) ? input.child<Obj>(h, 'schema') : undefined;
      if (h && schema && isObj(schema.value)) holderExamples(h, schema, `header ${name} of ${subject}`, 'response');
    }
  };
  for (const op of [...input.operations, ...input.webhooks]) {
    for (const p of op.parameters) if (p.schema && isObj(p.node.value.schema)) holderExamples(p.node, p.schema, `parameter ${p.name} of ${op.label}`, 'request');
    if (op.requestBody) content(op.requestBody, `request body of ${op.label}`, 'request');
    for (const r of op.responses) {
      content(r.node, `response ${r.status} of ${op.label}`, 'response');
      headers(r.node, `response ${r.status} of ${op.label}`);
    }
  }
  for (const s of input.schemas()) {
    const v = s.value;
    if (v.example !== undefined && !seen.has(v)) {
      seen.add(v);
      check(childRef(s, ['example'], v.example), s, 'the schema', 'schema');
    }
    if (input.version !== '3.0' && Array.isArray(v.examples)) {
      v.examples.forEach((ex, i) => check(childRef(s, ['examples', i], ex), s, 'the schema', 'schema'));
    }
  }
  return out;
}
