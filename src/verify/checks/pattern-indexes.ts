import type { Entity, Index } from '../../model/design.js';
import type { Check } from '../_check.js';
import { failed, outcome, plural, skipped, type Evidence } from '../report.js';
import { indexKeyOf } from '../_schema-ast.js';
import { SCHEMA_SQL, schemaDeclarations, sqlStoreIds } from '../_sqlfile.js';

function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** The design's index as DDL (what schema.sql should say). */
export function indexDdl(e: Entity, ix: Index): string {
  const keys = ix.expression ?? ix.columns.map((c) => `${ident(c.field)}${c.direction === 'desc' ? ' DESC' : ''}`).join(', ');
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${ident(ix.name)} ON ${ident(e.table)} USING ${ix.method} (${keys})${ix.where ? ` WHERE ${ix.where}` : ''}`;
}

/**
 * Every access pattern that filters or sorts has its index in schema.sql: the index the design
 * names, on the right table, with the same method, key columns in the same order and direction,
 * and the same partial predicate (compared as PostgreSQL parse trees, so spelling does not matter).
 */
export const check: Check = {
  id: 'pattern-indexes',
  title: 'every filtered or sorted access pattern has its index in schema.sql',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const declared = await schemaDeclarations(ctx);
    if (!declared.ok) return failed(`${SCHEMA_SQL} cannot be read`, declared.evidence);
    const sql = sqlStoreIds(d.dataStores);
    const evidence: Evidence[] = [];
    let count = 0;
    for (const e of d.entities) {
      if (!sql.has(e.store)) continue;
      const onTable = declared.schema.indexes.filter((i) => i.table === e.table);
      for (const ap of e.accessPatterns) {
        if (ap.filters.length === 0 && ap.sort.length === 0) continue;
        count++;
        const subject = `${e.table}.${ap.id}`;
        const want = e.indexes.find((i) => i.name === ap.index);
        if (!want) {
          evidence.push({ subject, ok: false, file: 'design.json', message: `${subject}: the design names index ${ap.index || '(none)'}, which is not among ${e.name}'s indexes` });
          continue;
        }
        const ddl = indexDdl(e, want);
        const key = indexKeyOf(ddl);
        const byName = declared.schema.indexes.find((i) => i.name === want.name);
        if (byName && byName.table === e.table && byName.key === key) {
          evidence.push({ subject, ok: true, file: SCHEMA_SQL, line: byName.line, column: 1, message: `${subject}: ${want.name} (${want.method}, ${want.expression ?? want.columns.map((c) => `${c.field}${c.direction === 'desc' ? ' desc' : ''}`).join(', ')}${want.where ? `, where ${want.where}` : ''})` });
          continue;
        }
        const same = onTable.find((i) => i.key === key);
        if (same) {
          evidence.push({ subject, ok: true, file: SCHEMA_SQL, line: same.line, column: 1, message: `${subject}: served by ${same.name}, the same index the design calls ${want.name}` });
          continue;
        }
        evidence.push({
          subject,
          ok: false,
          file: SCHEMA_SQL,
          ...(byName ? { line: byName.line, column: 1 } : {}),
          message: byName
            ? `${subject}: ${want.name} in ${SCHEMA_SQL} differs from the design's ${byName.table !== e.table ? `(it is on ${byName.table}) ` : ''}— expected: ${ddl}`
            : `${subject}: no index in ${SCHEMA_SQL} serves it — expected: ${ddl}`,
        });
      }
    }
    if (count === 0) return skipped('the design has no filtered or sorted access patterns on a SQL store');
    return outcome(evidence, { passed: `all ${plural(count, 'filtered or sorted access pattern')} have their index`, failed: (n) => `${plural(n, 'access pattern')} without the index the design declares` }, 'add the index shown to schema.sql (and CREATE INDEX CONCURRENTLY in a migration for a live database)');
  },
};
