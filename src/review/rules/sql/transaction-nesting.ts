import { nodeAs } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'transaction-nesting',
  severity: 'warning',
  summary: 'No BEGIN inside a transaction, and no COMMIT/ROLLBACK of a transaction the file did not open.',
  references: ['Squawk: transaction-nesting'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const file of review.files) {
      let state: 'wrapper' | 'block' | 'none' = file.wrapped ? 'wrapper' : 'none';
      for (const stmt of file.statements) {
        const tx = nodeAs(stmt.node, 'TransactionStmt');
        if (!tx) continue;
        const begins = tx.kind === 'TRANS_STMT_BEGIN' || tx.kind === 'TRANS_STMT_START';
        const ends = tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK';
        let problem: string | undefined;
        if (begins && state !== 'none') {
          problem =
            state === 'block'
              ? 'BEGIN inside a transaction that is already open: PostgreSQL only warns and ignores it, so the first COMMIT ends both, and the statements after it run outside any transaction'
              : 'BEGIN in a file the migration tool already runs inside its own transaction: PostgreSQL ignores it, and this file\'s COMMIT then ends the tool\'s transaction early';
        } else if (ends && state === 'wrapper') {
          problem = `${tx.kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'ROLLBACK'} of the transaction the migration tool wraps this file in: what follows runs without a transaction, and the tool's own COMMIT finds none ("there is no transaction in progress")`;
        } else if (ends && state === 'none') {
          problem = `${tx.kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'ROLLBACK'} with no transaction open: a leftover from an edit, and a sign that the statements before it were not in the transaction the author meant`;
        }
        if (begins && state === 'none') state = 'block';
        else if (ends) state = tx.chain ? 'block' : 'none';
        if (!problem) continue;
        out.push(
          report(review, meta, review.pos(file, stmt.start), `${problem}.`, {
            evidence: { wrappedByTool: file.wrapped },
            fix: sqlFix(
              file.wrapped
                ? 'let the migration tool own the transaction: remove BEGIN/COMMIT from the file, or run the file without the tool\'s transaction (sql.assumeInTransaction: false, dbmate transaction:false)'
                : 'open one transaction per BEGIN … COMMIT pair and remove the stray statement',
            ),
          }),
        );
      }
    }
    return out;
  },
};
