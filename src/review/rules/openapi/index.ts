import type { DiffInput } from '../../diff/model.js';
import type { OpenApiInput } from '../../openapi/model.js';
import type { Rule } from '../../types.js';
import arrayMaxItems from './array-max-items.js';
import authErrorResponses from './auth-error-responses.js';
import componentsUsed from './components-used.js';
import correlationId from './correlation-id.js';
import diffEnumNarrowed from './diff-enum-narrowed.js';
import diffNonBreaking from './diff-non-breaking.js';
import diffOperationRemoved from './diff-operation-removed.js';
import diffRequiredInputAdded from './diff-required-input-added.js';
import diffResponseFieldRemoved from './diff-response-field-removed.js';
import diffResponseStatusRemoved from './diff-response-status-removed.js';
import diffSecurityChanged from './diff-security-changed.js';
import diffTypeChanged from './diff-type-changed.js';
import enumTypeMatch from './enum-type-match.js';
import errorProblemJson from './error-problem-json.js';
import exampleValid from './example-valid.js';
import idempotencyKey from './idempotency-key.js';
import identifierFormat from './identifier-format.js';
import integerBounds from './integer-bounds.js';
import massAssignment from './mass-assignment.js';
import noHttpBasicAuth from './no-http-basic-auth.js';
import noRequestBodyOnGet from './no-request-body-on-get.js';
import noSecretsInQuery from './no-secrets-in-query.js';
import operationId from './operation-id.js';
import operationIdUnique from './operation-id-unique.js';
import operationSecurity from './operation-security.js';
import operationSummary from './operation-summary.js';
import pagination from './pagination.js';
import paginationLimitBounded from './pagination-limit-bounded.js';
import parameterDescription from './parameter-description.js';
import pathKebabCase from './path-kebab-case.js';
import pathNoTrailingSlash from './path-no-trailing-slash.js';
import pathNoVerbs from './path-no-verbs.js';
import pathParamsDefined from './path-params-defined.js';
import pathPluralNouns from './path-plural-nouns.js';
import rateLimitHeaders from './rate-limit-headers.js';
import rateLimitResponse from './rate-limit-response.js';
import refResolvable from './ref-resolvable.js';
import retryAfterHeader from './retry-after-header.js';
import securitySchemesDefined from './security-schemes-defined.js';
import serversDefined from './servers-defined.js';
import serversHttps from './servers-https.js';
import sortParamConstrained from './sort-param-constrained.js';
import stringMaxLength from './string-max-length.js';
import structure from './structure.js';
import successResponse from './success-response.js';
import successResponseSchema from './success-response-schema.js';
import unavailableResponse from './unavailable-response.js';
import validationErrorResponse from './validation-error-response.js';
import versioning from './versioning.js';

/** The OpenAPI governance rules, in id order. Each is `./<name>.ts` with docs at docs/rules/openapi/<name>.md. */
export const rules: Rule<OpenApiInput>[] = [
  arrayMaxItems,
  authErrorResponses,
  componentsUsed,
  correlationId,
  enumTypeMatch,
  errorProblemJson,
  exampleValid,
  idempotencyKey,
  identifierFormat,
  integerBounds,
  massAssignment,
  noHttpBasicAuth,
  noRequestBodyOnGet,
  noSecretsInQuery,
  operationId,
  operationIdUnique,
  operationSecurity,
  operationSummary,
  pagination,
  paginationLimitBounded,
  parameterDescription,
  pathKebabCase,
  pathNoTrailingSlash,
  pathNoVerbs,
  pathParamsDefined,
  pathPluralNouns,
  rateLimitHeaders,
  rateLimitResponse,
  refResolvable,
  retryAfterHeader,
  securitySchemesDefined,
  serversDefined,
  serversHttps,
  sortParamConstrained,
  stringMaxLength,
  structure,
  successResponse,
  successResponseSchema,
  unavailableResponse,
  validationErrorResponse,
  versioning,
];

/** Breaking-change rules, run by `archie review --base old new` over a pair of descriptions. */
export const diffRules: Rule<DiffInput>[] = [
  diffEnumNarrowed,
  diffNonBreaking,
  diffOperationRemoved,
  diffRequiredInputAdded,
  diffResponseFieldRemoved,
  diffResponseStatusRemoved,
  diffSecurityChanged,
  diffTypeChanged,
];
