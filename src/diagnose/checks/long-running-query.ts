import type { Finding } from '../../model/finding.js';
import { plural, quoteIdent, type ActivityFact } from '../_facts.js';
import { loadParser, redactQuery } from '../_sql-parse.js';
import { formatDuration, impact, logScale, objectFinding, reportHiddenSessions, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'long-running-query';

export function evaluateLongRunning(sessions: ActivityFact[], database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const a of sessions) {
    if (a.backendType !== 'client backend' || a.state !== 'active' || a.queryAgeS === null) continue;
    // A session waiting for a lock is reported once, by blocking-locks, under the session it waits for.
    if (a.blockedBy.length > 0) continue;
    if (a.queryAgeS < t.longQueryWarnSeconds) continue;
    const severity = a.queryAgeS >= t.longQueryErrorSeconds ? 'error' : 'warning';
    const waiting = a.waitEventType ? `, waiting on ${a.waitEventType}${a.waitEvent ? `/${a.waitEvent}` : ''}` : '';
    const query = a.query ? redactQuery(a.query) : null;
    out.push(
      objectFinding(
        ID,
        severity,
        'session',
        `pid ${a.pid}`,
        database,
        `pid ${a.pid} (user ${a.user ?? '?'}, application "${a.application}") has been running one query for ${formatDuration(a.queryAgeS)}${waiting}${query ? `: ${query}` : ''}`,
        {
          evidence: {
            pid: a.pid,
            runningSeconds: round(a.queryAgeS, 1),
            transactionSeconds: a.xactAgeS === null ? null : round(a.xactAgeS, 1),
            waitEvent: a.waitEventType ? `${a.waitEventType}${a.waitEvent ? `/${a.waitEvent}` : ''}` : null,
            xminAge: a.xminAge,
            query,
          },
          fix: {
            description:
              'Cancel it if it is not meant to run this long (it also holds back VACUUM for the whole database while its snapshot is open); cap statements with statement_timeout for the application role',
            // A timeout on a superuser role would also cut its maintenance (VACUUM, migrations, backups).
            code: `SELECT pg_cancel_backend(${a.pid});${
              a.user && !a.superuser
                ? `\n-- cap future ones for this role (pick a limit that fits its longest legitimate query):\nALTER ROLE ${quoteIdent(a.user)} SET statement_timeout = '30s';`
                : a.user
                  ? `\n-- ${a.user} is a superuser: cap the job's own session instead (SET statement_timeout = '30s'), and run applications as a role of their own`
                  : ''
            }`,
            language: 'sql',
          },
          impact: impact(severity, logScale(a.queryAgeS, 60, 86_400)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'Queries that have been running longer than a minute',
  docs: 'docs/diagnose/long-running-query.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const sessions = (await ctx.facts.activity()).filter((a) => a.database === ctx.server.database);
    ctx.examined(plural(sessions.filter((a) => a.backendType === 'client backend').length, 'session'));
    reportHiddenSessions(ctx, sessions);
    // The parser (for redacting query text) loads only when there is something to report.
    const found = evaluateLongRunning(sessions.map((a) => ({ ...a, query: null })), ctx.server.database, ctx.thresholds);
    if (found.length === 0) return [];
    await loadParser();
    return evaluateLongRunning(sessions, ctx.server.database, ctx.thresholds);
  },
};
