import { describe, expect, it } from 'vitest';
import { estimateTableBloat } from '../../../src/diagnose/_bloat.js';
import { evaluateTableBloat } from '../../../src/diagnose/checks/table-bloat.js';
import { column, T, table } from '../_fixtures.js';

// Three columns averaging 8 + 4 + 33 bytes: about 80 bytes a row with header and item pointer, ~100 rows a page.
const cols = [
  column({ name: 'id', typlen: 8, typalign: 'd', avgWidth: 8 }),
  column({ attnum: 2, name: 'qty', typlen: 4, typalign: 'i', avgWidth: 4 }),
  column({ attnum: 3, name: 'note', typlen: -1, typalign: 'i', avgWidth: 33 }),
];

describe('table-bloat', () => {
  it('estimates the packed size from row widths', () => {
    const e = estimateTableBloat(table({ reltuples: 1_000_000, relpages: 10_000 }), cols, 8192);
    expect(e?.tupleBytes).toBe(72);
    expect(e?.expectedPages).toBeGreaterThan(9000);
    expect(e?.expectedPages).toBeLessThanOrEqual(10_000);
  });

  it.each([
    ['packed', table({ reltuples: 1_000_000, relpages: 10_000 }), null],
    ['half empty, 40 MB wasted: advice', table({ reltuples: 500_000, relpages: 10_000 }), 'info'],
    ['80% empty, 600 MB wasted: warning', table({ reltuples: 1_000_000, relpages: 50_000 * 2 }), 'warning'],
    ['never analyzed', table({ reltuples: -1, relpages: 100_000 }), null],
    ['small and empty', table({ reltuples: 0, relpages: 100 }), null],
  ] as const)('%s', (_n, t, expected) => {
    expect(evaluateTableBloat([t], new Map([[1000, cols]]), 8192, 'shop', T)[0]?.severity ?? null).toBe(expected);
  });

  it('skips tables whose columns have no statistics', () => {
    expect(estimateTableBloat(table(), [column({ avgWidth: null, nullFrac: null })], 8192)).toBeNull();
  });
});
