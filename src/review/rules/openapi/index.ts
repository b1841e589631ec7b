import type { DiffInput } from '../../diff/model.js';
import type { OpenApiInput } from '../../openapi/model.js';
import type { Rule } from '../../types.js';
import additionalPropertiesBounded from './additional-properties-bounded.js';
import adminSecurity from './admin-security.js';
import arrayItems from './array-items.js';
import arrayMaxItems from './array-max-items.js';
import authErrorResponses from './auth-error-responses.js';
import callbacksPlacement from './callbacks-placement.js';
import clientErrorResponse from './client-error-response.js';
import componentNames from './component-names.js';
import componentsUsed from './components-used.js';
import correlationId from './correlation-id.js';
import corsOrigin from './cors-origin.js';
import diffEnumNarrowed from './diff-enum-narrowed.js';
import diffNonBreaking from './diff-non-breaking.js';
import diffOperationRemoved from './diff-operation-removed.js';
import diffRequiredInputAdded from './diff-required-input-added.js';
import diffResponseFieldRemoved from './diff-response-field-removed.js';
import diffResponseStatusRemoved from './diff-response-status-removed.js';
import diffSecurityChanged from './diff-security-changed.js';
import diffTypeChanged from './diff-type-changed.js';
import enumTypeMatch from './enum-type-match.js';
import enumUnique from './enum-unique.js';
import errorProblemJson from './error-problem-json.js';
import exampleValid from './example-valid.js';
import exampleValueOrExternal from './example-value-or-external.js';
import idempotencyKey from './idempotency-key.js';
import identifierFormat from './identifier-format.js';
import infoContact from './info-contact.js';
import infoDescription from './info-description.js';
import infoLicense from './info-license.js';
import integerBounds from './integer-bounds.js';
import jwtBestPractices from './jwt-best-practices.js';
import markdownSafe from './markdown-safe.js';
import massAssignment from './mass-assignment.js';
import noHttpBasicAuth from './no-http-basic-auth.js';
import noRequestBodyOnGet from './no-request-body-on-get.js';
import noSecretsInQuery from './no-secrets-in-query.js';
import oauthRefreshUrl from './oauth-refresh-url.js';
import operationDescription from './operation-description.js';
import operationId from './operation-id.js';
import operationIdUnique from './operation-id-unique.js';
import operationIdUrlSafe from './operation-id-url-safe.js';
import operationSecurity from './operation-security.js';
import operationSummary from './operation-summary.js';
import operationTags from './operation-tags.js';
import pagination from './pagination.js';
import paginationLimitBounded from './pagination-limit-bounded.js';
import parameterDescription from './parameter-description.js';
import parametersUnique from './parameters-unique.js';
import pathKebabCase from './path-kebab-case.js';
import pathNoTrailingSlash from './path-no-trailing-slash.js';
import pathNoVerbs from './path-no-verbs.js';
import pathParamsDefined from './path-params-defined.js';
import pathPluralNouns from './path-plural-nouns.js';
import pathTemplateValid from './path-template-valid.js';
import pathsDistinct from './paths-distinct.js';
import rateLimitHeaders from './rate-limit-headers.js';
import rateLimitResponse from './rate-limit-response.js';
import refResolvable from './ref-resolvable.js';
import refSiblings from './ref-siblings.js';
import requiredPropertiesDefined from './required-properties-defined.js';
import retryAfterHeader from './retry-after-header.js';
import schemaTypeConsistent from './schema-type-consistent.js';
import securitySchemesDefined from './security-schemes-defined.js';
import securityScopesDefined from './security-scopes-defined.js';
import serverErrorResponse from './server-error-response.js';
import serverInventory from './server-inventory.js';
import serverNotExample from './server-not-example.js';
import serverUrlValid from './server-url-valid.js';
import serverVariables from './server-variables.js';
import serversDefined from './servers-defined.js';
import serversHttps from './servers-https.js';
import sortParamConstrained from './sort-param-constrained.js';
import stringMaxLength from './string-max-length.js';
import stringRestricted from './string-restricted.js';
import structure from './structure.js';
import successResponse from './success-response.js';
import successResponseSchema from './success-response-schema.js';
import tagsAlphabetical from './tags-alphabetical.js';
import tagsDefined from './tags-defined.js';
import tagsUnique from './tags-unique.js';
import unavailableResponse from './unavailable-response.js';
import urlParameterSsrf from './url-parameter-ssrf.js';
import validationErrorResponse from './validation-error-response.js';
import versioning from './versioning.js';

/** The OpenAPI governance rules, in id order. Each is `./<name>.ts` with docs at docs/rules/openapi/<name>.md. */
export const rules: Rule<OpenApiInput>[] = [
  additionalPropertiesBounded,
  adminSecurity,
  arrayItems,
  arrayMaxItems,
  authErrorResponses,
  callbacksPlacement,
  clientErrorResponse,
  componentNames,
  componentsUsed,
  correlationId,
  corsOrigin,
  enumTypeMatch,
  enumUnique,
  errorProblemJson,
  exampleValid,
  exampleValueOrExternal,
  idempotencyKey,
  identifierFormat,
  infoContact,
  infoDescription,
  infoLicense,
  integerBounds,
  jwtBestPractices,
  markdownSafe,
  massAssignment,
  noHttpBasicAuth,
  noRequestBodyOnGet,
  noSecretsInQuery,
  oauthRefreshUrl,
  operationDescription,
  operationId,
  operationIdUnique,
  operationIdUrlSafe,
  operationSecurity,
  operationSummary,
  operationTags,
  pagination,
  paginationLimitBounded,
  parameterDescription,
  parametersUnique,
  pathKebabCase,
  pathNoTrailingSlash,
  pathNoVerbs,
  pathParamsDefined,
  pathPluralNouns,
  pathTemplateValid,
  pathsDistinct,
  rateLimitHeaders,
  rateLimitResponse,
  refResolvable,
  refSiblings,
  requiredPropertiesDefined,
  retryAfterHeader,
  schemaTypeConsistent,
  securitySchemesDefined,
  securityScopesDefined,
  serverErrorResponse,
  serverInventory,
  serverNotExample,
  serverUrlValid,
  serverVariables,
  serversDefined,
  serversHttps,
  sortParamConstrained,
  stringMaxLength,
  stringRestricted,
  structure,
  successResponse,
  successResponseSchema,
  tagsAlphabetical,
  tagsDefined,
  tagsUnique,
  unavailableResponse,
  urlParameterSsrf,
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
