import type { Finding } from '../../model/finding.js';
import type { ActivityFact } from '../_facts.js';
import { plural, quoteIdent } from '../_facts.js';
import { loadParser, redactQuery } from '../_sql-parse.js';
import { formatDuration, impact, logScale, objectFinding, reportHiddenSessions, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'idle-in-transaction';

export function evaluateIdleInTransaction(sessions: ActivityFact[], database: string, timeoutMs: number | null, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const a of sessions) {
    if (!a.state?.startsWith('idle in transaction') || a.stateAgeS === null) continue;
    if (a.stateAgeS < t.idleInTransactionWarnSeconds) continue;
    const severity = a.stateAgeS >= t.idleInTransactionErrorSeconds ? 'error' : 'warning';
    const aborted = a.state.includes('aborted');
    const last = a.query ? redactQuery(a.query) : null;
    out.push(
      objectFinding(
        ID,
        severity,
        'session',
        `pid ${a.pid}`,
        database,
        `pid ${a.pid} (user ${a.user ?? '?'}, application "${a.application}") has sat idle inside a${aborted ? 'n aborted' : ''} transaction for ${formatDuration(a.stateAgeS)}, holding ${a.locksHeld} lock${a.locksHeld === 1 ? '' : 's'}${a.xminAge !== null ? ' and a snapshot that stops VACUUM from cleaning up' : ''}`,
        {
          evidence: {
            pid: a.pid,
            idleSeconds: round(a.stateAgeS, 1),
            transactionSeconds: a.xactAgeS === null ? null : round(a.xactAgeS, 1),
            locksHeld: a.locksHeld,
            xminAge: a.xminAge,
            lastQuery: last,
            idleInTransactionSessionTimeoutMs: timeoutMs,
          },
          fix: {
            description:
              'End the session, then find the code path that opens a transaction and waits (a request that does I/O mid-transaction, a missing commit on an error path). A server-side timeout ends such sessions automatically',
            code: `SELECT pg_terminate_backend(${a.pid});${timeoutMs ? '' : `\nALTER DATABASE ${quoteIdent(database)} SET idle_in_transaction_session_timeout = '60s';`}`,
            language: 'sql',
          },
          impact: impact(severity, Math.max(logScale(a.stateAgeS, 30, 86_400), logScale(a.locksHeld, 1, 1000))),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Sessions left idle inside an open transaction (they hold locks and stop VACUUM)',
  docs: 'docs/diagnose/idle-in-transaction.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [all, settings] = await Promise.all([ctx.facts.activity(), ctx.facts.settings()]);
    const sessions = all.filter((a) => a.database === ctx.server.database);
    ctx.examined(plural(sessions.filter((a) => a.backendType === 'client backend').length, 'session'));
    reportHiddenSessions(ctx, sessions);
    const timeout = Number(settings.get('idle_in_transaction_session_timeout')?.value ?? 0);
    const limit = timeout > 0 ? timeout : null;
    // The parser (for redacting query text) loads only when there is something to report.
    if (evaluateIdleInTransaction(sessions.map((a) => ({ ...a, query: null })), ctx.server.database, limit, ctx.thresholds).length === 0) return [];
    await loadParser();
    return evaluateIdleInTransaction(sessions, ctx.server.database, limit, ctx.thresholds);
  },
};
