import type { Check } from '../_check.js';
import { check as designJson } from './design-json.js';
import { check as designReview } from './design-review.js';
import { check as schemaPglite } from './schema-pglite.js';
import { check as schemaPostgres } from './schema-postgres.js';
import { check as migrations } from './migrations.js';
import { check as indexUsage } from './index-usage.js';
import { check as openapi } from './openapi.js';
import { check as asyncapi } from './asyncapi.js';
import { check as compose } from './compose.js';
import { check as kubernetes } from './kubernetes.js';
import { check as apiTables } from './api-tables.js';
import { check as patternIndexes } from './pattern-indexes.js';
import { check as deployAgreement } from './deploy-agreement.js';
import { check as adrs } from './adrs.js';
import { check as diagrams } from './diagrams.js';
import { check as reportHtml } from './report-html.js';

/** Every check, in the order they run and are reported. */
export const CHECKS: readonly Check[] = [
  designJson,
  designReview,
  schemaPglite,
  schemaPostgres,
  migrations,
  indexUsage,
  openapi,
  asyncapi,
  compose,
  kubernetes,
  apiTables,
  patternIndexes,
  deployAgreement,
  adrs,
  diagrams,
  reportHtml,
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);
