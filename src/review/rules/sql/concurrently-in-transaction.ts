import type { Node } from 'libpg-query';
import { nodeAs } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'concurrently-in-transaction',
  severity: 'error',
  summary: 'CREATE/DROP/REINDEX … CONCURRENTLY and DETACH PARTITION … CONCURRENTLY cannot run inside a transaction block.',
});

function concurrentWhat(node: Node): string | undefined {
  const index = nodeAs(node, 'IndexStmt');
  if (index?.concurrent) return 'CREATE INDEX CONCURRENTLY';
  const drop = nodeAs(node, 'DropStmt');
  if (drop?.concurrent) return 'DROP INDEX CONCURRENTLY';
  const reindex = nodeAs(node, 'ReindexStmt');
  if (reindex && (reindex.params ?? []).some((p) => nodeAs(p, 'DefElem')?.defname === 'concurrently')) return 'REINDEX CONCURRENTLY';
  const alter = nodeAs(node, 'AlterTableStmt');
  for (const c of alter?.cmds ?? []) {
    const cmd = nodeAs(c, 'AlterTableCmd');
    if (cmd?.subtype === 'AT_DetachPartition' && nodeAs(cmd.def, 'PartitionCmd')?.concurrent) return 'DETACH PARTITION CONCURRENTLY';
  }
  return undefined;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      if (stmt.block === null) continue;
      const what = concurrentWhat(stmt.node);
      if (!what) continue;
      const begin = file.statements.find((s) => s.block === stmt.block);
      const line = begin ? file.source.position(begin.start).line : undefined;
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `${what} inside the transaction block opened${line !== undefined ? ` on line ${line}` : ''}: PostgreSQL refuses it ("cannot run inside a transaction block"), so this migration fails when it runs.`,
          {
            evidence: { statement: what, beginLine: line ?? null },
            ...(begin ? { related: [{ at: review.pos(file, begin.start), message: 'transaction block opened here' }] } : {}),
            fix: sqlFix(
              'move the statement out of BEGIN … COMMIT, into its own migration that the tool runs without a transaction (Flyway: alone in its file; Rails: disable_ddl_transaction!; golang-migrate and dbmate: one statement per file / transaction:false)',
            ),
          },
        ),
      );
    }
    return out;
  },
};
