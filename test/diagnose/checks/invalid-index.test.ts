import { describe, expect, it } from 'vitest';
import { concurrentDefinition, evaluateInvalidIndexes } from '../../../src/diagnose/checks/invalid-index.js';
import { index } from '../_fixtures.js';

describe('invalid-index', () => {
  it.each([
    ['valid', index(), new Set<number>(), null],
    ['invalid', index({ isValid: false }), new Set<number>(), 'warning'],
    ['being built right now', index({ isValid: false }), new Set([2000]), null],
  ] as const)('%s', (_n, i, building, expected) => {
    expect(evaluateInvalidIndexes([i], building, 8192, 'shop')[0]?.severity ?? null).toBe(expected);
  });

  it('rebuilds concurrently from the definition', () => {
    expect(concurrentDefinition('CREATE UNIQUE INDEX k ON public.t USING btree (a)')).toBe('CREATE UNIQUE INDEX CONCURRENTLY k ON public.t USING btree (a)');
    const [f] = evaluateInvalidIndexes([index({ isValid: false, isUnique: true })], new Set(), 8192, 'shop');
    expect(f?.fix?.description).toMatch(/remove the duplicates first/);
  });

  it('gives each partition missing the index its own build and attach', () => {
    const parent = index({ relkind: 'I', isValid: false, name: 'events_kind_idx', tableName: 'events', columns: ['kind'], definition: 'CREATE INDEX events_kind_idx ON ONLY public.events USING btree (kind)' });
    const [f] = evaluateInvalidIndexes([parent], new Set(), 8192, 'shop', [{ parentIndexOid: parent.oid, schema: 'public', partition: 'events_2024' }]);
    expect(f?.fix?.code).toBe(
      'CREATE INDEX CONCURRENTLY events_2024_kind_idx ON public.events_2024 USING btree (kind);\nALTER INDEX public.events_kind_idx ATTACH PARTITION public.events_2024_kind_idx;',
    );
  });
});
