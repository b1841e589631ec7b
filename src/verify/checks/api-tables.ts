import type { Check } from '../_check.js';
import { failed, outcome, plural, skipped, type Evidence } from '../report.js';
import { SCHEMA_SQL, schemaDeclarations, sqlStoreIds } from '../_sqlfile.js';

/** Every resource the API exposes has its table in schema.sql, with a column for every field. */
export const check: Check = {
  id: 'api-tables',
  title: 'every API resource has its table in schema.sql',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const declared = await schemaDeclarations(ctx);
    if (!declared.ok) return failed(`${SCHEMA_SQL} cannot be read`, declared.evidence);
    const sql = sqlStoreIds(d.dataStores);
    const served = new Set(d.api.endpoints.map((e) => e.entity));
    const evidence: Evidence[] = [];
    let checked = 0;
    for (const e of d.entities) {
      if (!served.has(e.name) && !e.exposed) continue;
      if (!sql.has(e.store)) {
        evidence.push({ subject: e.name, ok: true, message: `${e.name} (/${e.resource}) lives in ${e.store}, not in a SQL table` });
        continue;
      }
      checked++;
      const t = declared.schema.tables.get(e.table);
      if (!t || t.partition) {
        evidence.push({ subject: e.name, ok: false, file: SCHEMA_SQL, message: `resource /${e.resource} (${e.name}) has no table ${e.table} in ${SCHEMA_SQL}` });
        continue;
      }
      const missing = e.fields.filter((f) => !t.columns.has(f.name)).map((f) => f.name);
      if (missing.length) {
        evidence.push({ subject: e.name, ok: false, file: SCHEMA_SQL, line: t.line, column: 1, message: `table ${e.table} lacks ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} of ${e.name}` });
      } else {
        evidence.push({ subject: e.name, ok: true, file: SCHEMA_SQL, line: t.line, column: 1, message: `/${e.resource} → table ${e.table} with all ${plural(e.fields.length, 'field')}` });
      }
    }
    if (checked === 0 && evidence.length === 0) return skipped('the design exposes no resources');
    return outcome(evidence, { passed: `all ${plural(checked, 'API resource')} have their tables`, failed: (n) => `${plural(n, 'API resource')} without a matching table` }, 'add the table or column to schema.sql (and a migration), or regenerate the design');
  },
};
