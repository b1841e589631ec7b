import { describe, expect, it } from 'vitest';
import { evaluateNarrowForeignKeys, type NarrowForeignKey } from '../../../src/diagnose/checks/int-fk-exhaustion.js';
import { sequence, T } from '../_fixtures.js';

const fk = (o: Partial<NarrowForeignKey> = {}): NarrowForeignKey => ({
  schema: 'public', table: 'order_lines', column: 'order_id', type: 'integer', constraint: 'order_lines_order_id_fkey',
  refTableOid: 10, refSchema: 'public', refTable: 'orders', refColumn: 'id', refType: 'bigint', refStatsMax: null, ...o,
});
const seqAt = (v: number) => [sequence({ ownerTableOid: 10, ownerColumn: 'id', lastValue: v, lastValueText: String(v) })];

describe('int-fk-exhaustion', () => {
  it.each([
    ['referenced key still small', 1_000_000, null],
    ['past half of integer', 1_200_000_000, 'warning'],
    ['past 80%', 1_800_000_000, 'error'],
    ['past the limit already', 3_000_000_000, 'error'],
  ] as const)('%s', (_n, v, expected) => {
    expect(evaluateNarrowForeignKeys([fk()], seqAt(v), 'shop', T)[0]?.severity ?? null).toBe(expected);
  });

  it('past the limit: inserts fail now; the fix widens the referencing column', () => {
    const [f] = evaluateNarrowForeignKeys([fk()], seqAt(3_000_000_000), 'shop', T);
    expect(f?.message).toMatch(/cannot be stored, so inserts for every new orders fail now/);
    expect(f?.fix?.code).toBe('ALTER TABLE public.order_lines ALTER COLUMN order_id TYPE bigint;');
  });

  it('without a sequence the statistics tell, and say they are a lower bound', () => {
    const [f] = evaluateNarrowForeignKeys([fk({ refStatsMax: 2_200_000_000 })], [], 'shop', T);
    expect(f?.evidence?.source).toMatch(/^pg_stats/);
    expect(evaluateNarrowForeignKeys([fk()], [], 'shop', T)).toEqual([]);
  });
});
