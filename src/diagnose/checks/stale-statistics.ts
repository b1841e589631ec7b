import type { Finding } from '../../model/finding.js';
import { autovacuumPolicy, disabledWhere, workersSaturated } from '../_autovacuum.js';
import { qualified, type ActivityFact, type SettingFact, type TableFact } from '../_facts.js';
import { formatCount, formatDuration, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'stale-statistics';

export interface StaleStatsInput {
  tables: TableFact[];
  settings: Map<string, SettingFact>;
  activity: ActivityFact[];
  database: string;
}

/**
 * Planner statistics that no longer describe the table: changes since the last ANALYZE well past
 * autovacuum's own trigger, with autovacuum unable to catch up (disabled, or every worker busy).
 * A table that has simply crossed the trigger is left alone: autovacuum will get to it.
 */
export function evaluateStaleStatistics(input: StaleStatsInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const table of input.tables) {
    if (table.relkind !== 'r' && table.relkind !== 'm') continue;
    // The live count is current; reltuples is as stale as the statistics this check is about.
    const rows = table.nLiveTup > 0 ? table.nLiveTup : Math.max(0, table.reltuples);
    const mods = table.nModSinceAnalyze;
    if (mods < 1000) continue;
    const policy = autovacuumPolicy(table, input.settings);
    const over = mods / Math.max(1, policy.analyzeTrigger);
    const never = table.analyzeAgeS === null;
    const saturated = workersSaturated(input.activity, policy.maxWorkers);
    let severity: 'warning' | 'info' | null = null;
    let cause = '';
    if (!policy.enabled && over >= 1) {
      severity = 'warning';
      cause = `autovacuum is disabled ${disabledWhere(policy)}, so nothing will analyze it`;
    } else if (over >= t.staleStatsFactor && saturated) {
      severity = 'warning';
      cause = `all ${policy.maxWorkers} autovacuum workers are busy, so it waits its turn`;
    } else if (over >= t.staleStatsFactor) {
      severity = 'info';
      cause = never ? 'it has never been analyzed; autovacuum should do so shortly' : 'autovacuum has not caught up yet';
    }
    if (!severity) continue;
    const name = qualified(table.schema, table.name);
    const when = never ? 'never analyzed' : `last analyzed ${formatDuration(table.analyzeAgeS as number)} ago`;
    const lines = [`ANALYZE VERBOSE ${name};`];
    if (policy.disabledBy === 'table' || policy.disabledBy === 'server and table') lines.push(`ALTER TABLE ${name} RESET (autovacuum_enabled);`);
    out.push(
      objectFinding(
        ID,
        severity,
        'table',
        name,
        input.database,
        `${name} (${formatCount(rows)} rows, ${when}) has had ${formatCount(mods)} rows changed since, ${round(over, 1)}× autovacuum's analyze trigger: the planner is estimating from stale statistics; ${cause}`,
        {
          evidence: {
            rows: Math.round(rows),
            modifiedSinceAnalyze: mods,
            analyzeTrigger: Math.round(policy.analyzeTrigger),
            timesOverTrigger: round(over, 2),
            lastAnalyzeSecondsAgo: table.analyzeAgeS === null ? null : Math.round(table.analyzeAgeS),
            autovacuumEnabled: policy.enabled,
          },
          fix: {
            description: `Analyze it now (cheap: it samples the table); make sure autovacuum can do it from now on${
              policy.disabledBy?.startsWith('server') ? ' (autovacuum is off for the whole server: set autovacuum = on, a reload is enough)' : ''
            }`,
            code: lines.join('\n'),
            language: 'sql',
          },
          // Worse plans, not an outage: it ranks below the other warnings of its band.
          impact: impact(severity, 0.3 * logScale(over, 1, 1000)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Tables changed far past the point where autovacuum should have analyzed them',
  docs: 'docs/diagnose/stale-statistics.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [tables, settings, activity] = await Promise.all([ctx.facts.tables(), ctx.facts.settings(), ctx.facts.activity()]);
    return evaluateStaleStatistics({ tables, settings, activity, database: ctx.server.database }, ctx.thresholds);
  },
};
