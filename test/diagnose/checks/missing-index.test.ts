import { beforeAll, describe, expect, it } from 'vitest';
import { filtersByTable, indexName, seqScanHeavy, suggestIndex } from '../../../src/diagnose/checks/missing-index.js';
import { loadParser } from '../../../src/diagnose/_sql-parse.js';
import { column, index, statement, T, table } from '../_fixtures.js';

beforeAll(() => loadParser());

const orders = table({ oid: 1, name: 'orders', reltuples: 1_000_000, nLiveTup: 1_000_000 });
const users = table({ oid: 2, name: 'users', reltuples: 50_000 });
const cols = new Map([
  [1, [column({ tableOid: 1, name: 'id' }), column({ tableOid: 1, name: 'customer_id', nDistinct: 40_000 }), column({ tableOid: 1, name: 'status', nDistinct: 5 }), column({ tableOid: 1, name: 'paid', nDistinct: 2 }), column({ tableOid: 1, name: 'created_at', nDistinct: -0.9 })]],
  [2, [column({ tableOid: 2, name: 'id' }), column({ tableOid: 2, name: 'email', nDistinct: -1 })]],
]);

describe('missing-index', () => {
  it.each([
    ['small table', table({ reltuples: 5000, nLiveTup: 5000, seqScan: 100, seqTupRead: 500_000 }), false],
    ['large, mostly index reads', table({ seqScan: 10, seqTupRead: 10_000_000, idxScan: 1e8, idxTupFetch: 1e8 }), false],
    ['large, a couple of scans', table({ seqScan: 2, seqTupRead: 2_000_000 }), false],
    ['large, mostly sequential reads', table({ seqScan: 50, seqTupRead: 50_000_000, idxTupFetch: 1000 }), true],
    ['partitioned parent (no storage)', table({ relkind: 'p', seqScan: 50, seqTupRead: 50_000_000 }), false],
  ] as const)('%s', (_n, t, heavy) => {
    expect(seqScanHeavy(t, T) !== null).toBe(heavy);
  });

  it('suggests equality columns (most selective first), then one range column, skipping near-constant columns', () => {
    const q = 'SELECT * FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.status = $1 AND o.paid AND o.created_at > $2 AND u.email = $3';
    const filters = filtersByTable([statement({ queryid: '7', query: q, totalMs: 800 })], 1000, [orders, users], cols);
    const s = suggestIndex(orders, filters.get(1) ?? [], cols.get(1) ?? [], []);
    expect(s && 'columns' in s ? s.columns : null).toEqual(['status', 'created_at']);
    expect(s && 'columns' in s ? s.lowCardinality : null).toEqual(['paid']);
    expect(s && 'sql' in s ? s.sql : null).toBe('CREATE INDEX CONCURRENTLY orders_status_created_at_idx ON public.orders (status, created_at);');
    const u = suggestIndex(users, filters.get(2) ?? [], cols.get(2) ?? [], []);
    expect(u && 'columns' in u ? u.columns : null).toEqual(['email']);
  });

  it('falls back to the join column when nothing else filters the table', () => {
    const filters = filtersByTable([statement({ query: 'SELECT * FROM users u JOIN orders o ON o.customer_id = u.id WHERE u.email = $1' })], 1000, [orders, users], cols);
    const s = suggestIndex(orders, filters.get(1) ?? [], cols.get(1) ?? [], []);
    expect(s && 'columns' in s ? s.columns : null).toEqual(['customer_id']);
  });

  it('defers to an existing index that already leads with the column', () => {
    const filters = filtersByTable([statement({ query: 'SELECT * FROM orders WHERE customer_id = $1' })], 1000, [orders, users], cols);
    const s = suggestIndex(orders, filters.get(1) ?? [], cols.get(1) ?? [], [index({ tableOid: 1, name: 'orders_customer_idx', columns: ['customer_id'] })]);
    expect(s && 'coveredBy' in s ? s.coveredBy.name : null).toBe('orders_customer_idx');
  });

  it('ignores statements the parser rejects and relations it cannot resolve', () => {
    const filters = filtersByTable(
      [statement({ query: '<insufficient privilege>' }), statement({ queryid: '2', query: 'SELECT * FROM elsewhere WHERE x = $1' })],
      1000,
      [orders],
      cols,
    );
    expect(filters.size).toBe(0);
  });

  it('does not reuse a name another index already has', () => {
    const filters = filtersByTable([statement({ query: 'SELECT * FROM orders WHERE status = $1' })], 1000, [orders, users], cols);
    const s = suggestIndex(orders, filters.get(1) ?? [], cols.get(1) ?? [], [index({ tableOid: 1, name: 'orders_status_idx', columns: ['id', 'status'] })]);
    expect(s && 'indexName' in s ? s.indexName : null).toBe('orders_status_idx1');
  });

  it('names indexes within PostgreSQL\'s 63-byte limit', () => {
    expect(indexName('t', ['a', 'b'])).toBe('t_a_b_idx');
    expect(indexName('x'.repeat(70), ['col']).length).toBe(63);
    expect(indexName('x'.repeat(70), ['col'], '2')).toMatch(/_idx2$/);
    expect(indexName('x'.repeat(70), ['col'], '2').length).toBe(63);
  });
});
