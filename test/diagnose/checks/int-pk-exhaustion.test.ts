import { describe, expect, it } from 'vitest';
import { evaluateIntPks } from '../../../src/diagnose/checks/int-pk-exhaustion.js';
import { primaryKey, sequence, T } from '../_fixtures.js';

const seq = (lastValue: number) => sequence({ type: 'integer', max: 2147483647, lastValue, lastValueText: String(lastValue), ownerTableOid: 1000, ownerColumn: 'id' });

describe('int-pk-exhaustion', () => {
  it.each([
    ['integer key at 10%', primaryKey(), [seq(214748364)], null],
    ['integer key at 60%', primaryKey(), [seq(1288490188)], 'warning'],
    ['integer key at 90%', primaryKey(), [seq(1932735282)], 'error'],
    ['smallint key at 85% (statistics)', primaryKey({ type: 'smallint', statsMax: 28000 }), [], 'error'],
    ['no sequence and no statistics', primaryKey(), [], null],
  ] as const)('%s', (_n, pk, seqs, expected) => {
    expect(evaluateIntPks({ primaryKeys: [pk], sequences: [...seqs], database: 'shop' }, T)[0]?.severity ?? null).toBe(expected);
  });

  it('changes every referencing column and the sequence too', () => {
    const pk = primaryKey({ referencedBy: [{ schema: 'public', table: 'order_items', column: 'order_id' }] });
    const [f] = evaluateIntPks({ primaryKeys: [pk], sequences: [seq(2e9)], database: 'shop' }, T);
    expect(f?.fix?.code).toBe(
      'ALTER TABLE public.orders ALTER COLUMN id TYPE bigint;\nALTER TABLE public.order_items ALTER COLUMN order_id TYPE bigint;\nALTER SEQUENCE public.orders_id_seq AS bigint;',
    );
    expect(f?.evidence?.referencedBy).toBe('public.order_items.order_id');
  });
});
