import type { Finding } from '../../model/finding.js';
import { autovacuumPolicy, disabledWhere, workersSaturated } from '../_autovacuum.js';
import { qualified, type ActivityFact, type SettingFact, type TableFact } from '../_facts.js';
import { formatCount, formatDuration, formatPercent, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';
import { byCodeUnit } from '../../util/compare.js';

const ID = 'dead-tuples';

/** Something that keeps VACUUM from removing dead rows: an old snapshot, slot or prepared transaction. */
export interface XminHolder {
  kind: 'session' | 'replication slot' | 'prepared transaction';
  name: string;
  /** Age of the xmin it holds, in transactions. */
  xidAge: number;
  /** For sessions: seconds the transaction has been open. */
  seconds: number | null;
}

export interface DeadTupleInput {
  tables: TableFact[];
  settings: Map<string, SettingFact>;
  activity: ActivityFact[];
  holders: XminHolder[];
  database: string;
}

/** The holder worth naming: a transaction open 5+ minutes, or any slot/prepared transaction 1,000+ xids old. */
export function oldestHolder(holders: XminHolder[]): XminHolder | undefined {
  return holders
    .filter((h) => (h.kind === 'session' ? (h.seconds ?? 0) >= 300 : h.xidAge >= 1000))
    .sort((a, b) => b.xidAge - a.xidAge || byCodeUnit(a.name, b.name))[0];
}

export function evaluateDeadTuples(input: DeadTupleInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const holder = oldestHolder(input.holders);
  for (const table of input.tables) {
    if (table.relkind !== 'r' && table.relkind !== 'm') continue;
    const dead = table.nDeadTup;
    if (dead < 1000) continue;
    const policy = autovacuumPolicy(table, input.settings);
    const ratio = dead / Math.max(1, dead + table.nLiveTup);
    const over = dead / Math.max(1, policy.vacuumTrigger);
    const severe = dead >= t.deadTupleMin && ratio >= t.deadTupleRatio;
    const stuck = !policy.enabled && over >= 1;
    if (!severe && !stuck && over < 2) continue;
    const severity = severe || stuck ? 'warning' : 'info';
    const name = qualified(table.schema, table.name);
    const saturated = workersSaturated(input.activity, policy.maxWorkers);
    const cause = !policy.enabled
      ? `autovacuum is disabled ${disabledWhere(policy)}`
      : holder
        ? `${holder.kind} ${holder.name} holds a snapshot ${formatCount(holder.xidAge)} transactions old, so VACUUM cannot remove rows deleted after it`
        : saturated
          ? `all ${policy.maxWorkers} autovacuum workers are busy`
          : table.autovacuumAgeS === null
            ? 'autovacuum has not vacuumed it since statistics began'
            : `autovacuum last ran ${formatDuration(table.autovacuumAgeS)} ago`;
    const lines = [`VACUUM (VERBOSE, ANALYZE) ${name};`];
    if (policy.disabledBy === 'table' || policy.disabledBy === 'server and table') lines.push(`ALTER TABLE ${name} RESET (autovacuum_enabled);`);
    else if (policy.enabled && !holder && table.reltuples >= 1_000_000) lines.push(`ALTER TABLE ${name} SET (autovacuum_vacuum_scale_factor = 0.02);`);
    if (holder?.kind === 'session') lines.push(`-- the old snapshot: SELECT pg_terminate_backend(${holder.name.replace(/^pid /, '')});`);
    if (holder?.kind === 'replication slot') lines.push(`-- the slot's standby reports an old snapshot (hot_standby_feedback): end the long query there; if the slot is abandoned, see replication-slots`);
    if (holder?.kind === 'prepared transaction') lines.push(`-- a forgotten two-phase transaction: ROLLBACK PREPARED '${holder.name.replace(/'/g, "''")}';`);
    out.push(
      objectFinding(
        ID,
        severity,
        'table',
        name,
        input.database,
        `${name} has ${formatCount(dead)} dead rows (${formatPercent(ratio, 0)} of its rows, ${round(over, 1)}× autovacuum's trigger of ${formatCount(policy.vacuumTrigger)}): ${cause}`,
        {
          evidence: {
            deadRows: dead,
            liveRows: table.nLiveTup,
            deadRatio: round(ratio, 3),
            autovacuumTrigger: Math.round(policy.vacuumTrigger),
            autovacuumEnabled: policy.enabled,
            lastVacuumSecondsAgo: table.vacuumAgeS === null ? null : Math.round(table.vacuumAgeS),
            lastAutovacuumSecondsAgo: table.autovacuumAgeS === null ? null : Math.round(table.autovacuumAgeS),
            oldestSnapshotHolder: holder ? `${holder.kind} ${holder.name} (${formatCount(holder.xidAge)} xids)` : null,
          },
          fix: {
            description: `Vacuum it now; then remove the cause so autovacuum keeps up by itself (dead rows make scans read more pages and turn into bloat)${
              policy.disabledBy?.startsWith('server') ? '. Autovacuum is off for the whole server: set autovacuum = on (a reload is enough)' : ''
            }`,
            code: lines.join('\n'),
            language: 'sql',
          },
          impact: impact(severity, Math.max(logScale(dead, 1e4, 1e9), ratio * 0.6)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Tables with many dead rows that autovacuum has not cleaned, and why',
  docs: 'docs/diagnose/dead-tuples.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [tables, settings, activity] = await Promise.all([ctx.facts.tables(), ctx.facts.settings(), ctx.facts.activity()]);
    if (!tables.some((x) => x.nDeadTup >= 1000)) return [];
    const rows = await ctx.session.query(
      'dead-tuples.xmin-holders',
      // Only a slot's xmin (a physical slot with hot_standby_feedback) holds back user tables: a
      // logical slot's catalog_xmin holds back the system catalogs alone, never these rows.
      `SELECT 'replication slot' AS kind, slot_name::text AS name, age(xmin)::float8 AS age
         FROM pg_replication_slots WHERE xmin IS NOT NULL
       UNION ALL
       SELECT 'prepared transaction', gid, age(transaction)::float8 FROM pg_prepared_xacts WHERE database = current_database()`,
    );
    const holders: XminHolder[] = rows.map((r) => ({
      kind: r.kind as XminHolder['kind'],
      name: String(r.name),
      xidAge: Number(r.age ?? 0),
      seconds: null,
    }));
    for (const a of activity) {
      if (a.database !== ctx.server.database || a.xminAge === null) continue;
      holders.push({ kind: 'session', name: `pid ${a.pid}`, xidAge: a.xminAge, seconds: a.xactAgeS });
    }
    return evaluateDeadTuples({ tables, settings, activity, holders, database: ctx.server.database }, ctx.thresholds);
  },
};
