import { describe, expect, it } from 'vitest';
import { estimateBtreeBloat } from '../../../src/diagnose/_bloat.js';
import { evaluateIndexBloat } from '../../../src/diagnose/checks/index-bloat.js';
import { column, index, T, table } from '../_fixtures.js';

const cols = [column({ name: 'id', typlen: 8, typalign: 'd', avgWidth: 8 })];
const t = table();

describe('index-bloat', () => {
  it('estimates a bigint btree at about 16 bytes an entry plus its item pointer', () => {
    const e = estimateBtreeBloat(index({ columns: ['id'], reltuples: 1_000_000, relpages: 2800 }), cols, t, 8192);
    expect(e?.tupleBytes).toBe(16);
    expect(e?.ratio).toBeLessThan(0.1);
  });

  it.each([
    ['fresh', index({ columns: ['id'], reltuples: 1_000_000, relpages: 2800 }), null],
    ['three quarters empty', index({ columns: ['id'], reltuples: 1_000_000, relpages: 11_000 }), 'info'],
    ['expression index (no column statistics to use)', index({ columns: [null], relpages: 11_000 }), null],
    ['not a btree', index({ columns: ['id'], am: 'gin', relpages: 11_000 }), null],
  ] as const)('%s', (_n, i, expected) => {
    expect(evaluateIndexBloat([i], new Map([[1000, t]]), new Map([[1000, cols]]), 8192, 'shop', T)[0]?.severity ?? null).toBe(expected);
  });
});
