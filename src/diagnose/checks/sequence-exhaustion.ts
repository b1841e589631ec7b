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
