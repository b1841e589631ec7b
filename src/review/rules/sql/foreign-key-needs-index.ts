import { quoteIdent } from '../../sql/ast.js';
import { nameAt, simpleNameAt, type ColumnRec, type TableRec } from '../../sql/catalog.js';
import { report, sqlFix, sqlMeta, tableLabel, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'foreign-key-needs-index',
  severity: 'warning',
  summary: 'Index the referencing columns of every foreign key (as the leading columns of an index).',
});

/** True when an index (or a primary key / unique constraint) on the table starts with exactly these columns, in any order. */
function covered(table: TableRec, columns: ColumnRec[]): boolean {
  const want = new Set(columns);
  const leads = (keys: (ColumnRec | null)[]): boolean => {
    if (keys.length < want.size) return false;
    const head = keys.slice(0, want.size);
    return head.every((k) => k !== null && want.has(k));
  };
  for (const ix of table.indexes) if (ix.droppedAt === null && !ix.partial && leads(ix.columns)) return true;
  for (const c of table.constraints) {
    if ((c.kind === 'primary' || c.kind === 'unique') && c.droppedAt === null && leads(c.columns)) return true;
  }
  return false;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const table of review.catalog.tables) {
      if (table.droppedAt !== null) continue;
      for (const fk of table.constraints) {
        if (fk.kind !== 'foreign' || fk.droppedAt !== null || fk.columns.length === 0) continue;
        // On a table that predates the history, an index we cannot see may exist, unless the
        // columns themselves were added by the history.
        if (table.createdAt === null && fk.columns.some((c) => c.addedAt === null)) continue;
        if (covered(table, fk.columns)) continue;
        const label = tableLabel(table);
        const cols = fk.columns.map((c) => simpleNameAt(c, Infinity));
        const ref = fk.refTable ? tableLabel(fk.refTable) : 'its parent table';
        const indexName = quoteIdent(`${nameAt(table, Infinity).name}_${cols.join('_')}_idx`);
        const colList = cols.map(quoteIdent).join(', ');
        out.push(
          report(
            review,
            meta,
            fk.pos,
            `foreign key ${label} (${colList}) → ${ref} has no index whose leading columns are (${colList}): every DELETE or key UPDATE on ${ref} scans ${label} to check for referencing rows (under lock), and joins from ${ref} to ${label} cannot use an index.`,
            {
              evidence: { table: label, columns: colList, references: ref },
              fix: sqlFix(
                'create an index on the referencing columns (CONCURRENTLY when the table already holds data)',
                `CREATE INDEX CONCURRENTLY ${indexName} ON ${label} (${colList});`,
              ),
            },
          ),
        );
      }
    }
    return out;
  },
};
