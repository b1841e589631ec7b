import type { Finding } from '../../model/finding.js';
import { quoteIdent, type ActivityFact } from '../_facts.js';
import { loadParser, redactQuery } from '../_sql-parse.js';
import { formatDuration, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'long-running-query';

export function evaluateLongRunning(sessions: ActivityFact[], database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const a of sessions) {
    if (a.backendType !== 'client backend' || a.state !== 'active' || a.queryAgeS === null) continue;
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
            code: `SELECT pg_cancel_backend(${a.pid});${a.user ? `\n-- cap future ones for this role (pick a limit that fits its longest legitimate query):\nALTER ROLE ${quoteIdent(a.user)} SET statement_timeout = '30s';` : ''}`,
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
    if (!ctx.server.readAllStats && sessions.some((a) => a.query === '<insufficient privilege>')) {
      ctx.note("Other users' query texts are hidden: grant pg_read_all_stats (or pg_monitor) to see them.");
    }
    // The parser (for redacting query text) loads only when there is something to report.
    const found = evaluateLongRunning(sessions.map((a) => ({ ...a, query: null })), ctx.server.database, ctx.thresholds);
    if (found.length === 0) return [];
    await loadParser();
    return evaluateLongRunning(sessions, ctx.server.database, ctx.thresholds);
  },
};
