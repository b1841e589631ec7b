import type { Check } from '../_check.js';
import { check as designJson } from './design-json.js';
import { check as schemaPglite } from './schema-pglite.js';
import { check as schemaPostgres } from './schema-postgres.js';
import { check as migrations } from './migrations.js';
import { check as indexUsage } from './index-usage.js';

/** Every check, in the order they run and are reported. */
export const CHECKS: readonly Check[] = [designJson, schemaPglite, schemaPostgres, migrations, indexUsage];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);
