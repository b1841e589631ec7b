import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'detach-partition-concurrently',
  severity: 'warning',
  summary: 'Detach partitions of existing tables with DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+).',
  references: ['Squawk: require-concurrent-partition-detach', 'PostgreSQL manual: ALTER TABLE, DETACH PARTITION'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_DetachPartition') continue;
      const part = nodeAs(cmd.def, 'PartitionCmd');
      if (!part || part.concurrent) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const partition = displayRel(relName(part.name));
      const old = review.options.pgVersion < 14;
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          `DETACH PARTITION ${partition} takes an ACCESS EXCLUSIVE lock on the partitioned table ${label}: every query on ${label}, on all its partitions, waits until the detach commits${old ? ` (CONCURRENTLY needs PostgreSQL 14; sql.pgVersion is ${review.options.pgVersion})` : ''}.`,
          {
            evidence: { table: label, partition, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              'detach CONCURRENTLY (only SHARE UPDATE EXCLUSIVE on the parent), outside a transaction block; if it is interrupted, finish it with DETACH PARTITION … FINALIZE',
              `ALTER TABLE ${label} DETACH PARTITION ${partition} CONCURRENTLY;`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
