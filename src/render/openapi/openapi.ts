import { ArchieError } from '../../errors.js';
import type { AccessPattern, Design, Endpoint, Entity, Field } from '../../model/design.js';
import { fieldSchema, idField, idParamName, type Schema } from './_schema.js';
import { toYaml, type YamlValue } from '../_yaml.js';

/**
 * openapi.yaml (OpenAPI 3.1) from `d.api` and `d.entities`: one operation per endpoint of the
 * design, schemas from the entity fields, RFC 9457 problem responses, OAuth2 scopes, cursor
 * pagination, rate-limit, idempotency and correlation headers. Components are emitted only when
 * some operation uses them, so nothing in the file is dead.
 */

/**
 * Publication details the design model does not carry yet (reported to the planner owner): the
 * public host and who answers for the API. `example.com` like the planner's OAuth2 URLs.
 */
export const PUBLICATION = {
  server: { url: 'https://api.example.com', description: 'Production', 'x-internal': false },
  contact: { name: 'API owners', email: 'api@example.com', url: 'https://example.com/api-support' },
  license: { name: 'Proprietary', url: 'https://example.com/terms' },
} as const;

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

const STATUS: Record<number, { key: string; title: string; description: string }> = {
  400: { key: 'BadRequest', title: 'Bad Request', description: 'The request is malformed: invalid JSON, an unknown parameter or a value of the wrong type.' },
  401: { key: 'Unauthorized', title: 'Unauthorized', description: 'No valid access token: obtain or refresh a token and retry.' },
  403: { key: 'Forbidden', title: 'Forbidden', description: 'The token lacks the required scope, or the caller may not act on this resource.' },
  404: { key: 'NotFound', title: 'Not Found', description: 'No such resource, or the caller may not see it.' },
  409: { key: 'Conflict', title: 'Conflict', description: 'The request conflicts with the current state: a duplicate, or an Idempotency-Key reused with a different body.' },
  412: { key: 'PreconditionFailed', title: 'Precondition Failed', description: 'The resource changed since it was read: the If-Match entity tag no longer matches. Read it again and reapply the change.' },
  422: { key: 'UnprocessableContent', title: 'Unprocessable Content', description: 'The request is well-formed but breaks a validation rule; `errors` lists each invalid member.' },
  429: { key: 'TooManyRequests', title: 'Too Many Requests', description: 'Rate limit exceeded: wait the number of seconds in Retry-After before retrying.' },
  503: { key: 'ServiceUnavailable', title: 'Service Unavailable', description: 'Overloaded, in maintenance or a dependency is down: retry after Retry-After seconds, with backoff and jitter.' },
};

function statusInfo(code: number): { key: string; title: string; description: string } {
  return STATUS[code] ?? { key: `Error${code}`, title: `Error ${code}`, description: `Error ${code}, described as a problem document.` };
}

const ref = (kind: string, name: string): { $ref: string } => ({ $ref: `#/components/${kind}/${name}` });

/** Components added on first use, in first-use order within each kind. */
class Components {
  readonly parameters = new Map<string, Schema>();
  readonly headers = new Map<string, Schema>();
  readonly responses = new Map<string, Schema>();
  readonly schemas = new Map<string, Schema>();

  use(kind: 'parameters' | 'headers' | 'responses' | 'schemas', name: string, build: () => Schema): { $ref: string } {
    const map = this[kind];
    if (!map.has(name)) {
      map.set(name, {}); // reserve the slot first: builders may add further components
      map.set(name, build());
    }
    return ref(kind, name);
  }
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function rateText(ep: Endpoint): string {
  const r = ep.rateLimit;
  return `${r.requests} requests per ${r.windowSeconds} s per ${r.scope}`;
}

class OpenApiBuilder {
  readonly c = new Components();
  private readonly entities: Map<string, Entity>;
  private readonly byIdParam: Map<string, Entity>;

  constructor(private readonly d: Design) {
    this.entities = new Map(d.entities.map((e) => [e.name, e]));
    this.byIdParam = new Map(d.entities.map((e) => [idParamName(e), e]));
  }

  entity(name: string, where: string): Entity {
    const e = this.entities.get(name);
    if (!e) throw new ArchieError('INVALID', `${where} refers to entity "${name}", which the design does not define`, { hint: 'regenerate design.json with archie design, or fix the entity name' });
    return e;
  }

  // ---------------------------------------------------------------- headers and shared parameters

  header(name: string): { $ref: string } {
    const int = (description: string): Schema => ({ description, schema: { type: 'integer', minimum: 0 } });
    return this.c.use('headers', name, () => {
      switch (name) {
        case 'X-Correlation-ID':
          return { description: 'Correlation ID of the request: the one the client sent, or one the server generated. Quote it when reporting a problem.', schema: { type: 'string', maxLength: 128 } };
        case 'RateLimit-Limit':
          return int('Requests allowed in the current window for this caller and route.');
        case 'RateLimit-Remaining':
          return int('Requests left in the current window.');
        case 'RateLimit-Reset':
          return int('Seconds until the current window resets.');
        case 'Retry-After':
          return int('Seconds to wait before retrying.');
        case 'ETag':
          return { description: 'Entity tag of this version of the resource; send it back in If-Match to change it safely.', schema: { type: 'string', maxLength: 256 } };
        case 'Location':
          return { description: 'URL of the created resource.', schema: { type: 'string', format: 'uri-reference', maxLength: 2048 } };
        default:
          throw new Error(`unknown header ${name}`);
      }
    });
  }

  successHeaders(extra: string[] = []): Schema {
    const out: Schema = {};
    for (const h of ['X-Correlation-ID', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', ...extra]) out[h] = this.header(h);
    return out;
  }

  correlationParam(): { $ref: string } {
    return this.c.use('parameters', 'CorrelationId', () => ({
      name: 'X-Correlation-ID',
      in: 'header',
      required: false,
      description: 'Correlation ID to trace this request through services and logs. The server generates one when absent and returns it in the X-Correlation-ID response header.',
      schema: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9._:-]+$' },
    }));
  }

  idempotencyParam(): { $ref: string } {
    return this.c.use('parameters', 'IdempotencyKey', () => ({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'Unique key per logical request (a UUID is a good choice). A retry with the same key and body returns the first response instead of repeating the effect; the same key with a different body is rejected with 409.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }));
  }

  ifMatchParam(): { $ref: string } {
    return this.c.use('parameters', 'IfMatch', () => ({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'ETag of the version the change is based on; the change is refused with 412 when the resource changed in between (optimistic concurrency).',
      schema: { type: 'string', maxLength: 256 },
    }));
  }

  cursorParam(): { $ref: string } {
    return this.c.use('parameters', 'Cursor', () => ({
      name: 'cursor',
      in: 'query',
      required: false,
      description: 'Opaque cursor from `next_cursor` of the previous page; omit it for the first page.',
      schema: { type: 'string', maxLength: 512 },
    }));
  }

  // ---------------------------------------------------------------- errors

  problemSchema(): { $ref: string } {
    return this.c.use('schemas', 'Problem', () => ({
      type: 'object',
      description: 'Problem details (RFC 9457), the one error format of this API.',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string', format: 'uri-reference', maxLength: 2048, default: 'about:blank', description: 'URI identifying the kind of problem; `about:blank` when the status code says it all.' },
        title: { type: 'string', maxLength: 256, description: 'Short summary of the kind of problem.' },
        status: { type: 'integer', minimum: 100, maximum: 599, description: 'HTTP status code of this occurrence.' },
        detail: { type: 'string', maxLength: 4096, description: 'What went wrong in this occurrence, for a human.' },
        instance: { type: 'string', format: 'uri-reference', maxLength: 2048, description: 'URI of this occurrence.' },
        correlation_id: { type: 'string', maxLength: 128, description: 'The request\'s correlation ID (also in the X-Correlation-ID header).' },
        errors: {
          type: 'array',
          maxItems: 100,
          description: 'Each invalid member of the request (422 and 400).',
          items: {
            type: 'object',
            required: ['detail'],
            properties: {
              pointer: { type: 'string', maxLength: 1024, description: 'JSON Pointer (RFC 6901) to the member of the request body.' },
              parameter: { type: 'string', maxLength: 256, description: 'Name of the query, path or header parameter.' },
              detail: { type: 'string', maxLength: 1024, description: 'What is wrong with it.' },
            },
          },
        },
      },
    }));
  }

  errorResponse(code: number): { $ref: string } {
    const s = statusInfo(code);
    return this.c.use('responses', s.key, () => {
      const headers: Schema = { 'X-Correlation-ID': this.header('X-Correlation-ID') };
      if (code === 429) {
        for (const h of ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']) headers[h] = this.header(h);
      }
      if (code === 503) headers['Retry-After'] = this.header('Retry-After');
      const example: Schema = { type: 'about:blank', title: s.title, status: code, detail: s.description, correlation_id: '0f8fad5b-d9cb-469f-a165-70867728950e' };
      if (code === 422) {
        const sample = this.boundedInput();
        if (sample) example.errors = [{ pointer: `/${sample.name}`, detail: `must be at most ${sample.maxLength} characters` }];
      }
      return {
        description: s.description,
        headers,
        content: { 'application/problem+json': { schema: this.problemSchema(), example } },
      };
    });
  }

  // ---------------------------------------------------------------- entity schemas

  /** A text field clients send, with its length bound (for the 422 example). */
  boundedInput(): Field | undefined {
    for (const ep of this.d.api.endpoints) {
      if (ep.kind !== 'create') continue;
      const e = this.entities.get(ep.entity);
      const f = e && this.writable(e, ep).find((x) => (x.type === 'text' || x.type === 'short-text') && x.maxLength !== null);
      if (f) return f;
    }
    return undefined;
  }

  /** Fields a client may set: neither server-generated nor part of the key. */
  writable(e: Entity, ep: Endpoint): Field[] {
    const pathParent = this.parentFromPath(e, ep.path);
    return e.fields.filter((f) => !f.serverGenerated && !f.primaryKey && !(pathParent && f.references === pathParent.name));
  }

  /** The parent entity whose id a nested collection path carries (e.g. conversationId). */
  parentFromPath(e: Entity, path: string): Entity | undefined {
    if (!e.parent) return undefined;
    const parent = this.entities.get(e.parent);
    return parent && path.includes(`{${idParamName(parent)}}`) ? parent : undefined;
  }

  entitySchema(e: Entity): { $ref: string } {
    return this.c.use('schemas', e.name, () => {
      const properties: Schema = {};
      for (const f of e.fields) properties[f.name] = fieldSchema(f, { readOnly: true });
      return { type: 'object', description: sentence(e.description), required: e.fields.map((f) => f.name), properties };
    });
  }

  createSchema(e: Entity, ep: Endpoint): { $ref: string } {
    return this.c.use('schemas', `${e.name}Create`, () => {
      const fields = this.writable(e, ep);
      const properties: Schema = {};
      for (const f of fields) properties[f.name] = fieldSchema(f);
      const required = fields.filter((f) => !f.nullable).map((f) => f.name);
      return {
        type: 'object',
        description: `Fields a client sets to create a ${e.name.toLowerCase()}; the server fills in the rest (identifier, timestamps and computed fields).`,
        additionalProperties: false,
        ...(required.length > 0 && { required }),
        properties,
      };
    });
  }

  updateSchema(e: Entity, ep: Endpoint): { $ref: string } {
    return this.c.use('schemas', `${e.name}Update`, () => {
      const properties: Schema = {};
      for (const f of this.writable(e, ep)) properties[f.name] = fieldSchema(f);
      return {
        type: 'object',
        description: `A JSON merge patch (RFC 7396) of a ${e.name.toLowerCase()}: only the members present change; null clears a nullable field.`,
        additionalProperties: false,
        minProperties: 1,
        properties,
      };
    });
  }

  pageSchema(e: Entity): { $ref: string } {
    return this.c.use('schemas', `${e.name}Page`, () => ({
      type: 'object',
      description: `One page of ${e.resource}.`,
      required: ['data', 'next_cursor'],
      properties: {
        data: { type: 'array', maxItems: MAX_PAGE_SIZE, items: this.entitySchema(e) },
        next_cursor: { type: ['string', 'null'], maxLength: 512, description: 'Cursor of the next page; null on the last page.' },
      },
    }));
  }

  // ---------------------------------------------------------------- operations

  pathParams(path: string, ep: Endpoint): Schema[] {
    const out: Schema[] = [];
    for (const m of path.matchAll(/\{([^}]+)\}/g)) {
      const name = m[1]!;
      const e = this.byIdParam.get(name);
      if (!e) throw new ArchieError('INVALID', `path ${path} of ${ep.operationId} has parameter {${name}}, which names no entity's identifier`, { hint: 'path parameters are <entity>Id, e.g. {conversationId}' });
      const { description: _d, examples, ...schema } = fieldSchema(idField(e), { nonNull: true });
      out.push({ name, in: 'path', required: true, description: `Identifier of the ${e.name.toLowerCase()}.`, schema, ...(Array.isArray(examples) && { example: examples[0] }) });
    }
    return out;
  }

  /** Query parameters of a list or search: cursor, limit, filters (q is text search), sort. */
  listParams(ep: Endpoint, e: Entity): YamlValue[] {
    const pattern = ep.accessPattern ? e.accessPatterns.find((p) => p.id === ep.accessPattern) : undefined;
    const limitDefault = pattern?.limit ? Math.min(pattern.limit, MAX_PAGE_SIZE) : undefined;
    const out: YamlValue[] = [
      this.cursorParam(),
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: `Items per page, 1 to ${MAX_PAGE_SIZE}.`,
        schema: { type: 'integer', format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, ...(limitDefault !== undefined && { default: limitDefault }) },
      },
    ];
    for (const name of ep.filters) {
      if (name === 'q') {
        out.push(this.textSearchParam(e));
        continue;
      }
      const f = e.fields.find((x) => x.name === name);
      if (!f) throw new ArchieError('INVALID', `${ep.operationId} filters on "${name}", which is not a field of ${e.name}`, { hint: 'filters name entity fields, or q for text search' });
      const { description: _d, readOnly: _r, examples, ...schema } = fieldSchema(f, { nonNull: true });
      out.push({ name, in: 'query', required: false, description: this.filterText(e, name, pattern), schema, ...(Array.isArray(examples) && { example: examples[0] }) });
    }
    if (ep.sorts.length > 0) {
      for (const s of ep.sorts) {
        if (!e.fields.some((f) => f.name === s)) throw new ArchieError('INVALID', `${ep.operationId} sorts by "${s}", which is not a field of ${e.name}`);
      }
      const first = pattern?.sort[0];
      const def = first && ep.sorts.includes(first.field) ? `${first.direction === 'desc' ? '-' : ''}${first.field}` : undefined;
      out.push({
        name: 'sort',
        in: 'query',
        required: false,
        description: 'Field to sort by; a leading `-` sorts in descending order. Ties are broken by id, so pages never skip or repeat items.',
        schema: { type: 'string', enum: ep.sorts.flatMap((s) => [s, `-${s}`]), ...(def !== undefined && { default: def }) },
      });
    }
    return out;
  }

  /** How a filter compares, from the access pattern the list serves (else any pattern of the entity that filters on it). */
  filterText(e: Entity, name: string, pattern: AccessPattern | undefined): string {
    const op = (pattern?.filters.find((f) => f.field === name) ?? e.accessPatterns.flatMap((p) => p.filters).find((f) => f.field === name))?.op ?? '=';
    const field = e.fields.find((f) => f.name === name);
    const temporal = field?.type === 'timestamp' || field?.type === 'date';
    switch (op) {
      case '>=':
        return `Only ${e.resource} whose ${name} is ${temporal ? 'at or after' : 'at least'} this value.`;
      case '<=':
        return `Only ${e.resource} whose ${name} is ${temporal ? 'at or before' : 'at most'} this value.`;
      default:
        return `Only ${e.resource} whose ${name} equals this value.`;
    }
  }

  textSearchParam(e: Entity): Schema {
    const fields: { field: Field; op: 'match' | 'prefix' }[] = [];
    for (const p of e.accessPatterns) {
      for (const f of p.filters) {
        if (f.op !== 'match' && f.op !== 'prefix') continue;
        const field = e.fields.find((x) => x.name === f.field);
        if (field && !fields.some((x) => x.field === field)) fields.push({ field, op: f.op });
      }
    }
    const what = fields.map((x) => (x.op === 'match' ? `full-text search in ${x.field.name}` : `case-insensitive prefix of ${x.field.name}`)).join('; ');
    const longest = Math.max(0, ...fields.map((x) => x.field.maxLength ?? 0));
    const text = what || `text search in ${e.resource}`;
    const description = `${text[0]!.toUpperCase()}${text.slice(1)}.`;
    return { name: 'q', in: 'query', required: false, description, schema: { type: 'string', minLength: 1, maxLength: Math.min(longest || 256, 256) } };
  }

  operation(ep: Endpoint): Schema {
    const e = this.entity(ep.entity, `endpoint ${ep.operationId}`);
    const concurrency = ep.errors.includes(412);
    const hasEtag = this.d.api.endpoints.some((x) => x.entity === e.name && x.errors.includes(412));
    const parameters: YamlValue[] = [...this.pathParams(ep.path, ep)];
    if (ep.kind === 'list' || ep.kind === 'search') parameters.push(...this.listParams(ep, e));
    parameters.push(this.correlationParam());
    if (ep.idempotencyKey) parameters.push(this.idempotencyParam());
    if (concurrency) parameters.push(this.ifMatchParam());

    const responses: Schema = {};
    const json = (schema: YamlValue) => ({ 'application/json': { schema } });
    switch (ep.kind) {
      case 'list':
      case 'search':
        responses['200'] = { description: `A page of ${e.resource}.`, headers: this.successHeaders(), content: json(this.pageSchema(e)) };
        break;
      case 'get':
        responses['200'] = { description: `The ${e.name.toLowerCase()}.`, headers: this.successHeaders(hasEtag ? ['ETag'] : []), content: json(this.entitySchema(e)) };
        break;
      case 'create':
        responses['201'] = { description: `The created ${e.name.toLowerCase()}.`, headers: this.successHeaders(['Location', ...(hasEtag ? ['ETag'] : [])]), content: json(this.entitySchema(e)) };
        break;
      case 'update':
        responses['200'] = { description: `The ${e.name.toLowerCase()} after the change.`, headers: this.successHeaders(hasEtag ? ['ETag'] : []), content: json(this.entitySchema(e)) };
        break;
      case 'delete':
        responses['204'] = { description: `The ${e.name.toLowerCase()} is deleted.`, headers: this.successHeaders() };
        break;
      case 'action':
        responses['200'] = { description: `The ${e.name.toLowerCase()} after the action.`, headers: this.successHeaders(), content: json(this.entitySchema(e)) };
        break;
    }
    for (const code of [...ep.errors].sort((a, b) => a - b)) responses[String(code)] = this.errorResponse(code);

    let requestBody: Schema | undefined;
    if (ep.kind === 'create') requestBody = { required: true, content: json(this.createSchema(e, ep)) };
    else if (ep.kind === 'update') requestBody = { required: true, content: { 'application/merge-patch+json': { schema: this.updateSchema(e, ep) } } };

    const notes = [sentence(ep.purpose)];
    notes.push(`Rate limit: ${rateText(ep)}.`);
    notes.push(ep.public ? 'Public: no token needed.' : `Requires scope${ep.scopes.length > 1 ? 's' : ''} ${ep.scopes.map((s) => `\`${s}\``).join(', ')}.`);
    if (ep.idempotencyKey) notes.push('Send an Idempotency-Key so that a retry does not repeat the effect.');
    if (concurrency) notes.push('Send If-Match with the ETag you read to avoid overwriting a concurrent change.');
    const pattern = ep.accessPattern ? e.accessPatterns.find((p) => p.id === ep.accessPattern) : undefined;
    if (pattern) notes.push(`Served by access pattern \`${pattern.id}\` (index \`${pattern.index}\`).`);

    return {
      tags: [e.domain],
      operationId: ep.operationId,
      summary: ep.purpose.replace(/\.$/, ''),
      description: notes.join(' '),
      security: ep.public ? [] : [{ oauth2: ep.scopes }],
      parameters,
      ...(requestBody && { requestBody }),
      responses,
      'x-rate-limit': { requests: ep.rateLimit.requests, windowSeconds: ep.rateLimit.windowSeconds, scope: ep.rateLimit.scope },
    };
  }

  build(): Schema {
    const d = this.d;
    const api = d.api;
    const paths: Schema = {};
    const ops = new Set<string>();
    for (const ep of api.endpoints) {
      const key = `${ep.method} ${ep.path}`;
      if (ops.has(key)) throw new ArchieError('INVALID', `the design lists ${key} twice`, { hint: 'each method and path appears once in api.endpoints' });
      ops.add(key);
      const item = (paths[ep.path] ??= {}) as Schema;
      item[ep.method.toLowerCase()] = this.operation(ep);
    }

    const tags: { name: string; description: string }[] = [];
    for (const ep of api.endpoints) {
      const e = this.entity(ep.entity, `endpoint ${ep.operationId}`);
      if (tags.some((t) => t.name === e.domain)) continue;
      const members = d.entities.filter((x) => x.domain === e.domain && api.endpoints.some((y) => y.entity === x.name)).map((x) => x.resource);
      tags.push({ name: e.domain, description: `The ${e.domain} context: ${members.join(', ')}.` });
    }

    const scopes: Schema = {};
    for (const s of api.auth.scopes) scopes[s.name] = s.description;
    const description = [
      sentence(d.summary),
      '',
      `Conventions: every error is an RFC 9457 problem document (${api.errorFormat}); lists use cursor pagination (\`cursor\`, \`limit\` up to ${MAX_PAGE_SIZE}, \`next_cursor\` in the page); every response carries X-Correlation-ID and successful ones the RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers; 429 and 503 say when to retry in Retry-After; unsafe operations that are not naturally idempotent take an Idempotency-Key.`,
      '',
      `Generated by archie ${d.generator.version} from design.json (schemaVersion ${d.schemaVersion}).`,
    ].join('\n');

    const components: Schema = {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'OAuth 2.0: authorization code (with PKCE) for people, client credentials for services.',
          flows: {
            authorizationCode: { authorizationUrl: api.auth.authorizationUrl, tokenUrl: api.auth.tokenUrl, scopes },
            clientCredentials: { tokenUrl: api.auth.tokenUrl, scopes },
          },
        },
      },
    };
    const add = (kind: 'parameters' | 'headers' | 'responses' | 'schemas') => {
      const map = this.c[kind];
      if (map.size === 0) return;
      const o: Schema = {};
      // Responses by status order, the rest in first-use order.
      const names = [...map.keys()];
      if (kind === 'responses') names.sort((a, b) => statusOrder(a) - statusOrder(b));
      for (const n of names) o[n] = map.get(n)!;
      components[kind] = o;
    };
    add('parameters');
    add('headers');
    add('responses');
    add('schemas');

    return {
      openapi: '3.1.0',
      info: {
        title: `${d.title} API`,
        version: api.version,
        description,
        contact: { ...PUBLICATION.contact },
        license: { ...PUBLICATION.license },
      },
      servers: [{ ...PUBLICATION.server }],
      tags,
      paths,
      components,
    };
  }
}

/** Text safe for a one-line comment. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function statusOrder(key: string): number {
  const hit = Object.entries(STATUS).find(([, v]) => v.key === key);
  if (hit) return Number(hit[0]);
  const m = /^Error(\d+)$/.exec(key);
  return m ? Number(m[1]) : 1000;
}

/** The OpenAPI description as a plain object (for tests and verify). */
export function openApiDocument(d: Design): Schema {
  return new OpenApiBuilder(d).build();
}

/**
 * openapi.yaml for a design.
 *
 * @example
 * ```ts
 * const d = await design('examples/chat.yaml');
 * await writeFile('openapi.yaml', renderOpenApi(d));
 * ```
 */
export function renderOpenApi(d: Design): string {
  return `# OpenAPI description of ${oneLine(d.title)}, generated by archie ${d.generator.version} from design.json.\n${toYaml(openApiDocument(d))}`;
}
