import type { Finding } from '../../model/finding.js';
import { plural, qualified, quoteIdent, type PrimaryKeyFact, type SequenceFact, type TableFact } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'sequence-exhaustion';

const TYPE_MAX: Record<string, number> = { smallint: 32767, integer: 2147483647, bigint: 2 ** 63 - 1 };

/** Share of the sequence's range already handed out (descending sequences count downwards). */
export function sequenceUsage(s: SequenceFact): number | null {
  if (s.lastValue === null) return null;
  const span = s.max - s.min;
  if (span <= 0) return null;
  return s.increment >= 0 ? (s.lastValue - s.min) / span : (s.max - s.lastValue) / span;
}

export interface SequenceInput {
  sequences: SequenceFact[];
  /** int2/int4 single-column primary keys: their sequences are reported by int-pk-exhaustion. */
  primaryKeys: PrimaryKeyFact[];
  tables: Map<number, TableFact>;
  database: string;
}

export function evaluateSequences(input: SequenceInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  const pkCols = new Set(input.primaryKeys.map((p) => `${p.tableOid}.${p.column}`));
  for (const s of input.sequences) {
    if (s.cycle) continue;
    if (s.ownerTableOid !== null && pkCols.has(`${s.ownerTableOid}.${s.ownerColumn}`)) continue;
    out.push(...narrowColumns(s, input.database, pkCols, t));
    const used = sequenceUsage(s);
    if (used === null || used < t.sequenceWarnFraction) continue;
    const severity = used >= t.sequenceErrorFraction ? 'error' : 'warning';
    const name = qualified(s.schema, s.name);
    const remaining = s.increment >= 0 ? (s.max - (s.lastValue as number)) / s.increment : ((s.lastValue as number) - s.min) / -s.increment;
    const owner = s.ownerTableOid !== null ? input.tables.get(s.ownerTableOid) : undefined;
    const ownerName = owner && s.ownerColumn ? `${qualified(owner.schema, owner.name)}.${quoteIdent(s.ownerColumn)}` : null;
    const typeMax = TYPE_MAX[s.type] ?? s.max;
    const lines: string[] = [];
    if (s.type !== 'bigint') {
      if (owner && s.ownerColumn) lines.push(`ALTER TABLE ${qualified(owner.schema, owner.name)} ALTER COLUMN ${quoteIdent(s.ownerColumn)} TYPE bigint;  -- rewrites the table under an ACCESS EXCLUSIVE lock`);
      lines.push(`ALTER SEQUENCE ${name} AS bigint NO MAXVALUE;`);
    } else if (s.max < typeMax) lines.push(`ALTER SEQUENCE ${name} NO MAXVALUE;`);
    out.push(
      objectFinding(
        ID,
        severity,
        'sequence',
        name,
        input.database,
        `${name} has used ${formatPercent(used)} of its range (${Math.abs(s.lastValue as number) < 2 ** 53 ? formatCount(s.lastValue as number) : s.lastValueText} of ${formatCount(s.max)}; ${formatCount(remaining)} values left)${ownerName ? `; it feeds ${ownerName}` : ''}: nextval() fails when it runs out`,
        {
          evidence: {
            lastValue: s.lastValueText,
            minValue: s.min,
            maxValue: s.max,
            increment: s.increment,
            type: s.type,
            usedFraction: round(used, 4),
            remainingValues: Math.round(remaining),
            ownedBy: ownerName,
          },
          fix: {
            description:
              s.max < typeMax
                ? 'The sequence has a MAXVALUE below its type\'s limit: raise it (instant, no table lock)'
                : 'Widen the sequence (and the column it feeds) to bigint; on a large table change the column online (add a bigint column, backfill in batches, swap)',
            ...(lines.length > 0 && { code: lines.join('\n'), language: 'sql' as const }),
          },
          // Values left, not yet an outage: below a live lock pile-up, above slower problems.
          impact: impact(severity, Math.min(0.95, used)),
        },
      ),
    );
  }
  return out;
}

/**
 * A sequence wider than a column it feeds (a bigint sequence behind an integer column's DEFAULT,
 * shared or not owned by it): the column overflows long before the sequence does.
 */
function narrowColumns(s: SequenceFact, database: string, pkCols: Set<string>, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  if (s.lastValue === null || s.increment < 0) return out;
  for (const c of s.feeds) {
    const limit = TYPE_MAX[c.type] ?? Infinity;
    if (limit >= s.max) continue;
    // An integer key fed by its own sequence is int-pk-exhaustion's.
    if (s.ownerTableOid === c.tableOid && s.ownerColumn === c.column && pkCols.has(`${c.tableOid}.${c.column}`)) continue;
    const used = s.lastValue / limit;
    if (used < t.sequenceWarnFraction) continue;
    const severity = used >= t.sequenceErrorFraction ? 'error' : 'warning';
    const name = qualified(s.schema, s.name);
    const col = `${qualified(c.schema, c.table)}.${quoteIdent(c.column)}`;
    const over = s.lastValue > limit;
    out.push(
      objectFinding(
        ID,
        severity,
        'column',
        col,
        database,
        `${col} is ${c.type} but takes its values from ${name} (${s.type}), now at ${formatCount(s.lastValue)}: ${over ? `past the column's limit of ${formatCount(limit)}, so every insert that uses the default fails` : `${formatPercent(used)} of the column's limit of ${formatCount(limit)}; inserts fail when it passes`}`,
        {
          evidence: { sequence: name, sequenceType: s.type, columnType: c.type, lastValue: s.lastValueText, columnLimit: limit, usedFraction: round(used, 4), ownedBy: s.ownerColumn ? 'this column' : 'no column' },
          fix: {
            description: 'Widen the column to bigint (a table rewrite under an ACCESS EXCLUSIVE lock: on a large table add a bigint column, backfill in batches, swap); foreign keys that reference it must change too',
            code: `ALTER TABLE ${qualified(c.schema, c.table)} ALTER COLUMN ${quoteIdent(c.column)} TYPE bigint;`,
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
  summary: 'Sequences close to their maximum value',
  docs: 'docs/diagnose/sequence-exhaustion.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [sequences, primaryKeys, tables] = await Promise.all([ctx.facts.sequences(), ctx.facts.primaryKeys(), ctx.facts.tables()]);
    ctx.examined(plural(sequences.length, 'sequence'));
    const unreadable = sequences.filter((s) => !s.readable);
    if (unreadable.length > 0) {
      const names = unreadable.slice(0, 5).map((s) => qualified(s.schema, s.name));
      ctx.couldNotCheck(
        `${plural(unreadable.length, 'sequence')} ${unreadable.length === 1 ? 'is' : 'are'} not readable by ${ctx.server.user} (${names.join(', ')}${unreadable.length > 5 ? ', …' : ''}): how close they are to their limit is unknown`,
        ctx.server.versionNum >= 140000
          ? `GRANT pg_read_all_data TO ${quoteIdent(ctx.server.user)};  (or GRANT SELECT ON SEQUENCE ... to it)`
          : `GRANT SELECT ON ALL SEQUENCES IN SCHEMA ... TO ${quoteIdent(ctx.server.user)};`,
      );
    }
    return evaluateSequences({ sequences, primaryKeys, tables: new Map(tables.map((x) => [x.oid, x])), database: ctx.server.database }, ctx.thresholds);
  },
};
