import { describe, expect, it } from 'vitest';
import { evaluateUnusedIndexes } from '../../../src/diagnose/checks/unused-index.js';
import { index, T, table } from '../_fixtures.js';

const tables = new Map([[1000, table({ nTupIns: 5000 })]]);
const run = (i: ReturnType<typeof index>, statsAgeS: number | null = null) =>
  evaluateUnusedIndexes({ indexes: [i], tables, blockSize: 8192, statsAgeS, database: 'shop' }, T);

describe('unused-index', () => {
  it.each([
    ['used', index({ idxScan: 3 }), null],
    ['unused and tiny (a small table\'s index)', index({ idxScan: 0, relpages: 2 }), null],
    ['unused and small', index({ idxScan: 0, relpages: 100 }), 'info'],
    ['unused and large', index({ idxScan: 0, relpages: 20_000 }), 'warning'],
    ['unused and large, but statistics are a day old', index({ idxScan: 0, relpages: 20_000 }), 'info', 86_400],
    ['unused primary key', index({ idxScan: 0, isPrimary: true, isUnique: true, relpages: 20_000 }), null],
    ['unused unique index', index({ idxScan: 0, isUnique: true, relpages: 20_000 }), null],
    ['unused but referenced by a foreign key', index({ idxScan: 0, referencedByFk: true }), null],
    ['invalid (reported by invalid-index)', index({ idxScan: 0, isValid: false }), null],
    ['partitioned parent index', index({ idxScan: 0, relkind: 'I' }), null],
  ] as [string, ReturnType<typeof index>, string | null, number?][])('%s', (_n, i, expected, age) => {
    expect(run(i, age ?? null)[0]?.severity ?? null).toBe(expected);
  });

  it('keeps the definition to recreate it', () => {
    expect(run(index({ idxScan: 0, relpages: 100 }))[0]?.fix?.code).toBe(
      'DROP INDEX CONCURRENTLY IF EXISTS public.orders_status_idx;\n-- to recreate: CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders USING btree (status);',
    );
  });
});
