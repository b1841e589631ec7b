import type { Finding, Severity } from '../../model/finding.js';
import { report, sqlFix, sqlMeta, type SqlRule } from './kit.js';
import { strongLocks } from './locks.js';
import { durationMs, settingTimeline, timeoutTimeline } from './settings.js';

/** How a statement kind reads in a message. */
export const STATEMENT_WORDS: Record<string, string> = {
  AlterTableStmt: 'ALTER TABLE',
  IndexStmt: 'CREATE INDEX',
  CreateStmt: 'CREATE TABLE',
  DropStmt: 'DROP',
  RenameStmt: 'ALTER TABLE … RENAME',
  TruncateStmt: 'TRUNCATE',
  CreateTrigStmt: 'CREATE TRIGGER',
  LockStmt: 'LOCK TABLE',
  ClusterStmt: 'CLUSTER',
  VacuumStmt: 'VACUUM FULL',
  ReindexStmt: 'REINDEX',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
};

/**
 * A rule that wants a timeout setting in effect before the first statement of a file that takes a
 * strong lock on an existing table. One finding per file, at that first statement.
 */
export function lockTimeoutRule(o: {
  name: string;
  setting: 'lock_timeout' | 'statement_timeout';
  severity: Severity;
  summary: string;
  suggested: string;
  why: (table: string) => string;
  /** A value above this many milliseconds protects nothing (a queue that waits an hour is an outage). */
  maxMs?: number;
}): SqlRule {
  const meta = sqlMeta({ name: o.name, severity: o.severity, summary: o.summary, references: ['PostgreSQL manual: Client Connection Defaults'] });
  return {
    meta,
    check(review) {
      const out: Finding[] = [];
      for (const file of review.files) {
        let timeline: boolean[] | undefined;
        let values: (string | null)[] | undefined;
        let first: { offset: number; what: string; mode: string; table: string; tooLong: string | null } | undefined;
        let count = 0;
        for (const stmt of file.statements) {
          const locks = strongLocks(review, file, stmt);
          const lock = locks[0];
          if (!lock) continue;
          timeline ??= timeoutTimeline(file, o.setting);
          values ??= settingTimeline(file, o.setting);
          const value = values[stmt.index] ?? null;
          const ms = value === null ? null : durationMs(value);
          const tooLong = o.maxMs !== undefined && ms !== null && ms > o.maxMs ? value : null;
          if (timeline[stmt.index] && tooLong === null) continue;
          count++;
          first ??= { offset: stmt.start, what: STATEMENT_WORDS[stmt.kind] ?? 'statement', mode: lock.mode, table: lock.name, tooLong };
        }
        if (!first) continue;
        const others = count > 1 ? ` (${count} statements in this file take such locks)` : '';
        const state = first.tooLong !== null ? `${o.setting} set to '${first.tooLong.trim()}', longer than ${(o.maxMs ?? 0) / 1000} s,` : `no ${o.setting} set`;
        out.push(
          report(
            review,
            meta,
            { file: file.index, offset: first.offset },
            `${first.what} takes ${first.mode === 'ACCESS EXCLUSIVE' ? 'an' : 'a'} ${first.mode} lock on existing table ${first.table} with ${state} before it in this file${others}: ${o.why(first.table)}`,
            {
              evidence: { setting: o.setting, statements: count, lock: first.mode, table: first.table, value: first.tooLong },
              fix: sqlFix(
                `set ${o.setting} at the top of the migration (SET LOCAL inside an explicit transaction); if your migration tool or the role already sets it, turn this rule off in .archie.yaml`,
                `SET ${o.setting} = ${o.suggested};`,
              ),
            },
          ),
        );
      }
      return out;
    },
  };
}
