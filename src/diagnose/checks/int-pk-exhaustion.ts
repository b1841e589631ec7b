import type { Finding } from '../../model/finding.js';
import { qualified, quoteIdent, type PrimaryKeyFact, type SequenceFact } from '../_facts.js';
import { formatCount, formatPercent, impact, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'int-pk-exhaustion';

export const INT_MAX: Record<PrimaryKeyFact['type'], number> = { smallint: 32767, integer: 2147483647 };

export interface IntPkInput {
  primaryKeys: PrimaryKeyFact[];
  sequences: SequenceFact[];
  database: string;
}

/** Highest value in use: the owning sequence's last value, else the statistics' maximum. */
export function currentMax(pk: PrimaryKeyFact, sequences: SequenceFact[]): { value: number; source: string; sequence: SequenceFact | undefined } | null {
  const seq = sequences.find((s) => s.ownerTableOid === pk.tableOid && s.ownerColumn === pk.column);
  if (seq && seq.lastValue !== null) return { value: seq.lastValue, source: `sequence ${qualified(seq.schema, seq.name)}`, sequence: seq };
  if (pk.statsMax !== null) return { value: pk.statsMax, source: 'pg_stats (ANALYZE sample; the real maximum may be higher)', sequence: seq };
  return null;
}

export function evaluateIntPks(input: IntPkInput, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const pk of input.primaryKeys) {
    const limit = INT_MAX[pk.type];
    if (!limit) continue;
    const cur = currentMax(pk, input.sequences);
    if (!cur) continue;
    const used = cur.value / limit;
    if (used < t.intPkWarnFraction) continue;
    const severity = used >= t.intPkErrorFraction ? 'error' : 'warning';
    const table = qualified(pk.schema, pk.table);
    const col = quoteIdent(pk.column);
    const lines = [`ALTER TABLE ${table} ALTER COLUMN ${col} TYPE bigint;`];
    for (const r of pk.referencedBy) lines.push(`ALTER TABLE ${qualified(r.schema, r.table)} ALTER COLUMN ${quoteIdent(r.column)} TYPE bigint;`);
    if (cur.sequence && cur.sequence.type !== 'bigint') lines.push(`ALTER SEQUENCE ${qualified(cur.sequence.schema, cur.sequence.name)} AS bigint;`);
    out.push(
      objectFinding(
        ID,
        severity,
        'column',
        `${table}.${col}`,
        input.database,
        `primary key ${table}.${col} is ${pk.type} and has reached ${formatCount(cur.value)}, ${formatPercent(used)} of its ${formatCount(limit)} limit; inserts fail when it runs out${pk.referencedBy.length ? ` (${pk.referencedBy.length} foreign key column${pk.referencedBy.length === 1 ? '' : 's'} must change with it)` : ''}`,
        {
          evidence: {
            type: pk.type,
            currentValue: cur.value,
            limit,
            usedFraction: round(used, 4),
            remainingValues: limit - cur.value,
            source: cur.source,
            referencedBy: pk.referencedBy.map((r) => `${qualified(r.schema, r.table)}.${quoteIdent(r.column)}`).join(', ') || null,
          },
          fix: {
            description:
              'Move the key (and every column referencing it) to bigint. ALTER COLUMN ... TYPE rewrites each table under an ACCESS EXCLUSIVE lock; on a large table add a bigint column, fill it in batches with a trigger keeping it current, then swap it in within one short transaction',
            code: lines.join('\n'),
            language: 'sql',
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
  summary: 'smallint and integer primary keys close to their type limit',
  docs: 'docs/diagnose/int-pk-exhaustion.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [primaryKeys, sequences] = await Promise.all([ctx.facts.primaryKeys(), ctx.facts.sequences()]);
    return evaluateIntPks({ primaryKeys, sequences, database: ctx.server.database }, ctx.thresholds);
  },
};
