import type { Finding } from '../../model/finding.js';
import { qualified, quoteIdent } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'xid-wraparound';

/** Transaction IDs (and multixact IDs) wrap at 2^31; PostgreSQL stops writes shortly before. */
export const XID_LIMIT = 2 ** 31;

/** Listing more relations than this in one VACUUM is no clearer than vacuuming the whole database. */
export const MAX_LISTED = 20;

export interface DatabaseAge {
  database: string;
  xidAge: number;
  mxidAge: number;
  /** False for template0 and other databases nobody may connect to. */
  allowConn?: boolean;
}

/** A relation of the connected database (system catalogs included) with its freeze age. */
export interface RelationAge {
  schema: string;
  name: string;
  xidAge: number;
  mxidAge: number;
}

/** Something whose snapshot VACUUM cannot freeze past: a session, prepared transaction or slot. */
export interface FreezeBlocker {
  kind: 'session' | 'prepared transaction' | 'replication slot';
  name: string;
  xidAge: number;
  /** SQL that removes it. */
  end: string;
}

export interface WraparoundInput {
  databases: DatabaseAge[];
  /** Relations of the connected database older than `targetAge` (see freezeTarget), oldest first. */
  relations: RelationAge[];
  blockers: FreezeBlocker[];
  current: string;
  freezeMaxAge: number;
}

/** The age every relation must get under for this check to stop reporting the database. */
export function freezeTarget(freezeMaxAge: number, t: Thresholds): number {
  return Math.min(freezeMaxAge, t.wraparoundWarnFraction * XID_LIMIT, 1.5 * freezeMaxAge);
}

function severityOf(d: DatabaseAge, freezeMaxAge: number, t: Thresholds): 'error' | 'warning' | 'info' | null {
  const fraction = Math.max(d.xidAge, d.mxidAge) / XID_LIMIT;
  if (fraction >= t.wraparoundErrorFraction) return 'error';
  if (fraction >= t.wraparoundWarnFraction) return 'warning';
  if (Math.max(d.xidAge, d.mxidAge) > freezeMaxAge * 1.5) return 'info';
  return null;
}

/**
 * The fix that makes the finding go away: a database's age is that of its oldest relation, system
 * catalogs included, so every relation over the target must be frozen (all of them at once when
 * there are many, or when catalogs are among them), and nothing may hold a snapshot older than that.
 */
export function freezePlan(input: WraparoundInput, target: number): { code: string; description: string } {
  const lines: string[] = [];
  const blockers = input.blockers.filter((b) => b.xidAge >= target);
  for (const b of blockers) lines.push(`${b.end}  -- ${b.kind} ${b.name} holds a snapshot ${formatCount(b.xidAge)} transactions old`);
  const catalogs = input.relations.filter((r) => r.schema === 'pg_catalog' || r.schema === 'information_schema');
  const wholeDatabase = input.relations.length > MAX_LISTED || catalogs.length > 0;
  if (wholeDatabase) lines.push('VACUUM (FREEZE, VERBOSE);');
  else if (input.relations.length > 0) lines.push(`VACUUM (FREEZE, VERBOSE) ${input.relations.map((r) => qualified(r.schema, r.name)).join(', ')};`);
  else lines.push('VACUUM (FREEZE, VERBOSE);');
  const parts = [
    blockers.length > 0 ? `VACUUM cannot freeze rows newer than the oldest snapshot: end ${blockers.map((b) => `${b.kind} ${b.name}`).join(', ')} first.` : '',
    catalogs.length > 0
      ? `The system catalogs (${catalogs.length} of them, e.g. ${qualified(catalogs[0]?.schema ?? 'pg_catalog', catalogs[0]?.name ?? '')}) are as old as the rest, so freeze the whole database, as a superuser (or the database owner) so the catalogs are included.`
      : wholeDatabase
        ? `${formatCount(input.relations.length)} relations are past the target age: freeze the whole database (vacuumdb --freeze --jobs=4 runs it in parallel).`
        : `Freeze the ${input.relations.length === 1 ? 'relation' : `${input.relations.length} relations`} past ${formatCount(target)} transactions (the database is only as young as its oldest relation).`,
    'Then find why autovacuum did not: long transactions, idle-in-transaction sessions, abandoned replication slots or prepared transactions, or autovacuum turned off.',
  ];
  return { code: lines.join('\n'), description: parts.filter(Boolean).join(' ') };
}

export function evaluateWraparound(input: WraparoundInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const target = freezeTarget(input.freezeMaxAge, t);
  for (const d of input.databases) {
    const severity = severityOf(d, input.freezeMaxAge, t);
    if (!severity) continue;
    const age = Math.max(d.xidAge, d.mxidAge);
    const kind = d.mxidAge > d.xidAge ? 'multixact ID' : 'transaction ID';
    const fraction = age / XID_LIMIT;
    const here = d.database === input.current;
    const remaining = Math.max(0, XID_LIMIT - age);
    const plan = here
      ? freezePlan(input, target)
      : d.allowConn === false
        ? {
            code: `ALTER DATABASE ${quoteIdent(d.database)} WITH ALLOW_CONNECTIONS true;\n-- connect to ${d.database} as a superuser and run: VACUUM (FREEZE, VERBOSE);\nALTER DATABASE ${quoteIdent(d.database)} WITH ALLOW_CONNECTIONS false;`,
            description: `Nobody may connect to ${d.database}, so only autovacuum freezes it, and only once its age passes autovacuum_freeze_max_age (${formatCount(input.freezeMaxAge)}); allow connections for as long as it takes to freeze it`,
          }
        : {
            code: `-- connect to ${quoteIdent(d.database)} and run: VACUUM (FREEZE, VERBOSE);  (or: vacuumdb --freeze --dbname=${d.database})`,
            description: `Run archie diagnose against ${d.database} to see which of its relations hold the age back, or freeze it whole`,
          };
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
            targetAge: Math.round(target),
            relationsOverTarget: here ? input.relations.length : null,
            oldestRelations: here ? input.relations.slice(0, 3).map((x) => `${qualified(x.schema, x.name)} (${formatCount(Math.max(x.xidAge, x.mxidAge))})`).join(', ') || null : null,
          },
          fix: { description: plan.description, code: plan.code, language: 'sql' },
          // Hours to days of writes left at the error level: ahead of slow-burning problems, behind a live lock pile-up.
          impact: impact(severity, Math.min(0.95, fraction)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'How close each database is to transaction ID (and multixact) wraparound, with the freeze that brings it back',
  docs: 'docs/diagnose/xid-wraparound.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [rows, settings] = await Promise.all([
      ctx.session.query(
        'xid-wraparound.databases',
        `SELECT datname, datallowconn, age(datfrozenxid)::float8 AS xid_age, mxid_age(datminmxid)::float8 AS mxid_age FROM pg_database ORDER BY datname`,
      ),
      ctx.facts.settings(),
    ]);
    const databases = rows.map((r) => ({ database: String(r.datname), xidAge: Number(r.xid_age), mxidAge: Number(r.mxid_age), allowConn: r.datallowconn !== false }));
    ctx.examined(`${databases.length} databases`);
    const freezeMaxAge = Number(settings.get('autovacuum_freeze_max_age')?.value ?? 200_000_000);
    const target = freezeTarget(freezeMaxAge, ctx.thresholds);
    const current = databases.find((d) => d.database === ctx.server.database);
    let relations: RelationAge[] = [];
    let blockers: FreezeBlocker[] = [];
    if (current && severityOf(current, freezeMaxAge, ctx.thresholds)) {
      const rels = await ctx.session.query(
        'xid-wraparound.relations',
        `SELECT n.nspname AS schema, c.relname AS name,
           greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::float8 AS xid_age,
           greatest(mxid_age(c.relminmxid), coalesce(mxid_age(t.relminmxid), 0))::float8 AS mxid_age
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
         WHERE c.relkind IN ('r', 'm') AND c.relpersistence <> 't'
           AND greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0), mxid_age(c.relminmxid), coalesce(mxid_age(t.relminmxid), 0)) >= $1
         ORDER BY 3 DESC, 4 DESC, 1, 2`,
        [Math.floor(target)],
      );
      relations = rels.map((r) => ({ schema: String(r.schema), name: String(r.name), xidAge: Number(r.xid_age), mxidAge: Number(r.mxid_age) }));
      const held = await ctx.session.query(
        'xid-wraparound.blockers',
        `SELECT 'session' AS kind, 'pid ' || pid AS name, age(backend_xmin)::float8 AS age, format('SELECT pg_terminate_backend(%s);', pid) AS fix
           FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid()
         UNION ALL
         SELECT 'prepared transaction', gid, age(transaction)::float8, format('ROLLBACK PREPARED %L;', gid) FROM pg_prepared_xacts
         UNION ALL
         SELECT 'replication slot', slot_name::text, greatest(age(xmin), age(catalog_xmin))::float8, format('SELECT pg_drop_replication_slot(%L);', slot_name)
           FROM pg_replication_slots WHERE xmin IS NOT NULL OR catalog_xmin IS NOT NULL
         ORDER BY 3 DESC`,
      );
      blockers = held.map((r) => ({ kind: r.kind as FreezeBlocker['kind'], name: String(r.name), xidAge: Number(r.age ?? 0), end: String(r.fix) }));
    }
    return evaluateWraparound({ databases, relations, blockers, current: ctx.server.database, freezeMaxAge }, ctx.thresholds);
  },
};
