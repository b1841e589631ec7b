import { report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';
import { isBackfill, strongLocks, type LockTake } from '../../sql/locks.js';
import type { SqlStatement } from '../../sql/model.js';

const meta = sqlMeta({
  name: 'mixed-ddl-and-backfill',
  severity: 'warning',
  summary: 'Do not backfill data in the transaction that changes the schema of an existing table.',
});

const KEYWORD: Record<string, string> = { UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', InsertStmt: 'INSERT … SELECT', MergeStmt: 'MERGE' };

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const file of review.files) {
      // Per transaction unit: the schema changes on existing tables (LOCK TABLE is not one) and the backfills.
      const ddl = new Map<number, { stmt: SqlStatement; lock: LockTake }[]>();
      const dml = new Map<number, SqlStatement[]>();
      for (const stmt of file.statements) {
        if (isBackfill(stmt.node)) {
          const list = dml.get(stmt.unit);
          if (list) list.push(stmt);
          else dml.set(stmt.unit, [stmt]);
          continue;
        }
        if (stmt.kind === 'LockStmt') continue;
        const lock = strongLocks(review, file, stmt)[0];
        if (!lock) continue;
        const list = ddl.get(stmt.unit);
        if (list) list.push({ stmt, lock });
        else ddl.set(stmt.unit, [{ stmt, lock }]);
      }
      for (const [unit, backfills] of dml) {
        const changes = ddl.get(unit);
        const first = changes?.[0];
        if (!changes || !first) continue;
        const ddlLine = file.source.position(first.stmt.start).line;
        const scope = file.explicitTransactions ? 'transaction block' : 'migration (one transaction)';
        for (const b of backfills) {
          const before = first.stmt.index < b.index;
          out.push(
            report(
              review,
              meta,
              review.pos(file, b.start),
              before
                ? `${KEYWORD[b.kind] ?? 'backfill'} in the same ${scope} as the schema change on line ${ddlLine}: its ${first.lock.mode} lock on ${first.lock.name} is held until the backfill commits, so traffic on ${first.lock.name} waits for the whole backfill, and a failure late in the backfill rolls back the schema change too.`
                : `${KEYWORD[b.kind] ?? 'backfill'} in the same ${scope} as the later schema change on line ${ddlLine}: the rows it writes stay locked until the ${first.lock.mode} lock on ${first.lock.name} is granted and the change commits, and a failure in either undoes both.`,
              {
                evidence: { ddlLine, lock: first.lock.mode, table: first.lock.name, statements: changes.length },
                related: [{ at: review.pos(file, first.stmt.start), message: 'schema change in the same transaction' }],
                fix: sqlFix(
                  'split it: the schema change in one migration (short, with lock_timeout), the backfill in another, in batches of a few thousand rows per transaction, each committed',
                ),
              },
            ),
          );
        }
      }
    }
    return out;
  },
};
