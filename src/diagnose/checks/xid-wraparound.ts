import type { Finding } from '../../model/finding.js';
import { qualified, quoteIdent, type TableFact } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'xid-wraparound';

/** Transaction IDs (and multixact IDs) wrap at 2^31; PostgreSQL stops writes shortly before. */
export const XID_LIMIT = 2 ** 31;

export interface DatabaseAge {
  database: string;
  xidAge: number;
  mxidAge: number;
}

export interface WraparoundInput {
  databases: DatabaseAge[];
  /** Tables of the connected database, for naming the oldest ones. */
  tables: TableFact[];
  current: string;
  freezeMaxAge: number;
}

export function evaluateWraparound(input: WraparoundInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const d of input.databases) {
    const age = Math.max(d.xidAge, d.mxidAge);
    const kind = d.mxidAge > d.xidAge ? 'multixact ID' : 'transaction ID';
    const fraction = age / XID_LIMIT;
    let severity: 'error' | 'warning' | 'info' | null = null;
    if (fraction >= t.wraparoundErrorFraction) severity = 'error';
    else if (fraction >= t.wraparoundWarnFraction) severity = 'warning';
    else if (d.xidAge > input.freezeMaxAge * 1.5) severity = 'info';
    if (!severity) continue;
    const here = d.database === input.current;
    const oldest = here
      ? [...input.tables]
          .filter((x) => x.xidAge !== null)
          .sort((a, b) => (b.xidAge ?? 0) - (a.xidAge ?? 0) || a.oid - b.oid)
          .slice(0, 3)
      : [];
    const remaining = Math.max(0, XID_LIMIT - age);
    const lines = here
      ? oldest.map((x) => `VACUUM (FREEZE, VERBOSE) ${qualified(x.schema, x.name)};`)
      : [`-- connect to ${quoteIdent(d.database)} and run: VACUUM (FREEZE, VERBOSE);  (or: vacuumdb --freeze --dbname=${d.database})`];
    out.push(
      objectFinding(
        ID,
        severity,
        'database',
        d.database,
        input.current,
        severity === 'info'
          ? `${d.database}'s oldest unfrozen ${kind} is ${formatCount(age)} transactions old, past 1.5× autovacuum_freeze_max_age (${formatCount(input.freezeMaxAge)}): anti-wraparound vacuums are running behind`
          : `${d.database} has used ${formatPercent(fraction)} of the ${kind} space (${formatCount(age)} of ${formatCount(XID_LIMIT)}; ${formatCount(remaining)} left before PostgreSQL refuses writes)`,
        {
          evidence: {
            xidAge: d.xidAge,
            multixactAge: d.mxidAge,
            usedFraction: round(fraction, 4),
            autovacuumFreezeMaxAge: input.freezeMaxAge,
            oldestTables: oldest.map((x) => `${qualified(x.schema, x.name)} (${formatCount(x.xidAge ?? 0)})`).join(', ') || null,
          },
          fix: {
            description:
              'Freeze the oldest tables now, and look for what stops autovacuum from freezing them: long transactions, idle-in-transaction sessions, abandoned replication slots or prepared transactions (see dead-tuples)',
            code: lines.join('\n') || `VACUUM (FREEZE, VERBOSE);`,
            language: 'sql',
          },
          impact: impact(severity, fraction),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'How close each database is to transaction ID (and multixact) wraparound',
  docs: 'docs/diagnose/xid-wraparound.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [rows, tables, settings] = await Promise.all([
      ctx.session.query(
        'xid-wraparound.databases',
        `SELECT datname, age(datfrozenxid)::float8 AS xid_age, mxid_age(datminmxid)::float8 AS mxid_age FROM pg_database ORDER BY datname`,
      ),
      ctx.facts.tables(),
      ctx.facts.settings(),
    ]);
    const databases = rows.map((r) => ({ database: String(r.datname), xidAge: Number(r.xid_age), mxidAge: Number(r.mxid_age) }));
    const freezeMaxAge = Number(settings.get('autovacuum_freeze_max_age')?.value ?? 200_000_000);
    return evaluateWraparound({ databases, tables, current: ctx.server.database, freezeMaxAge }, ctx.thresholds);
  },
};
