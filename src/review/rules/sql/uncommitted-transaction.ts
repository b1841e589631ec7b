import { nodeAs } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'uncommitted-transaction',
  severity: 'error',
  summary: 'A transaction opened with BEGIN must be committed or rolled back in the same file.',
  references: ['Squawk: ban-uncommitted-transaction'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const file of review.files) {
      // The explicit block still open at the end of the file.
      const last = file.statements[file.statements.length - 1];
      if (!last || last.block === null) continue;
      const tx = nodeAs(last.node, 'TransactionStmt');
      if (tx && (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK' || tx.kind === 'TRANS_STMT_PREPARE') && !tx.chain) continue;
      const begin = file.statements.find((s) => s.block === last.block);
      if (!begin) continue;
      out.push(
        report(
          review,
          meta,
          review.pos(file, begin.start),
          `the transaction opened here is never committed or rolled back in this file: psql rolls it back when the session ends, so the whole migration silently does nothing, and a tool that keeps the session runs the next migration inside it.`,
          {
            evidence: { beginLine: file.source.position(begin.start).line },
            fix: sqlFix('end the file with COMMIT (or drop the BEGIN and let the migration tool manage the transaction)', 'COMMIT;'),
          },
        ),
      );
    }
    return out;
  },
};
