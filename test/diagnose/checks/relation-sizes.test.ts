import { describe, expect, it } from 'vitest';
import { evaluateSizes, tableSizes } from '../../../src/diagnose/checks/relation-sizes.js';
import { index, T, table } from '../_fixtures.js';

const GB_PAGES = (1024 ** 3) / 8192;

describe('relation-sizes', () => {
  it('lists tables past the threshold, largest first, with TOAST and indexes', () => {
    const sizes = tableSizes(
      [table({ oid: 1, name: 'events', relpages: 20 * GB_PAGES, toastPages: GB_PAGES }), table({ oid: 2, name: 'small', relpages: 100 }), table({ oid: 3, name: 'logs', relpages: 9 * GB_PAGES })],
      [index({ tableOid: 1, relpages: 4 * GB_PAGES }), index({ oid: 3, tableOid: 3, relpages: 12 * GB_PAGES })],
      8192,
    );
    const found = evaluateSizes(sizes, 'shop', T);
    expect(found.map((f) => (f.location.kind === 'object' ? f.location.name : ''))).toEqual(['public.events', 'public.logs']);
    expect(found[0]?.message).toBe('public.events takes 25 GB: table 20 GB, TOAST 1 GB, 1 index 4 GB');
    expect(found[1]?.message).toMatch(/the indexes outweigh the data/);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });

  it('partitioned parents have no storage of their own', () => {
    expect(tableSizes([table({ relkind: 'p', relpages: 0 })], [], 8192)).toEqual([]);
  });
});
