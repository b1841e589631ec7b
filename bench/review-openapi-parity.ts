/**
 * Rule parity of archie's OpenAPI review with Spectral (spectral:oas with every rule on, and the
 * OWASP ruleset) and Redocly (recommended), measured on the same documents in the same run, side
 * by side, per peer rule.
 *
 *   node --import tsx bench/review-openapi-parity.ts [--no-corpus] [--only <spec substring>] [--rerun-peers] [--verbose]
 *   node --import tsx bench/review-openapi-parity.ts --speed [--runs N] [--only <spec substring>] [--no-build]
 *
 * Two measures:
 *  - Cases: CASES below, each a clean base document (BASE) with one defect put in, written from the
 *    peers' documented rule behaviour (and their rule tests, read, not copied). For every peer rule,
 *    a case counts for it when the peer reports more findings of that rule on the case than on the
 *    base; archie agrees when it reports more findings of the archie rules mapped to it (MAP) than
 *    on the base. Printed: cases the peer flags, how many of those archie flags too, and cases only
 *    archie flags.
 *  - Corpus: every spec of ../shared/corpus/openapi. For every peer rule: its findings, archie's
 *    findings of the mapped rules, and the share of the peer's findings that archie reports at the
 *    same place (same file, and one JSON pointer a prefix of the other).
 *
 * The peers are installed on first use into bench/.peers (gitignored, outside the project's
 * dependency tree), with the versions of ../shared/corpus/openapi/BASELINES.md. Their corpus
 * results are cached in bench/.peers/parity (Spectral with OWASP takes minutes per spec);
 * --rerun-peers ignores the cache. archie runs in-process with its opt-in rules on (the peers run
 * every rule of their rulesets). Exits 1 when a side could not run on the cases.
 *
 * --speed measures instead the issue's speed target: archie's CLI (dist/, built first) and
 * Redocly's on every corpus spec, alternating in the same run, wall time and peak RSS from
 * /usr/bin/time, the median of --runs runs, and the ratios (above 1 means archie is faster or
 * lighter). Both write JSON with every finding, as in BASELINES.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { allRules } from '../src/review/registry.js';
import { review } from '../src/review/index.js';
import type { Finding } from '../src/model/finding.js';

const here = import.meta.dirname;
const repo = resolve(here, '..');
const corpus = resolve(repo, '../shared/corpus/openapi');
const peers = join(here, '.peers');
const cacheDir = join(peers, 'parity');
const args = process.argv.slice(2);
const flag = (n: string): boolean => args.includes(n);
const value = (n: string): string | undefined => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const verbose = flag('--verbose');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' };

type Tool = 'spectral' | 'owasp' | 'redocly';
const TOOLS: Tool[] = ['spectral', 'owasp', 'redocly'];
const TOOL_NAME: Record<Tool, string> = { spectral: 'Spectral oas', owasp: 'Spectral OWASP', redocly: 'Redocly' };

/**
 * Peer rule → the archie rules that answer it. A peer rule absent here has no counterpart yet; an
 * archie id that is not registered is shown as missing. Keys are `<tool>:<rule>`.
 */
const MAP: Record<string, string[]> = {
  // Spectral spectral:oas (OpenAPI 3 and shared rules)
  'spectral:operation-success-response': ['openapi/success-response'],
  'spectral:operation-operationId-unique': ['openapi/operation-id-unique'],
  'spectral:operation-parameters': ['openapi/parameters-unique'],
  'spectral:operation-tag-defined': ['openapi/tags-defined'],
  'spectral:path-params': ['openapi/path-params-defined'],
  'spectral:contact-properties': ['openapi/info-contact'],
  'spectral:duplicated-entry-in-enum': ['openapi/enum-unique'],
  'spectral:info-contact': ['openapi/info-contact'],
  'spectral:info-description': ['openapi/info-description'],
  'spectral:info-license': ['openapi/info-license'],
  'spectral:license-url': ['openapi/info-license'],
  'spectral:no-eval-in-markdown': ['openapi/markdown-safe'],
  'spectral:no-script-tags-in-markdown': ['openapi/markdown-safe'],
  'spectral:openapi-tags-alphabetical': ['openapi/tags-alphabetical'],
  'spectral:openapi-tags-uniqueness': ['openapi/tags-unique'],
  'spectral:openapi-tags': ['openapi/tags-defined'],
  'spectral:operation-description': ['openapi/operation-description'],
  'spectral:operation-operationId': ['openapi/operation-id'],
  'spectral:operation-operationId-valid-in-url': ['openapi/operation-id-url-safe'],
  'spectral:operation-singular-tag': ['openapi/operation-tags'],
  'spectral:operation-tags': ['openapi/operation-tags'],
  'spectral:path-declarations-must-exist': ['openapi/path-template-valid'],
  'spectral:path-keys-no-trailing-slash': ['openapi/path-no-trailing-slash'],
  'spectral:path-not-include-query': ['openapi/path-template-valid'],
  'spectral:tag-description': ['openapi/tags-defined'],
  'spectral:no-$ref-siblings': ['openapi/ref-siblings'],
  'spectral:array-items': ['openapi/array-items'],
  'spectral:typed-enum': ['openapi/enum-type-match'],
  'spectral:oas3-api-servers': ['openapi/servers-defined'],
  'spectral:oas3-examples-value-or-externalValue': ['openapi/example-value-or-external'],
  'spectral:oas3-operation-security-defined': ['openapi/security-schemes-defined', 'openapi/security-scopes-defined'],
  'spectral:oas3-parameter-description': ['openapi/parameter-description'],
  'spectral:oas3-server-not-example.com': ['openapi/server-not-example'],
  'spectral:oas3-server-trailing-slash': ['openapi/server-url-valid'],
  'spectral:oas3-valid-media-example': ['openapi/example-valid'],
  'spectral:oas3-valid-schema-example': ['openapi/example-valid'],
  'spectral:oas3-schema': ['openapi/structure'],
  'spectral:oas3-unused-component': ['openapi/components-used'],
  'spectral:oas3-server-variables': ['openapi/server-variables'],
  'spectral:oas3-callbacks-in-callbacks': ['openapi/callbacks-placement'],
  'spectral:oas3_1-servers-in-webhook': ['openapi/callbacks-placement'],
  'spectral:oas3_1-callbacks-in-webhook': ['openapi/callbacks-placement'],
  'spectral:oas2-schema': ['openapi/structure'],
  // Spectral OWASP API Security Top 10 2023
  'owasp:owasp:api1:2023-no-numeric-ids': ['openapi/identifier-format'],
  'owasp:owasp:api2:2023-no-http-basic': ['openapi/no-http-basic-auth'],
  'owasp:owasp:api2:2023-no-api-keys-in-url': ['openapi/no-secrets-in-query'],
  'owasp:owasp:api2:2023-no-credentials-in-url': ['openapi/no-secrets-in-query'],
  'owasp:owasp:api2:2023-auth-insecure-schemes': ['openapi/no-http-basic-auth'],
  'owasp:owasp:api2:2023-jwt-best-practices': ['openapi/jwt-best-practices'],
  'owasp:owasp:api2:2023-short-lived-access-tokens': ['openapi/oauth-refresh-url'],
  'owasp:owasp:api2:2023-write-restricted': ['openapi/operation-security'],
  'owasp:owasp:api2:2023-read-restricted': ['openapi/operation-security'],
  'owasp:owasp:api3:2023-no-additionalProperties': ['openapi/additional-properties-bounded'],
  'owasp:owasp:api3:2023-constrained-additionalProperties': ['openapi/additional-properties-bounded'],
  'owasp:owasp:api3:2023-no-unevaluatedProperties': ['openapi/additional-properties-bounded'],
  'owasp:owasp:api3:2023-constrained-unevaluatedProperties': ['openapi/additional-properties-bounded'],
  'owasp:owasp:api4:2023-rate-limit': ['openapi/rate-limit-headers'],
  'owasp:owasp:api4:2023-rate-limit-retry-after': ['openapi/retry-after-header'],
  'owasp:owasp:api4:2023-rate-limit-responses-429': ['openapi/rate-limit-response'],
  'owasp:owasp:api4:2023-array-limit': ['openapi/array-max-items'],
  'owasp:owasp:api4:2023-string-limit': ['openapi/string-max-length'],
  'owasp:owasp:api4:2023-string-restricted': ['openapi/string-restricted'],
  'owasp:owasp:api4:2023-integer-limit': ['openapi/integer-bounds'],
  'owasp:owasp:api4:2023-integer-limit-legacy': ['openapi/integer-bounds'],
  'owasp:owasp:api4:2023-integer-format': ['openapi/integer-bounds'],
  'owasp:owasp:api5:2023-admin-security-unique': ['openapi/admin-security'],
  'owasp:owasp:api7:2023-concerning-url-parameter': ['openapi/url-parameter-ssrf'],
  'owasp:owasp:api8:2023-define-cors-origin': ['openapi/cors-origin'],
  'owasp:owasp:api8:2023-no-server-http': ['openapi/servers-https'],
  'owasp:owasp:api8:2023-define-error-validation': ['openapi/validation-error-response'],
  'owasp:owasp:api8:2023-define-error-responses-401': ['openapi/auth-error-responses'],
  'owasp:owasp:api8:2023-define-error-responses-500': ['openapi/server-error-response'],
  'owasp:owasp:api9:2023-inventory-access': ['openapi/server-inventory'],
  'owasp:owasp:api9:2023-inventory-environment': ['openapi/server-inventory'],
  // Redocly recommended
  'redocly:struct': ['openapi/structure'],
  'redocly:no-unresolved-refs': ['openapi/ref-resolvable'],
  'redocly:info-license': ['openapi/info-license'],
  'redocly:info-license-strict': ['openapi/info-license'],
  'redocly:no-ambiguous-paths': ['openapi/paths-distinct'],
  'redocly:no-identical-paths': ['openapi/paths-distinct'],
  'redocly:no-duplicated-enum-values': ['openapi/enum-unique'],
  'redocly:no-duplicated-tag-names': ['openapi/tags-unique'],
  'redocly:no-empty-servers': ['openapi/servers-defined'],
  'redocly:no-enum-type-mismatch': ['openapi/enum-type-match'],
  'redocly:no-example-value-and-externalValue': ['openapi/example-value-or-external'],
  'redocly:no-invalid-media-type-examples': ['openapi/example-valid'],
  'redocly:no-invalid-parameter-examples': ['openapi/example-valid'],
  'redocly:no-invalid-schema-examples': ['openapi/example-valid'],
  'redocly:no-path-trailing-slash': ['openapi/path-no-trailing-slash'],
  'redocly:no-required-schema-properties-undefined': ['openapi/required-properties-defined'],
  'redocly:no-schema-type-mismatch': ['openapi/schema-type-consistent'],
  'redocly:no-server-example.com': ['openapi/server-not-example'],
  'redocly:no-server-trailing-slash': ['openapi/server-url-valid'],
  'redocly:no-server-variables-empty-enum': ['openapi/server-variables'],
  'redocly:no-undefined-server-variable': ['openapi/server-variables'],
  'redocly:no-unsafe-markdown': ['openapi/markdown-safe'],
  'redocly:no-unused-components': ['openapi/components-used'],
  'redocly:nullable-type-sibling': ['openapi/schema-type-consistent'],
  'redocly:no-mixed-number-range-constraints': ['openapi/schema-type-consistent'],
  'redocly:operation-2xx-response': ['openapi/success-response'],
  'redocly:operation-4xx-response': ['openapi/client-error-response'],
  'redocly:operation-operationId': ['openapi/operation-id'],
  'redocly:operation-operationId-unique': ['openapi/operation-id-unique'],
  'redocly:operation-operationId-url-safe': ['openapi/operation-id-url-safe'],
  'redocly:operation-parameters-unique': ['openapi/parameters-unique'],
  'redocly:operation-summary': ['openapi/operation-summary'],
  'redocly:path-declaration-must-exist': ['openapi/path-template-valid'],
  'redocly:path-not-include-query': ['openapi/path-template-valid'],
  'redocly:path-parameters-defined': ['openapi/path-params-defined'],
  'redocly:security-defined': ['openapi/operation-security', 'openapi/security-schemes-defined'],
  'redocly:security-scopes-defined': ['openapi/security-scopes-defined'],
  'redocly:spec-components-invalid-map-name': ['openapi/component-names'],
  'redocly:spec-ref-siblings': ['openapi/ref-siblings'],
  'redocly:tag-description': ['openapi/tags-defined'],
};

// ---------------------------------------------------------------------------------------------
// Cases: a clean base document with one defect each.

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const problem = { type: 'object', additionalProperties: false, properties: { title: { type: 'string', maxLength: 200, pattern: '^.*$' } }, maxProperties: 5 };
const rateHeaders = {
  'RateLimit-Limit': { description: 'requests per window', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000 } },
  'RateLimit-Remaining': { description: 'requests left', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000 } },
  'RateLimit-Reset': { description: 'seconds to reset', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000 } },
  'X-RateLimit-Limit': { description: 'requests per window', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100000 } },
  'Access-Control-Allow-Origin': { description: 'CORS', schema: { type: 'string', maxLength: 200, pattern: '^https://' } },
  'X-Request-ID': { description: 'correlation id', schema: { type: 'string', format: 'uuid', maxLength: 36 } },
};
const err = (d: string, extra: Doc = {}): Doc => ({ description: d, headers: { ...rateHeaders, ...extra }, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const errors = (): Doc => ({
  '400': err('bad request'),
  '401': err('unauthorised'),
  '403': err('forbidden'),
  '404': err('not found'),
  '422': err('invalid'),
  '429': err('slow down', { 'Retry-After': { description: 'seconds', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 3600 } } }),
  '500': err('server error'),
  '503': err('unavailable', { 'Retry-After': { description: 'seconds', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 3600 } } }),
});

function base(version = '3.0.3'): Doc {
  return {
    openapi: version,
    info: {
      title: 'Shop',
      version: '1.0.0',
      description: 'Orders of the shop.',
      contact: { name: 'API team', url: 'https://shop.test/team', email: 'api@shop.test' },
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    servers: [{ url: 'https://api.shop.test/v1', description: 'production', 'x-internal': false }],
    tags: [{ name: 'orders', description: 'Orders' }],
    security: [{ oauth: ['orders:read'] }],
    paths: {
      '/orders': {
        post: {
          operationId: 'createOrder',
          summary: 'Create an order',
          description: 'Creates one order.',
          tags: ['orders'],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, description: 'retry key', schema: { type: 'string', format: 'uuid', maxLength: 36 } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewOrder' } } } },
          responses: { '201': { description: 'created', headers: rateHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } }, ...errors() },
        },
      },
      '/orders/{orderId}': {
        get: {
          operationId: 'getOrder',
          summary: 'Get an order',
          description: 'Returns one order.',
          tags: ['orders'],
          parameters: [{ name: 'orderId', in: 'path', required: true, description: 'the order', schema: { type: 'string', format: 'uuid', maxLength: 36 } }],
          responses: {
            '200': { description: 'the order', headers: rateHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' }, example: { id: '6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69', quantity: 2 } } } },
            ...errors(),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          description: 'OAuth 2; access tokens are JWTs following RFC8725.',
          flows: { authorizationCode: { authorizationUrl: 'https://auth.shop.test/authorize', tokenUrl: 'https://auth.shop.test/token', refreshUrl: 'https://auth.shop.test/token', scopes: { 'orders:read': 'read orders', 'orders:write': 'write orders' } } },
        },
      },
      schemas: {
        NewOrder: { type: 'object', additionalProperties: false, required: ['quantity'], properties: { quantity: { type: 'integer', format: 'int32', minimum: 1, maximum: 100 } }, maxProperties: 5 },
        Order: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'quantity'],
          maxProperties: 5,
          properties: { id: { type: 'string', format: 'uuid', maxLength: 36, readOnly: true }, quantity: { type: 'integer', format: 'int32', minimum: 1, maximum: 100 } },
        },
        Problem: problem,
      },
    },
  };
}

interface CaseDef {
  name: string;
  /** The peer rules the defect is meant to trip (documentation; the peers' output decides). */
  aims: string[];
  version?: string;
  mutate: (d: Doc) => void;
}

const getOp = (d: Doc): Doc => d.paths['/orders/{orderId}'].get;
const postOp = (d: Doc): Doc => d.paths['/orders'].post;
const orderProps = (d: Doc): Doc => d.components.schemas.Order.properties;
const newOrderProps = (d: Doc): Doc => d.components.schemas.NewOrder.properties;

const CASES: CaseDef[] = [
  // structure
  { name: 'parameter in: body', aims: ['oas3-schema', 'struct'], mutate: (d) => void postOp(d).parameters.push({ name: 'order', in: 'body', schema: { type: 'object' } }) },
  { name: 'unknown field on an operation', aims: ['oas3-schema', 'struct'], mutate: (d) => void (getOp(d).summery = 'typo') },
  { name: 'info.version missing', aims: ['oas3-schema', 'struct'], mutate: (d) => void delete d.info.version },
  { name: 'response without description', aims: ['oas3-schema', 'struct'], mutate: (d) => void delete getOp(d).responses['404'].description },
  { name: 'parameter without in', aims: ['oas3-schema', 'struct'], mutate: (d) => void delete postOp(d).parameters[0].in },
  { name: 'schema type not a JSON Schema type', aims: ['oas3-schema', 'struct'], mutate: (d) => void (newOrderProps(d).quantity.type = 'int') },
  { name: 'paths key without leading slash', aims: ['oas3-schema', 'struct'], mutate: (d) => void (d.paths['orders/{orderId}/items'] = { get: { ...getOp(d), operationId: 'items' } }) },
  { name: 'required not an array', aims: ['oas3-schema', 'struct'], mutate: (d) => void (d.components.schemas.NewOrder.required = true) },
  { name: 'security scheme of an unknown type', aims: ['oas3-schema', 'struct'], mutate: (d) => void (d.components.securitySchemes.key = { type: 'token', name: 'k', in: 'header' }) },
  { name: 'openapi 3.1: unknown field in info', version: '3.1.0', aims: ['oas3-schema', 'struct'], mutate: (d) => void (d.info.owner = 'me') },
  { name: 'xml.attribute in OpenAPI 3.2', version: '3.2.0', aims: ['oas3_2-no-deprecated-xml-attribute'], mutate: (d) => void (orderProps(d).id.xml = { attribute: true }) },
  // examples
  { name: 'media example does not match its schema', aims: ['oas3-valid-media-example', 'no-invalid-media-type-examples'], mutate: (d) => void (getOp(d).responses['200'].content['application/json'].example = { id: 'x', quantity: 'two' }) },
  { name: 'schema example does not match', aims: ['oas3-valid-schema-example', 'no-invalid-schema-examples'], mutate: (d) => void (newOrderProps(d).quantity.example = 'many') },
  { name: 'parameter example does not match', aims: ['oas3-valid-schema-example', 'no-invalid-parameter-examples'], mutate: (d) => void (getOp(d).parameters[0].example = 42) },
  { name: 'named example does not match', aims: ['oas3-valid-media-example', 'no-invalid-media-type-examples'], mutate: (d) => { const c = getOp(d).responses['200'].content['application/json']; delete c.example; c.examples = { bad: { value: { id: 'x' } } }; } },
  { name: 'example with neither value nor externalValue', aims: ['oas3-examples-value-or-externalValue'], mutate: (d) => { const c = getOp(d).responses['200'].content['application/json']; delete c.example; c.examples = { one: { summary: 'one order' } }; } },
  { name: 'example with both value and externalValue', aims: ['oas3-examples-value-or-externalValue', 'no-example-value-and-externalValue'], mutate: (d) => { const c = getOp(d).responses['200'].content['application/json']; delete c.example; c.examples = { one: { value: { id: '6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69', quantity: 1 }, externalValue: 'https://shop.test/ex.json' } }; } },
  // info and tags
  { name: 'no contact', aims: ['info-contact'], mutate: (d) => void delete d.info.contact },
  { name: 'contact without email', aims: ['contact-properties'], mutate: (d) => void delete d.info.contact.email },
  { name: 'no info description', aims: ['info-description'], mutate: (d) => void delete d.info.description },
  { name: 'no license', aims: ['info-license'], mutate: (d) => void delete d.info.license },
  { name: 'license without url', aims: ['license-url', 'info-license-strict'], mutate: (d) => void delete d.info.license.url },
  { name: 'tags not alphabetical', aims: ['openapi-tags-alphabetical'], mutate: (d) => void d.tags.unshift({ name: 'zebra', description: 'z' }) },
  { name: 'duplicate tag names', aims: ['openapi-tags-uniqueness', 'no-duplicated-tag-names'], mutate: (d) => void d.tags.push({ name: 'orders', description: 'again' }) },
  { name: 'no global tags', aims: ['openapi-tags', 'operation-tag-defined'], mutate: (d) => void delete d.tags },
  { name: 'tag without description', aims: ['tag-description'], mutate: (d) => void delete d.tags[0].description },
  { name: 'operation tag not declared', aims: ['operation-tag-defined'], mutate: (d) => void (getOp(d).tags = ['shipping']) },
  { name: 'operation without tags', aims: ['operation-tags'], mutate: (d) => void delete getOp(d).tags },
  { name: 'operation with two tags', aims: ['operation-singular-tag'], mutate: (d) => { d.tags.push({ name: 'sales', description: 's' }); getOp(d).tags = ['orders', 'sales']; } },
  // operations
  { name: 'operation without description', aims: ['operation-description'], mutate: (d) => void delete getOp(d).description },
  { name: 'operation without summary', aims: ['operation-summary'], mutate: (d) => void delete getOp(d).summary },
  { name: 'operation without operationId', aims: ['operation-operationId'], mutate: (d) => void delete getOp(d).operationId },
  { name: 'duplicate operationId', aims: ['operation-operationId-unique'], mutate: (d) => void (getOp(d).operationId = 'createOrder') },
  { name: 'operationId not URL-safe', aims: ['operation-operationId-valid-in-url', 'operation-operationId-url-safe'], mutate: (d) => void (getOp(d).operationId = 'get order#1') },
  { name: 'no 2xx response', aims: ['operation-success-response', 'operation-2xx-response'], mutate: (d) => void delete getOp(d).responses['200'] },
  { name: 'no 4xx response', aims: ['operation-4xx-response'], mutate: (d) => { for (const s of ['400', '401', '403', '404', '422', '429']) delete getOp(d).responses[s]; } },
  { name: 'duplicate parameter', aims: ['operation-parameters', 'operation-parameters-unique'], mutate: (d) => void postOp(d).parameters.push({ ...postOp(d).parameters[0] }) },
  { name: 'parameter without description', aims: ['oas3-parameter-description'], mutate: (d) => void delete getOp(d).parameters[0].description },
  { name: 'callback inside a callback', aims: ['oas3-callbacks-in-callbacks'], mutate: (d) => void (postOp(d).callbacks = { created: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } }, callbacks: { again: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } } } } } } } } } }) },
  // paths
  { name: 'path parameter not declared', aims: ['path-params', 'path-parameters-defined'], mutate: (d) => void (getOp(d).parameters = []) },
  { name: 'declared path parameter not in the path', aims: ['path-params', 'path-parameters-defined'], mutate: (d) => void getOp(d).parameters.push({ name: 'shopId', in: 'path', required: true, description: 'shop', schema: { type: 'string', format: 'uuid', maxLength: 36 } }) },
  { name: 'empty path parameter {}', aims: ['path-declarations-must-exist', 'path-declaration-must-exist'], mutate: (d) => void (d.paths['/orders/{orderId}/items/{}'] = { get: { ...getOp(d), operationId: 'items' } }) },
  { name: 'trailing slash', aims: ['path-keys-no-trailing-slash', 'no-path-trailing-slash'], mutate: (d) => { d.paths['/orders/'] = d.paths['/orders']; delete d.paths['/orders']; } },
  { name: 'query string in path', aims: ['path-not-include-query'], mutate: (d) => void (d.paths['/orders?status=open'] = { get: { ...getOp(d), operationId: 'open', parameters: [] } }) },
  { name: 'identical paths', aims: ['no-identical-paths'], mutate: (d) => void (d.paths['/orders/{id}'] = { delete: { ...getOp(d), operationId: 'deleteOrder', parameters: [{ ...getOp(d).parameters[0], name: 'id' }] } }) },
  { name: 'ambiguous paths', aims: ['no-ambiguous-paths'], mutate: (d) => { d.paths['/{kind}/latest'] = { get: { ...getOp(d), operationId: 'latest', parameters: [{ ...getOp(d).parameters[0], name: 'kind' }] } }; } },
  // schemas
  { name: 'array without items', aims: ['array-items', 'struct'], mutate: (d) => void (newOrderProps(d).lines = { type: 'array', maxItems: 10 }) },
  { name: 'duplicate enum value', aims: ['duplicated-entry-in-enum', 'no-duplicated-enum-values'], mutate: (d) => void (newOrderProps(d).colour = { type: 'string', enum: ['red', 'red'] }) },
  { name: 'enum value of the wrong type', aims: ['typed-enum', 'no-enum-type-mismatch'], mutate: (d) => void (newOrderProps(d).colour = { type: 'string', enum: ['red', 1] }) },
  { name: '$ref with a sibling (3.0)', aims: ['no-$ref-siblings', 'spec-ref-siblings'], mutate: (d) => void (postOp(d).requestBody.content['application/json'].schema.description = 'the order') },
  { name: 'required property not defined', aims: ['no-required-schema-properties-undefined'], mutate: (d) => void d.components.schemas.NewOrder.required.push('colour') },
  { name: 'type object with items', aims: ['no-schema-type-mismatch'], mutate: (d) => void (newOrderProps(d).meta = { type: 'object', items: { type: 'string' }, maxProperties: 3, additionalProperties: false }) },
  { name: 'nullable without type', aims: ['nullable-type-sibling'], mutate: (d) => void (newOrderProps(d).note = { nullable: true, maxLength: 10 }) },
  { name: 'minimum with exclusiveMinimum (3.1)', version: '3.1.0', aims: ['no-mixed-number-range-constraints'], mutate: (d) => void (newOrderProps(d).quantity.exclusiveMinimum = 0) },
  { name: 'unused component', aims: ['oas3-unused-component', 'no-unused-components'], mutate: (d) => void (d.components.schemas.Unused = { type: 'object', additionalProperties: false, maxProperties: 1 }) },
  { name: 'component name with a space', aims: ['spec-components-invalid-map-name', 'struct'], mutate: (d) => void (d.components.schemas['New Thing'] = { type: 'object' }) },
  { name: 'unresolved $ref', aims: ['no-unresolved-refs', 'oas3-schema'], mutate: (d) => void (postOp(d).requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Missing' }) },
  // markdown
  { name: 'script tag in a description', aims: ['no-script-tags-in-markdown', 'no-unsafe-markdown'], mutate: (d) => void (d.info.description = 'Orders <script>alert(1)</script>') },
  { name: 'eval in a description', aims: ['no-eval-in-markdown'], mutate: (d) => void (d.info.description = 'Orders; try eval("1")') },
  // servers
  { name: 'no servers', aims: ['oas3-api-servers', 'no-empty-servers'], mutate: (d) => void delete d.servers },
  { name: 'server trailing slash', aims: ['oas3-server-trailing-slash', 'no-server-trailing-slash'], mutate: (d) => void (d.servers[0].url = 'https://api.shop.test/v1/') },
  { name: 'server on example.com', aims: ['oas3-server-not-example.com', 'no-server-example.com'], mutate: (d) => void (d.servers[0].url = 'https://example.com/v1') },
  { name: 'server variable undefined', aims: ['oas3-server-variables', 'no-undefined-server-variable'], mutate: (d) => void (d.servers[0].url = 'https://{region}.shop.test/v1') },
  { name: 'server variable with empty enum', aims: ['no-server-variables-empty-enum', 'oas3-server-variables'], mutate: (d) => { d.servers[0].url = 'https://{region}.shop.test/v1'; d.servers[0].variables = { region: { default: 'eu', enum: [] } }; } },
  { name: 'server variable default outside its enum', aims: ['oas3-server-variables'], mutate: (d) => { d.servers[0].url = 'https://{region}.shop.test/v1'; d.servers[0].variables = { region: { default: 'us', enum: ['eu'] } }; } },
  { name: 'plain http server', aims: ['owasp:api8:2023-no-server-http'], mutate: (d) => void (d.servers[0].url = 'http://api.shop.test/v1') },
  { name: 'server without x-internal', aims: ['owasp:api9:2023-inventory-access'], mutate: (d) => void delete d.servers[0]['x-internal'] },
  { name: 'server description names no environment', aims: ['owasp:api9:2023-inventory-environment'], mutate: (d) => void (d.servers[0].description = 'main') },
  // webhooks (3.1)
  { name: 'servers in a webhook', version: '3.1.0', aims: ['oas3_1-servers-in-webhook'], mutate: (d) => void (d.webhooks = { orderShipped: { servers: [{ url: 'https://hooks.shop.test' }], post: { operationId: 'orderShipped', summary: 's', description: 'd', tags: ['orders'], responses: { '200': { description: 'ok' } } } } }) },
  { name: 'callbacks in a webhook', version: '3.1.0', aims: ['oas3_1-callbacks-in-webhook'], mutate: (d) => void (d.webhooks = { orderShipped: { post: { operationId: 'orderShipped', summary: 's', description: 'd', tags: ['orders'], responses: { '200': { description: 'ok' } }, callbacks: { x: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } } } } } } } } }) },
  // security
  { name: 'operation security names an undefined scheme', aims: ['oas3-operation-security-defined', 'security-defined'], mutate: (d) => void (getOp(d).security = [{ apiKey: [] }]) },
  { name: 'undefined oauth scope', aims: ['security-scopes-defined'], mutate: (d) => void (getOp(d).security = [{ oauth: ['orders:delete'] }]) },
  { name: 'no security at all', aims: ['security-defined', 'owasp:api2:2023-read-restricted', 'owasp:api2:2023-write-restricted'], mutate: (d) => void delete d.security },
  { name: 'write operation with security: []', aims: ['owasp:api2:2023-write-restricted'], mutate: (d) => void (postOp(d).security = []) },
  { name: 'read operation with security: []', aims: ['owasp:api2:2023-read-restricted'], mutate: (d) => void (getOp(d).security = []) },
  { name: 'http basic scheme', aims: ['owasp:api2:2023-no-http-basic'], mutate: (d) => { d.components.securitySchemes.basic = { type: 'http', scheme: 'basic' }; d.security.push({ basic: [] }); } },
  { name: 'insecure http scheme (negotiate)', aims: ['owasp:api2:2023-auth-insecure-schemes'], mutate: (d) => { d.components.securitySchemes.neg = { type: 'http', scheme: 'negotiate' }; d.security.push({ neg: [] }); } },
  { name: 'api key in the query', aims: ['owasp:api2:2023-no-api-keys-in-url'], mutate: (d) => { d.components.securitySchemes.key = { type: 'apiKey', name: 'key', in: 'query' }; d.security.push({ key: [] }); } },
  { name: 'credential in a query parameter', aims: ['owasp:api2:2023-no-credentials-in-url'], mutate: (d) => void getOp(d).parameters.push({ name: 'api_key', in: 'query', description: 'key', schema: { type: 'string', maxLength: 64, pattern: '^[a-z]+$' } }) },
  { name: 'JWT bearer without RFC 8725', aims: ['owasp:api2:2023-jwt-best-practices'], mutate: (d) => { d.components.securitySchemes.jwt = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }; d.security.push({ jwt: [] }); } },
  { name: 'oauth flow without refreshUrl', aims: ['owasp:api2:2023-short-lived-access-tokens'], mutate: (d) => void delete d.components.securitySchemes.oauth.flows.authorizationCode.refreshUrl },
  { name: 'admin path with the same security as the others', aims: ['owasp:api5:2023-admin-security-unique'], mutate: (d) => void (d.paths['/admin/orders'] = { get: { ...getOp(d), operationId: 'adminOrders', parameters: [], security: [{ oauth: ['orders:read'] }] } }) },
  // OWASP resource limits and mass assignment
  { name: 'numeric id parameter', aims: ['owasp:api1:2023-no-numeric-ids'], mutate: (d) => void (getOp(d).parameters[0].schema = { type: 'integer', format: 'int64', minimum: 1, maximum: 1e12 }) },
  { name: 'string without maxLength', aims: ['owasp:api4:2023-string-limit'], mutate: (d) => void (newOrderProps(d).note = { type: 'string', pattern: '^[a-z ]*$' }) },
  { name: 'string without format, pattern or enum', aims: ['owasp:api4:2023-string-restricted'], mutate: (d) => void (newOrderProps(d).note = { type: 'string', maxLength: 100 }) },
  { name: 'array without maxItems', aims: ['owasp:api4:2023-array-limit'], mutate: (d) => void (newOrderProps(d).lines = { type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 } }) },
  { name: 'integer without maximum', aims: ['owasp:api4:2023-integer-limit-legacy', 'owasp:api4:2023-integer-limit'], mutate: (d) => void delete newOrderProps(d).quantity.maximum },
  { name: 'integer without format', aims: ['owasp:api4:2023-integer-format'], mutate: (d) => void delete newOrderProps(d).quantity.format },
  { name: 'additionalProperties: true (3.0)', aims: ['owasp:api3:2023-no-additionalProperties'], mutate: (d) => void (d.components.schemas.NewOrder.additionalProperties = true) },
  { name: 'additionalProperties schema without maxProperties (3.0)', aims: ['owasp:api3:2023-constrained-additionalProperties'], mutate: (d) => { d.components.schemas.NewOrder.additionalProperties = { type: 'string', maxLength: 10, pattern: '^a$' }; delete d.components.schemas.NewOrder.maxProperties; } },
  { name: 'unevaluatedProperties: true (3.1)', version: '3.1.0', aims: ['owasp:api3:2023-no-unevaluatedProperties'], mutate: (d) => void (d.components.schemas.NewOrder.unevaluatedProperties = true) },
  { name: 'concerning URL parameter', aims: ['owasp:api7:2023-concerning-url-parameter'], mutate: (d) => void getOp(d).parameters.push({ name: 'callback_url', in: 'query', description: 'where to call', schema: { type: 'string', format: 'uri', maxLength: 200 } }) },
  // OWASP responses
  { name: 'response without rate-limit headers', aims: ['owasp:api4:2023-rate-limit'], mutate: (d) => void (getOp(d).responses['200'].headers = { 'X-Request-ID': rateHeaders['X-Request-ID'], 'Access-Control-Allow-Origin': rateHeaders['Access-Control-Allow-Origin'] }) },
  { name: '429 without Retry-After', aims: ['owasp:api4:2023-rate-limit-retry-after'], mutate: (d) => void delete getOp(d).responses['429'].headers['Retry-After'] },
  { name: 'no 429 response', aims: ['owasp:api4:2023-rate-limit-responses-429'], mutate: (d) => void delete getOp(d).responses['429'] },
  { name: 'no 400/422 response', aims: ['owasp:api8:2023-define-error-validation'], mutate: (d) => { delete postOp(d).responses['400']; delete postOp(d).responses['422']; } },
  { name: 'no 401 response', aims: ['owasp:api8:2023-define-error-responses-401'], mutate: (d) => void delete getOp(d).responses['401'] },
  { name: 'no 500 response', aims: ['owasp:api8:2023-define-error-responses-500'], mutate: (d) => void delete getOp(d).responses['500'] },
  { name: 'headers without CORS origin', aims: ['owasp:api8:2023-define-cors-origin'], mutate: (d) => void delete getOp(d).responses['200'].headers['Access-Control-Allow-Origin'] },
];

// ---------------------------------------------------------------------------------------------
// Running the tools.

function ensurePeers(): void {
  const bins = ['spectral', 'redocly'].map((b) => join(peers, 'node_modules/.bin', b));
  const owasp = join(peers, 'node_modules/@stoplight/spectral-owasp-ruleset');
  if (!bins.every(existsSync) || !existsSync(owasp)) {
    console.error('installing peers into bench/.peers (first run only)…');
    mkdirSync(peers, { recursive: true });
    // A package.json of its own, or npm would walk up and install into the project.
    if (!existsSync(join(peers, 'package.json'))) writeFileSync(join(peers, 'package.json'), '{"name":"archie-bench-peers","private":true}\n');
    const r = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '@stoplight/spectral-cli@6.16.3', '@redocly/cli@2.77.0', '@stoplight/spectral-owasp-ruleset@2.0.1'], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('npm install of the peers failed');
  }
  mkdirSync(join(peers, 'rulesets'), { recursive: true });
  writeFileSync(join(peers, 'rulesets/spectral-oas-all.yaml'), 'extends: [["spectral:oas", "all"]]\n');
  writeFileSync(join(peers, 'rulesets/spectral-owasp.yaml'), 'extends: ["@stoplight/spectral-owasp-ruleset"]\n');
  writeFileSync(join(here, '.gitignore'), '.peers/\n');
}

/** A finding of any tool, reduced to what is compared. */
interface Hit {
  rule: string;
  file: string;
  pointer: string;
}

const toPointer = (path: (string | number)[]): string => `#${path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;

function runPeer(tool: Tool, files: string[], outFile: string): Hit[] | string {
  const bin = join(peers, 'node_modules/.bin', tool === 'redocly' ? 'redocly' : 'spectral');
  const argv =
    tool === 'redocly'
      ? [bin, 'lint', '--format=json', '--max-problems=10000000', ...files]
      : [bin, 'lint', '-r', join(peers, `rulesets/${tool === 'spectral' ? 'spectral-oas-all' : 'spectral-owasp'}.yaml`), '-f', 'json', '-o', outFile, '--quiet', ...files];
  const r = spawnSync('node', argv, { cwd: peers, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (tool === 'redocly') writeFileSync(outFile, r.stdout ?? '');
  if (!existsSync(outFile) || readFileSync(outFile, 'utf8').trim() === '') return `${tool} produced no output (exit ${r.status}): ${(r.stderr ?? '').slice(0, 300)}`;
  return readPeer(tool, outFile);
}

function readPeer(tool: Tool, outFile: string): Hit[] {
  const text = readFileSync(outFile, 'utf8');
  if (tool !== 'redocly') {
    const list = JSON.parse(text) as { code: string; path: (string | number)[]; source?: string }[];
    return list.map((p) => ({ rule: String(p.code), file: resolve(p.source ?? ''), pointer: toPointer(p.path) }));
  }
  // One JSON document per linted file, one after the other.
  const hits: Hit[] = [];
  for (const chunk of jsonValues(text)) {
    const j = JSON.parse(chunk) as { problems: { ruleId: string; location: { source: { ref: string }; pointer?: string }[] }[] };
    for (const p of j.problems) {
      const loc = p.location[0];
      hits.push({ rule: p.ruleId, file: resolve(peers, loc?.source.ref ?? ''), pointer: decodeURIComponent(loc?.pointer ?? '#') });
    }
  }
  return hits;
}

/** The top-level JSON values of a text that holds several one after the other (`{…}{…}`). */
function jsonValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && --depth === 0) out.push(text.slice(start, i + 1));
  }
  return out;
}

async function runArchie(files: string[], cwd: string): Promise<{ hits: Hit[]; errors: string[] }> {
  // Every opt-in OpenAPI rule on: the peers run every rule of their rulesets too.
  const rules = Object.fromEntries(allRules().filter((r) => r.optIn && r.domain === 'openapi').map((r) => [r.id, r.severity]));
  const result = await review(files, { cwd, config: { rules } });
  const hits = result.findings.map((f: Finding) => ({ rule: f.ruleId, file: f.location.kind === 'file' ? resolve(cwd, f.location.file) : '', pointer: f.location.kind === 'file' ? (f.location.pointer ?? '#') : '' }));
  return { hits, errors: result.errors.map((e) => `${e.file}: ${e.message}`) };
}

const known = new Set(allRules().map((r) => r.id));
const mapped = (key: string): string[] => (MAP[key] ?? []).filter((id) => known.has(id));

function count(hits: Hit[], file: string, rules: (r: string) => boolean): number {
  let n = 0;
  for (const h of hits) if (h.file === file && rules(h.rule)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------

interface CaseRow {
  key: string;
  peerCases: string[];
  both: string[];
  archieOnly: string[];
}

async function runCases(): Promise<{ rows: Map<string, CaseRow>; failed: boolean }> {
  const dir = join(peers, 'parity-cases');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const docs = [{ name: 'base 3.0', file: join(dir, 'base-3.0.yaml'), doc: base('3.0.3') }, { name: 'base 3.1', file: join(dir, 'base-3.1.yaml'), doc: base('3.1.0') }, { name: 'base 3.2', file: join(dir, 'base-3.2.yaml'), doc: base('3.2.0') }];
  const cases = CASES.map((c, i) => {
    const doc = base(c.version ?? '3.0.3');
    c.mutate(doc);
    const file = join(dir, `case-${String(i + 1).padStart(3, '0')}.yaml`);
    return { ...c, file, doc, baseFile: docs.find((b) => b.doc.openapi === doc.openapi)!.file };
  });
  for (const d of [...docs, ...cases]) writeFileSync(d.file, stringify(d.doc, { aliasDuplicateObjects: false, lineWidth: 0 }));
  const files = [...docs, ...cases].map((d) => d.file);
  let failed = false;
  const peerHits = new Map<Tool, Hit[]>();
  for (const tool of TOOLS) {
    console.error(`cases: ${TOOL_NAME[tool]} on ${files.length} documents…`);
    const r = runPeer(tool, files, join(dir, `${tool}.json`));
    if (typeof r === 'string') {
      console.error(r);
      failed = true;
      peerHits.set(tool, []);
    } else peerHits.set(tool, r);
  }
  console.error('cases: archie…');
  const archie = await runArchie(files.map((f) => relative(dir, f)), dir);
  if (archie.errors.length > 0 && verbose) console.error(archie.errors.join('\n'));
  if (verbose) {
    for (const d of docs) {
      const a = archie.hits.filter((h) => h.file === d.file).map((h) => h.rule);
      console.error(`${d.name}: archie ${a.length} findings on the clean base: ${[...new Set(a)].join(', ')}`);
      for (const tool of TOOLS) console.error(`${d.name}: ${tool} ${[...new Set(peerHits.get(tool)!.filter((h) => h.file === d.file).map((h) => h.rule))].join(', ')}`);
    }
  }
  const rows = new Map<string, CaseRow>();
  const row = (key: string): CaseRow => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, peerCases: [], both: [], archieOnly: [] }));
    return r;
  };
  for (const key of Object.keys(MAP)) row(key);
  for (const c of cases) {
    for (const tool of TOOLS) {
      const hits = peerHits.get(tool)!;
      const rulesHere = new Set(hits.filter((h) => h.file === c.file).map((h) => h.rule));
      for (const rule of rulesHere) {
        if (count(hits, c.file, (r) => r === rule) <= count(hits, c.baseFile, (r) => r === rule)) continue;
        const key = `${tool}:${rule}`;
        const ids = new Set(mapped(key));
        const r = row(key);
        r.peerCases.push(c.name);
        if (ids.size > 0 && count(archie.hits, c.file, (x) => ids.has(x)) > count(archie.hits, c.baseFile, (x) => ids.has(x))) r.both.push(c.name);
      }
      for (const key of Object.keys(MAP).filter((k) => k.startsWith(`${tool}:`))) {
        const ids = new Set(mapped(key));
        if (ids.size === 0 || rulesHere.has(key.slice(tool.length + 1))) continue;
        if (count(archie.hits, c.file, (x) => ids.has(x)) > count(archie.hits, c.baseFile, (x) => ids.has(x))) {
          const peerRule = key.slice(tool.length + 1);
          if (count(hits, c.file, (r) => r === peerRule) <= count(hits, c.baseFile, (r) => r === peerRule)) row(key).archieOnly.push(c.name);
        }
      }
    }
  }
  return { rows, failed };
}

const SPECS = [
  'discord-openapi.json',
  'twilio-api-v2010.json',
  'openai-openapi.yaml',
  'github-api.github.com.2022-06.json',
  'stripe-spec3.2023-09-12.yaml',
  'digitalocean/DigitalOcean-public.v2.yaml',
  'github-api.github.com.octokit-openapi-23.0.2.json',
];

interface CorpusCell {
  peer: number;
  archie: number;
  matched: number;
}

async function runCorpus(): Promise<Map<string, Map<string, CorpusCell>>> {
  mkdirSync(cacheDir, { recursive: true });
  const only = value('--only');
  const out = new Map<string, Map<string, CorpusCell>>();
  for (const spec of SPECS.filter((s) => !only || s.includes(only))) {
    const path = join(corpus, spec);
    const stamp = `${statSync(path).size}`;
    const name = spec.replace(/\//g, '_');
    const cells = new Map<string, CorpusCell>();
    console.error(`corpus: archie ${spec}…`);
    const archie = await runArchie([relative(repo, path)], repo);
    const archieByRule = new Map<string, Hit[]>();
    for (const h of archie.hits) archieByRule.set(h.rule, [...(archieByRule.get(h.rule) ?? []), h]);
    for (const tool of TOOLS) {
      const cached = join(cacheDir, `${tool}.${name}.${stamp}.json`);
      if (!existsSync(cached) || flag('--rerun-peers')) {
        console.error(`corpus: ${TOOL_NAME[tool]} ${spec} (cached afterwards in bench/.peers/parity)…`);
        const r = runPeer(tool, [path], `${cached}.tmp`);
        if (typeof r === 'string') {
          console.error(`  ${r}`);
          writeFileSync(cached, tool === 'redocly' ? '' : '[]');
        } else writeFileSync(cached, readFileSync(`${cached}.tmp`));
        rmSync(`${cached}.tmp`, { force: true });
      }
      const text = readFileSync(cached, 'utf8');
      const hits = text.trim() === '' ? [] : readPeer(tool, cached);
      const byRule = new Map<string, Hit[]>();
      for (const h of hits) byRule.set(h.rule, [...(byRule.get(h.rule) ?? []), h]);
      for (const [rule, list] of byRule) {
        const key = `${tool}:${rule}`;
        const ids = mapped(key);
        const mine = ids.flatMap((id) => archieByRule.get(id) ?? []);
        // archie's places and every prefix of them: a peer finding matches when one pointer is a prefix of the other.
        const exact = new Set(mine.map((h) => `${h.file}\u0000${h.pointer}`));
        const prefixes = new Set<string>();
        for (const h of mine) {
          const segs = h.pointer.split('/');
          for (let i = 1; i <= segs.length; i++) prefixes.add(`${h.file}\u0000${segs.slice(0, i).join('/')}`);
        }
        let matched = 0;
        for (const h of list) {
          const segs = h.pointer.split('/');
          let ok = prefixes.has(`${h.file}\u0000${h.pointer}`);
          for (let i = segs.length; !ok && i >= 1; i--) ok = exact.has(`${h.file}\u0000${segs.slice(0, i).join('/')}`);
          if (ok) matched++;
        }
        cells.set(key, { peer: list.length, archie: mine.length, matched });
      }
    }
    out.set(spec, cells);
  }
  return out;
}

interface Timed {
  wall: number;
  rssMiB: number;
  status: number | null;
}

function timed(argv: string[], cwd: string): Timed {
  const timeFile = join(peers, 'speed.time');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, ...argv], { cwd, env, stdio: ['ignore', 'ignore', 'ignore'] });
  let wall = (performance.now() - t0) / 1000;
  let rssMiB = Number.NaN;
  if (existsSync(timeFile)) {
    const t = readFileSync(timeFile, 'utf8');
    const w = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(t);
    if (w) wall = Number(w[1] ?? 0) * 3600 + Number(w[2]) * 60 + Number(w[3]);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) rssMiB = Number(m[1]) / 1024;
  }
  return { wall, rssMiB, status: r.status };
}

function speed(): void {
  if (!existsSync('/usr/bin/time')) throw new Error('--speed needs /usr/bin/time (apt-get install time)');
  if (!flag('--no-build')) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit', env });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const runs = Number(value('--runs') ?? 1);
  const only = value('--only');
  const median = (xs: Timed[]): Timed => [...xs].sort((a, b) => a.wall - b.wall)[Math.floor(xs.length / 2)]!;
  console.log(`\n## Speed: archie and Redocly (recommended) on the corpus, median of ${runs} run${runs === 1 ? '' : 's'}, alternating\n`);
  console.log('| spec | archie wall / RSS | Redocly wall / RSS | time Redocly/archie | RSS Redocly/archie |');
  console.log('|---|---|---|---|---|');
  for (const spec of SPECS.filter((x) => !only || x.includes(only))) {
    const path = join(corpus, spec);
    const a: Timed[] = [];
    const r: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      console.error(`speed: ${spec} run ${i + 1}/${runs}`);
      a.push(timed(['node', join(repo, 'dist/cli.js'), 'review', path, '--format', 'json', '--quiet'], repo));
      r.push(timed(['node', join(peers, 'node_modules/.bin/redocly'), 'lint', '--format=json', '--max-problems=10000000', path], peers));
    }
    const ma = median(a);
    const mr = median(r);
    const bad = (t: Timed): string => (t.status !== null && t.status > 1 ? ` (exit ${t.status})` : '');
    console.log(`| ${spec} | ${ma.wall.toFixed(2)} s / ${ma.rssMiB.toFixed(0)} MiB${bad(ma)} | ${mr.wall.toFixed(2)} s / ${mr.rssMiB.toFixed(0)} MiB${bad(mr)} | ${(mr.wall / ma.wall).toFixed(2)}x | ${(mr.rssMiB / ma.rssMiB).toFixed(2)}x |`);
  }
}

async function main(): Promise<void> {
  ensurePeers();
  if (flag('--speed')) {
    speed();
    return;
  }
  const { rows, failed } = await runCases();
  const keys = [...rows.keys()].sort((a, b) => (a < b ? -1 : 1));
  console.log(`\n## Cases (${CASES.length} defects on a clean base; a case counts for a peer rule when the peer reports it more than on the base)\n`);
  console.log('| peer | peer rule | archie rules | peer flags | archie flags too | archie only |');
  console.log('|---|---|---|---|---|---|');
  let covered = 0;
  let ruleCount = 0;
  const totals: Record<Tool, { rules: number; mapped: number; cases: number; both: number }> = {
    spectral: { rules: 0, mapped: 0, cases: 0, both: 0 },
    owasp: { rules: 0, mapped: 0, cases: 0, both: 0 },
    redocly: { rules: 0, mapped: 0, cases: 0, both: 0 },
  };
  for (const key of keys) {
    const r = rows.get(key)!;
    const tool = key.split(':')[0] as Tool;
    const rule = key.slice(tool.length + 1);
    const ids = MAP[key] ?? [];
    const shown = ids.length === 0 ? '—' : ids.map((id) => (known.has(id) ? id : `${id} (missing)`)).join(', ');
    const t = totals[tool];
    t.rules++;
    ruleCount++;
    if (mapped(key).length > 0) {
      t.mapped++;
      covered++;
    }
    t.cases += r.peerCases.length;
    t.both += r.both.length;
    const miss = r.peerCases.filter((c) => !r.both.includes(c));
    console.log(`| ${TOOL_NAME[tool]} | ${rule} | ${shown} | ${r.peerCases.length} | ${r.both.length}${verbose && miss.length ? ` (not: ${miss.join('; ')})` : ''} | ${r.archieOnly.length}${verbose && r.archieOnly.length ? ` (${r.archieOnly.join('; ')})` : ''} |`);
  }
  console.log('\n| peer | rules seen | with an archie counterpart | peer-flagged cases | archie flags too |');
  console.log('|---|---|---|---|---|');
  for (const tool of TOOLS) {
    const t = totals[tool];
    console.log(`| ${TOOL_NAME[tool]} | ${t.rules} | ${t.mapped} (${pct(t.mapped, t.rules)}) | ${t.cases} | ${t.both} (${pct(t.both, t.cases)}) |`);
  }
  console.log(`\nall peers: ${covered} of ${ruleCount} rules have an archie counterpart (${pct(covered, ruleCount)})`);

  if (!flag('--no-corpus')) {
    const corpusCells = await runCorpus();
    console.log('\n## Corpus (peer findings / archie findings of the mapped rules / share of the peer findings archie reports at the same place)\n');
    const specs = [...corpusCells.keys()];
    const allKeys = [...new Set(specs.flatMap((s) => [...corpusCells.get(s)!.keys()]))].sort();
    console.log(`| peer rule | archie rules | ${specs.map((s) => s.replace(/\.(json|yaml)$/, '').replace('github-api.github.com.', 'github ')).join(' | ')} |`);
    console.log(`|---|---|${specs.map(() => '---').join('|')}|`);
    for (const key of allKeys) {
      const ids = mapped(key);
      const cells = specs.map((s) => {
        const c = corpusCells.get(s)!.get(key);
        return c ? `${c.peer} / ${c.archie} / ${pct(c.matched, c.peer)}` : '';
      });
      console.log(`| ${key} | ${ids.join(', ') || '—'} | ${cells.join(' | ')} |`);
    }
  }
  if (failed) process.exitCode = 1;
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${Math.round((100 * a) / b)}%`;
}

await main();
