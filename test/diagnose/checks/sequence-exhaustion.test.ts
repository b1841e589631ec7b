import { describe, expect, it } from 'vitest';
import { evaluateSequences, sequenceUsage } from '../../../src/diagnose/checks/sequence-exhaustion.js';
import { primaryKey, sequence, T, table } from '../_fixtures.js';

const run = (s: ReturnType<typeof sequence>, pks = [] as ReturnType<typeof primaryKey>[]) =>
  evaluateSequences({ sequences: [s], primaryKeys: pks, tables: new Map([[1000, table()]]), database: 'shop' }, T);

describe('sequence-exhaustion', () => {
  it.each([
    ['fresh bigint', sequence(), null],
    ['never used', sequence({ lastValue: null, lastValueText: null }), null],
    ['80% of a MAXVALUE', sequence({ max: 1000, lastValue: 800, lastValueText: '800' }), 'warning'],
    ['95% of an integer sequence', sequence({ type: 'integer', max: 2147483647, lastValue: 2040109465, lastValueText: '2040109465' }), 'error'],
    ['cycling by design', sequence({ max: 1000, lastValue: 990, cycle: true }), null],
    ['descending, 90% used', sequence({ increment: -1, min: -1000, max: -1, lastValue: -900, lastValueText: '-900' }), 'warning'],
  ] as const)('%s', (_n, s, expected) => {
    expect(run(s)[0]?.severity ?? null).toBe(expected);
  });

  it('leaves a primary key\'s own sequence to int-pk-exhaustion', () => {
    const s = sequence({ type: 'integer', max: 2147483647, lastValue: 2.1e9, lastValueText: '2100000000', ownerTableOid: 1000, ownerColumn: 'id' });
    expect(run(s, [primaryKey()])).toEqual([]);
  });

  it('widens an integer sequence together with the column it feeds', () => {
    const s = sequence({ type: 'integer', max: 2147483647, lastValue: 2.1e9, lastValueText: '2100000000', ownerTableOid: 1000, ownerColumn: 'ref' });
    expect(run(s)[0]?.fix?.code).toBe(
      'ALTER TABLE public.orders ALTER COLUMN ref TYPE bigint;  -- rewrites the table under an ACCESS EXCLUSIVE lock\nALTER SEQUENCE public.orders_id_seq AS bigint NO MAXVALUE;',
    );
    expect(sequenceUsage(sequence({ min: 1, max: 101, lastValue: 51 }))).toBe(0.5);
  });
});

describe('a sequence wider than the column it feeds', () => {
  it('a bigint sequence behind an integer DEFAULT is judged by the column, reported on the column', async () => {
    const { evaluateSequences } = await import('../../../src/diagnose/checks/sequence-exhaustion.js');
    const { sequence: seq, T: th } = await import('../_fixtures.js');
    const s = seq({ name: 'shared_ids', lastValue: 2_100_000_000, lastValueText: '2100000000', feeds: [{ tableOid: 5, schema: 'public', table: 'tickets', column: 'ref', type: 'integer' }] });
    const [f, ...rest] = evaluateSequences({ sequences: [s], primaryKeys: [], tables: new Map(), database: 'shop' }, th);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.location).toMatchObject({ objectType: 'column', name: 'public.tickets.ref' });
    expect(f?.fix?.code).toBe('ALTER TABLE public.tickets ALTER COLUMN ref TYPE bigint;');
    // The sequence itself (bigint) has used almost nothing of its own range: no second finding.
  });
});
