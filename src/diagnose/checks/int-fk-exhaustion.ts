import type { Finding } from '../../model/finding.js';
import { plural, qualified, quoteIdent, type SequenceFact } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';
import { INT_MAX } from './int-pk-exhaustion.js';

const ID = 'int-fk-exhaustion';

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'`;

/** A smallint or integer foreign key column that references a wider key. */
export interface NarrowForeignKey {
  schema: string;
  table: string;
  column: string;
  type: 'smallint' | 'integer';
  constraint: string;
  refTableOid: number;
  refSchema: string;
  refTable: string;
  refColumn: string;
  refType: string;
  /** Highest referenced value in the ANALYZE sample, when no sequence feeds the key. */
  refStatsMax: number | null;
}

/** The highest value the referenced key has reached: its sequence, else its statistics. */
export function referencedMax(fk: NarrowForeignKey, sequences: SequenceFact[]): { value: number; source: string } | null {
  const seq = sequences.find((s) => s.ownerTableOid === fk.refTableOid && s.ownerColumn === fk.refColumn);
  if (seq?.lastValue !== null && seq?.lastValue !== undefined) return { value: seq.lastValue, source: `sequence ${qualified(seq.schema, seq.name)}` };
  if (fk.refStatsMax !== null) return { value: fk.refStatsMax, source: 'pg_stats (ANALYZE sample; the real maximum may be higher)' };
  return null;
}

export function evaluateNarrowForeignKeys(fks: NarrowForeignKey[], sequences: SequenceFact[], database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const fk of fks) {
    const limit = INT_MAX[fk.type];
    const cur = referencedMax(fk, sequences);
    if (!cur) continue;
    const used = cur.value / limit;
    if (used < t.intPkWarnFraction) continue;
    const over = cur.value > limit;
    const severity = over || used >= t.intPkErrorFraction ? 'error' : 'warning';
    const col = `${qualified(fk.schema, fk.table)}.${quoteIdent(fk.column)}`;
    const ref = `${qualified(fk.refSchema, fk.refTable)}.${quoteIdent(fk.refColumn)}`;
    out.push(
      objectFinding(
        ID,
        severity,
        'column',
        col,
        database,
        `foreign key ${col} is ${fk.type} but references ${ref} (${fk.refType}), which has reached ${formatCount(cur.value)}: ${over ? `rows pointing at keys above ${formatCount(limit)} cannot be stored, so inserts for every new ${fk.refTable} fail now` : `${formatPercent(used)} of what ${fk.type} holds; inserts referencing newer keys fail once it passes ${formatCount(limit)}`}`,
        {
          evidence: { type: fk.type, referencedType: fk.refType, referencedMax: cur.value, limit, usedFraction: round(used, 4), source: cur.source, constraint: fk.constraint },
          fix: {
            description: 'Widen the referencing column to the key\'s type (a table rewrite under an ACCESS EXCLUSIVE lock: on a large table add a bigint column, backfill in batches, swap)',
            code: `ALTER TABLE ${qualified(fk.schema, fk.table)} ALTER COLUMN ${quoteIdent(fk.column)} TYPE ${fk.refType};`,
            language: 'sql',
          },
          impact: impact(severity, over ? 0.95 : Math.min(0.95, used)),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'error',
  summary: 'smallint and integer foreign keys that reference wider keys whose values approach or pass their limit',
  docs: 'docs/diagnose/int-fk-exhaustion.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const rows = await ctx.session.query(
      'int-fk-exhaustion.foreign-keys',
      `SELECT n.nspname AS schema, c.relname AS table_name, a.attname, format_type(a.atttypid, NULL) AS type, con.conname,
         con.confrelid::int8 AS ref_oid, rn.nspname AS ref_schema, rc.relname AS ref_table, ra.attname AS ref_column, format_type(ra.atttypid, NULL) AS ref_type,
         (SELECT max(v) FROM pg_stats ps, unnest(ps.histogram_bounds::text::int8[]) AS v
          WHERE ps.schemaname = rn.nspname AND ps.tablename = rc.relname AND ps.attname = ra.attname)::float8 AS ref_stats_max
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rc.relnamespace
       JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
       WHERE con.contype = 'f' AND array_length(con.conkey, 1) = 1 AND ${USER_SCHEMAS}
         AND a.atttypid IN ('int2'::regtype, 'int4'::regtype)
         AND ra.atttypid IN ('int4'::regtype, 'int8'::regtype) AND ra.atttypid <> a.atttypid
       ORDER BY n.nspname, c.relname, a.attname`,
    );
    ctx.examined(plural(rows.length, 'narrower foreign key'));
    if (rows.length === 0) return [];
    const sequences = await ctx.facts.sequences();
    return evaluateNarrowForeignKeys(
      rows.map((r) => ({
        schema: String(r.schema),
        table: String(r.table_name),
        column: String(r.attname),
        type: String(r.type) as NarrowForeignKey['type'],
        constraint: String(r.conname),
        refTableOid: Number(r.ref_oid),
        refSchema: String(r.ref_schema),
        refTable: String(r.ref_table),
        refColumn: String(r.ref_column),
        refType: String(r.ref_type),
        refStatsMax: r.ref_stats_max === null ? null : Number(r.ref_stats_max),
      })),
      sequences,
      ctx.server.database,
      ctx.thresholds,
    );
  },
};
