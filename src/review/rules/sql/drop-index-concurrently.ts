import { displayRel, nodeAs, relNameOfList } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, tableLabel, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'drop-index-concurrently',
  severity: 'warning',
  summary: 'Drop indexes of existing tables with DROP INDEX CONCURRENTLY.',
  references: ['PostgreSQL manual: DROP INDEX, CONCURRENTLY'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const drop = nodeAs(stmt.node, 'DropStmt');
      if (!drop || drop.removeType !== 'OBJECT_INDEX' || drop.concurrent) continue;
      for (const obj of drop.objects ?? []) {
        const rel = relNameOfList(nodeAs(obj, 'List')?.items);
        const index = review.catalog.indexNamed(rel, stmt.seq);
        // An index this file created is not in use yet.
        if (index && review.statementAt(index.addedAt)?.file === file) continue;
        if (index && !review.isExisting(file, stmt, index.table)) continue;
        const label = displayRel(rel);
        const table = index ? tableLabel(index.table, stmt.seq) : null;
        const on = table ? `table ${table}` : 'its table';
        out.push(
          report(
            review,
            meta,
            review.pos(file, stmt.start),
            `DROP INDEX ${label} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on ${on}: it waits behind every running query on it, and all new queries queue behind the DROP.`,
            {
              evidence: { index: label, table },
              fix: sqlFix('drop it CONCURRENTLY, outside a transaction block (one index per statement)', `DROP INDEX CONCURRENTLY ${drop.missing_ok ? 'IF EXISTS ' : ''}${label};`),
            },
          ),
        );
      }
    }
    return out;
  },
};
