import { displayRel, nodeAs, relNameOfList } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'drop-table',
  severity: 'warning',
  summary: 'Drop a table only after a release that no longer uses it.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const drop = nodeAs(stmt.node, 'DropStmt');
      if (!drop || drop.removeType !== 'OBJECT_TABLE') continue;
      for (const obj of drop.objects ?? []) {
        const rel = relNameOfList(nodeAs(obj, 'List')?.items);
        const table = review.table(stmt, rel);
        if (!review.isExisting(file, stmt, table)) continue;
        const label = displayRel(rel);
        out.push(
          report(
            review,
            meta,
            review.pos(file, stmt.start),
            `DROP TABLE ${label}: code that still queries ${label} fails the moment this runs${drop.behavior === 'DROP_CASCADE' ? ', CASCADE also drops the views and foreign keys that depend on it' : ''}, and the data is gone. Ship a release that no longer uses the table first, and keep a backup (or rename it aside for a release) before dropping.`,
            {
              evidence: { table: label, cascade: drop.behavior === 'DROP_CASCADE' },
              fix: sqlFix('drop it in a migration that runs after a release which no longer touches the table; set lock_timeout, since DROP TABLE waits for an ACCESS EXCLUSIVE lock'),
            },
          ),
        );
      }
    }
    return out;
  },
};
