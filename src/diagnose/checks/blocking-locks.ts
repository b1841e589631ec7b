import type { Finding } from '../../model/finding.js';
import { plural, type ActivityFact } from '../_facts.js';
import { loadParser, redactQuery } from '../_sql-parse.js';
import { formatDuration, impact, logScale, objectFinding, reportHiddenSessions, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'blocking-locks';

/** How long a blocked session has waited: its lock wait (14+), else since its query started. */
export function waitSeconds(a: ActivityFact): number {
  return a.lockWaitS ?? a.queryAgeS ?? a.stateAgeS ?? 0;
}

/** Follow "blocked by" edges to the sessions at the head of each chain (cycles end at the first repeat). */
export function rootBlockers(blocked: ActivityFact, byPid: Map<number, ActivityFact>): number[] {
  const roots = new Set<number>();
  const seen = new Set<number>([blocked.pid]);
  const stack = [...blocked.blockedBy];
  while (stack.length) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const a = byPid.get(pid);
    if (!a || a.blockedBy.length === 0) roots.add(pid);
    else stack.push(...a.blockedBy);
  }
  return [...roots].sort((a, b) => a - b);
}

export interface BlockingInput {
  /** Sessions of the target database. */
  sessions: ActivityFact[];
  /** Every session on the server, to describe blockers connected elsewhere. */
  all: ActivityFact[];
  database: string;
  /** False before PostgreSQL 14: waits are measured from the query start. */
  exactWait: boolean;
}

export function evaluateBlocking(input: BlockingInput, t: Thresholds): Finding[] {
  const byPid = new Map(input.all.map((a) => [a.pid, a]));
  const groups = new Map<number, ActivityFact[]>();
  for (const a of input.sessions) {
    if (a.blockedBy.length === 0) continue;
    for (const root of rootBlockers(a, byPid)) groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const out: Finding[] = [];
  for (const [root, victims] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const blocker = byPid.get(root);
    const longest = [...victims].sort((a, b) => waitSeconds(b) - waitSeconds(a))[0] as ActivityFact;
    const maxWait = waitSeconds(longest);
    const severity = maxWait >= t.blockedErrorSeconds ? 'error' : maxWait >= t.blockedWarnSeconds ? 'warning' : 'info';
    const state = blocker?.state ?? 'unknown';
    const idleTx = state.startsWith('idle in transaction');
    const holding = blocker
      ? `${state}${blocker.stateAgeS !== null ? ` for ${formatDuration(blocker.stateAgeS)}` : ''}, transaction open ${formatDuration(blocker.xactAgeS ?? 0)}`
      : 'not visible to this user';
    const who = blocker ? `user ${blocker.user ?? '?'}, application "${blocker.application}"` : '';
    out.push(
      objectFinding(
        ID,
        severity,
        'session',
        `pid ${root}`,
        input.database,
        `pid ${root} (${[who, holding].filter(Boolean).join('; ')}) blocks ${victims.length} session${victims.length === 1 ? '' : 's'}; the longest has waited ${formatDuration(maxWait)}${input.exactWait ? '' : ' (measured from its query start)'}`,
        {
          evidence: {
            blockerPid: root,
            blockerState: state,
            blockerDatabase: blocker?.database ?? null,
            blockerTransactionSeconds: blocker?.xactAgeS === null || blocker?.xactAgeS === undefined ? null : round(blocker.xactAgeS, 1),
            blockerQuery: blocker?.query ? redactQuery(blocker.query) : null,
            blockedSessions: victims.length,
            blockedPids: victims.map((v) => v.pid).sort((a, b) => a - b).join(', '),
            maxWaitSeconds: round(maxWait, 1),
            longestWaiterQuery: longest.query ? redactQuery(longest.query) : null,
            waitMeasuredFrom: input.exactWait ? 'pg_locks.waitstart' : 'query start',
          },
          fix: {
            description: idleTx
              ? 'The blocker sits idle inside a transaction: end it, then fix the application path that leaves transactions open (and set idle_in_transaction_session_timeout)'
              : 'Cancel the blocking statement if it is safe to (terminate if cancelling is not enough); give migrations a lock_timeout so they fail fast instead of queueing everyone behind them',
            code: idleTx ? `SELECT pg_terminate_backend(${root});` : `SELECT pg_cancel_backend(${root});\n-- if it does not stop: SELECT pg_terminate_backend(${root});\n-- in migrations: SET lock_timeout = '5s';`,
            language: 'sql',
          },
          // Sessions stuck behind a lock past the error threshold are an outage now: they lead the
          // report, ahead of limits that are still hours or days away (sequences, wraparound).
          impact: impact(severity, severity === 'error' ? 0.96 + 0.04 * Math.max(logScale(maxWait, 60, 3600), logScale(victims.length, 1, 100)) : Math.max(logScale(maxWait, 1, 3600), logScale(victims.length, 1, 100))),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Sessions waiting on locks, grouped by the session at the head of the queue, with wait times',
  docs: 'docs/diagnose/blocking-locks.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const all = await ctx.facts.activity();
    const sessions = all.filter((a) => a.database === ctx.server.database);
    ctx.examined(plural(sessions.filter((a) => a.backendType === 'client backend').length, 'session'));
    reportHiddenSessions(ctx, sessions);
    if (!sessions.some((a) => a.blockedBy.length > 0)) return [];
    await loadParser();
    return evaluateBlocking({ sessions, all, database: ctx.server.database, exactWait: ctx.server.versionNum >= 140000 }, ctx.thresholds);
  },
};
