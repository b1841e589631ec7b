import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'index-too-many-columns',
  severity: 'info',
  summary: 'A non-unique index on more than three columns rarely pays for its size (opt-in).',
  references: ['strong_migrations: add_index_columns'],
  optIn: true,
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const index = nodeAs(stmt.node, 'IndexStmt');
      if (!index || index.unique || index.primary) continue;
      const n = index.indexParams?.length ?? 0;
      if (n <= 3) continue;
      const label = displayRel(relName(index.relation));
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `index ${index.idxname ?? '(unnamed)'} on ${label} has ${n} key columns: a query rarely filters on all of them with equality, so the later columns add size and write cost without narrowing scans. An index with 3 or fewer leading columns usually serves the same queries.`,
          {
            evidence: { table: label, columns: n },
            fix: sqlFix('keep the columns that queries filter on with equality first and at most one range or sort column; move payload columns to INCLUDE (…) if an index-only scan is the point'),
          },
        ),
      );
    }
    return out;
  },
};
