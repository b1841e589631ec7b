import type { Finding } from '../../model/finding.js';
import { HOUSEKEEPING, plural, quoteIdent, type SettingFact, type StatementFact, type StatementsFact } from '../_facts.js';
import { shortenQuery } from '../_sql-parse.js';
import { formatCount, formatMs, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';
import { byCodeUnit } from '../../util/compare.js';

const ID = 'top-queries';

/** Is pg_stat_statements in shared_preload_libraries (null when the setting is unreadable)? */
export function preloaded(preload: SettingFact | undefined): boolean | null {
  const libs = preload?.value ?? null;
  if (libs === null) return null;
  return /(^|,)\s*"?pg_stat_statements"?\s*(,|$)/.test(libs);
}

/**
 * The steps that get pg_stat_statements collecting from where the server is now, and only those:
 * CREATE EXTENSION does nothing until the library is preloaded, and preloading needs a restart.
 */
export function enableSteps(status: StatementsFact['status'], database: string, preload: SettingFact | undefined): { description: string; code: string } {
  const libs = preload?.value ?? null;
  const needsPreload = status === 'not-loaded' || preloaded(preload) === false;
  const newLibs = libs ? `${libs}, pg_stat_statements` : 'pg_stat_statements';
  const lines = [
    ...(needsPreload ? [`ALTER SYSTEM SET shared_preload_libraries = '${newLibs.replace(/'/g, "''")}';  -- then restart PostgreSQL`] : []),
    ...(status === 'not-installed' ? [`CREATE EXTENSION IF NOT EXISTS pg_stat_statements;  -- in database ${quoteIdent(database)}`] : []),
  ];
  const description =
    status === 'not-loaded'
      ? 'The extension exists but the server did not load its library: add pg_stat_statements to shared_preload_libraries (managed services: the parameter group) and restart'
      : needsPreload
        ? 'Load the library at server start (managed services: add pg_stat_statements to the shared_preload_libraries parameter), restart, then create the extension'
        : 'Create the extension in this database (the library is already preloaded)';
  return { description, code: lines.join('\n') };
}

/** The finding that says how to enable pg_stat_statements; the check itself reports could-not-check. */
export function enableFinding(status: StatementsFact['status'], database: string, preload: SettingFact | undefined): Finding {
  const steps = enableSteps(status, database, preload);
  const message =
    status === 'not-loaded'
      ? `pg_stat_statements is created in ${database} but the server did not preload it, so there are no query statistics to rank`
      : `pg_stat_statements is not installed in ${database}, so archie cannot rank queries or tell which columns to index`;
  return objectFinding(ID, 'info', 'extension', 'pg_stat_statements', database, message, {
    evidence: { status, sharedPreloadLibraries: preload?.value ?? null },
    fix: { description: steps.description, code: steps.code, language: 'sql' },
    impact: impact('info', 0.5),
  });
}

/** Statement text PostgreSQL hides from users without pg_read_all_stats. */
export const HIDDEN_TEXT = '<insufficient privilege>';

export interface TopQueryInput {
  rows: StatementFact[];
  totalMs: number;
  database: string;
}

/** One finding per query that ranks in any top list (total time, mean time, calls). */
export function evaluateTopQueries(input: TopQueryInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const top = t.topQueries;
  const candidates = input.rows.filter((r) => !HOUSEKEEPING.test(r.query) && r.query !== HIDDEN_TEXT);
  const rank = (key: 'totalMs' | 'meanMs' | 'calls'): Map<string, number> =>
    new Map(
      [...candidates]
        .sort((a, b) => b[key] - a[key] || byCodeUnit(a.queryid, b.queryid))
        .slice(0, top)
        .map((r, i) => [r.queryid, i + 1]),
    );
  const byTotal = rank('totalMs');
  const byMean = rank('meanMs');
  const byCalls = rank('calls');
  for (const r of candidates) {
    const rt = byTotal.get(r.queryid);
    const rm = byMean.get(r.queryid);
    const rc = byCalls.get(r.queryid);
    if (!rt && !rm && !rc) continue;
    const share = input.totalMs > 0 ? r.totalMs / input.totalMs : 0;
    const blocks = r.sharedHit + r.sharedRead;
    const hit = blocks > 0 ? r.sharedHit / blocks : null;
    const slow = r.meanMs >= t.slowQueryMeanMs && r.calls >= t.slowQueryMinCalls && share >= t.slowQueryMinShare;
    const severity = slow ? 'warning' : 'info';
    const ranks = [rt && `#${rt} by total time`, rm && `#${rm} by mean time`, rc && `#${rc} by calls`].filter(Boolean).join(', ');
    const text = shortenQuery(r.query, 300);
    const cacheNote = hit !== null && hit < 0.9 && r.sharedRead >= 1000 ? `; only ${formatPercent(hit)} of its blocks came from cache` : '';
    const message = slow
      ? `slow and frequent: ${formatCount(r.calls)} calls × ${formatMs(r.meanMs)} = ${formatPercent(share)} of this database's query time${cacheNote}: ${text}`
      : `${ranks}: ${formatPercent(share)} of query time, ${formatCount(r.calls)} calls, ${formatMs(r.meanMs)} mean${cacheNote}: ${text}`;
    out.push(
      objectFinding(ID, severity, 'query', `queryid ${r.queryid}`, input.database, message, {
        evidence: {
          queryid: r.queryid,
          calls: r.calls,
          totalMs: round(r.totalMs),
          meanMs: round(r.meanMs, 3),
          shareOfTotal: round(share, 4),
          rowsPerCall: round(r.calls > 0 ? r.rows / r.calls : 0),
          cacheHitRatio: hit === null ? null : round(hit, 4),
          tempBlocksWritten: r.tempWritten,
          rankByTotalTime: rt ?? null,
          rankByMeanTime: rm ?? null,
          rankByCalls: rc ?? null,
          query: text,
        },
        ...(slow && {
          fix: {
            description:
              'Read its plan: archie explains the normalized text as a generic plan (add --analyze with literal values to measure it); look at missing-index findings for the tables it reads',
            code: `archie diagnose "$DATABASE_URL" --explain '${r.query.replace(/\s+/g, ' ').trim().replace(/'/g, `'\\''`)}'`,
            language: 'text' as const,
          },
        }),
        impact: impact(severity, share),
      }),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'The queries that take the most total time, the slowest on average and the most frequent (pg_stat_statements)',
  docs: 'docs/diagnose/top-queries.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const st = await ctx.facts.statements(ctx.thresholds.topQueries);
    if (st.status !== 'ok') {
      const settings = await ctx.facts.settings();
      const steps = enableSteps(st.status, ctx.server.database, settings.get('shared_preload_libraries'));
      ctx.couldNotCheck(
        st.status === 'not-installed' ? 'pg_stat_statements is not installed in this database: no query statistics' : 'pg_stat_statements is installed but not preloaded: no query statistics',
        steps.code.replace(/\s+--[^\n]*/g, '').replace(/\n/g, ' '),
      );
      return [enableFinding(st.status, ctx.server.database, settings.get('shared_preload_libraries'))];
    }
    ctx.examined(plural(st.distinct, 'statement'));
    if (st.hidden > 0) {
      ctx.couldNotCheck(
        `${plural(st.hidden, 'statement')} of other users show as ${HIDDEN_TEXT} (no queryid, no text): they could not be ranked`,
        `GRANT pg_read_all_stats TO ${quoteIdent(ctx.server.user)};`,
      );
    }
    return evaluateTopQueries({ rows: st.rows, totalMs: st.totalMs, database: ctx.server.database }, ctx.thresholds);
  },
};
