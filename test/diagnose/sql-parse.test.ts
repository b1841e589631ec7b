import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery, loadParser, redactQuery } from '../../src/diagnose/_sql-parse.js';

beforeAll(() => loadParser());

const cols: Record<string, string[]> = { orders: ['id', 'user_id', 'status', 'created_at', 'total'], users: ['id', 'email', 'name'] };
const uses = (sql: string) => analyzeQuery(sql, (rel) => cols[rel.name]).uses.map((u) => `${u.relation.schema ? `${u.relation.schema}.` : ''}${u.relation.name}.${u.column}:${u.kind}`);

describe('WHERE columns from the real parser', () => {
  it.each([
    ['equality and range', 'SELECT * FROM orders WHERE user_id = $1 AND created_at >= $2', ['orders.user_id:eq', 'orders.created_at:range']],
    ['constant on the left', 'SELECT * FROM orders WHERE $1 = status', ['orders.status:eq']],
    ['IN list and = ANY', 'SELECT * FROM orders WHERE status IN ($1, $2) AND id = ANY($3)', ['orders.status:in', 'orders.id:in']],
    ['BETWEEN, IS NULL, LIKE', "SELECT * FROM users WHERE id BETWEEN $1 AND $2 AND name IS NULL AND email LIKE 'a%'", ['users.id:range', 'users.name:null', 'users.email:like']],
    ['aliases and joins', 'SELECT * FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1', ['users.id:join', 'orders.user_id:join', 'users.email:eq']],
    ['unqualified columns resolved through the catalog', 'SELECT * FROM orders, users WHERE orders.user_id = users.id AND email = $1', ['orders.user_id:join', 'users.id:join', 'users.email:eq']],
    ['same-column OR is an IN', 'SELECT * FROM orders WHERE status = $1 OR status = $2', ['orders.status:in']],
    ['mixed OR uses no single index', 'SELECT * FROM orders WHERE status = $1 OR total > $2', []],
    ['functions and casts on the column are not indexable as is', 'SELECT * FROM users WHERE lower(email) = $1 AND id::text = $2', []],
    ['subqueries and CTEs', 'WITH recent AS (SELECT * FROM orders WHERE created_at > $1) SELECT * FROM users WHERE id IN (SELECT user_id FROM recent WHERE status = $2)', ['orders.created_at:range', 'users.id:in']],
    ['correlated EXISTS', 'SELECT * FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status = $1)', ['orders.user_id:join', 'users.id:join', 'orders.status:eq']],
    ['UPDATE and DELETE', 'UPDATE orders SET status = $1 WHERE id = $2', ['orders.id:eq']],
    ['schema-qualified', 'DELETE FROM public.orders WHERE user_id = $1', ['public.orders.user_id:eq']],
  ] as const)('%s', (_n, sql, expected) => {
    expect(uses(sql)).toEqual(expected);
  });

  it('classifies statements and counts parameters', () => {
    expect(analyzeQuery('SELECT * FROM orders WHERE id = $3')).toMatchObject({ kind: 'select', writes: false, params: 3, statements: 1 });
    expect(analyzeQuery('SELECT * FROM orders FOR UPDATE')).toMatchObject({ kind: 'select-locking' });
    expect(analyzeQuery('WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d')).toMatchObject({ kind: 'select', writes: true });
    expect(analyzeQuery('VACUUM orders')).toMatchObject({ kind: 'utility' });
    expect(analyzeQuery('SELECT 1; SELECT 2').statements).toBe(2);
    expect(() => analyzeQuery('SELEC 1')).toThrow();
  });

  it('redacts literals from query text, even text the parser cannot read', () => {
    expect(redactQuery("SELECT * FROM users WHERE email = 'a@b.c' AND id = 42")).toBe('SELECT * FROM users WHERE email = $1 AND id = $2');
    expect(redactQuery("SELECT * FROM users WHERE token = 'abc123def")).toBe('SELECT * FROM users WHERE token = $?');
    expect(redactQuery('SELECT 1 FROM t WHERE a = $$secret$$ AND b = 3.5 AND c = E\'x\'')).toBe('SELECT $1 FROM t WHERE a = $2 AND b = $3 AND c = $4');
    expect(redactQuery('SELECT ' + 'x, '.repeat(200) + '1', 50)).toHaveLength(50);
  });
});

describe('hostile query text', () => {
  it('a 100 KB chain of operators is refused with a clear error instead of overflowing the stack', async () => {
    const { analyzeQuery, QueryTooDeepError, loadParser: load } = await import('../../src/diagnose/_sql-parse.js');
    await load();
    const deep = `SELECT ${Array.from({ length: 25_000 }, () => '1').join(' + ')}`;
    expect(deep.length).toBeGreaterThan(100_000);
    expect(() => analyzeQuery(deep)).toThrow(QueryTooDeepError);
    // Wide is fine: 8,000 ANDed conditions are read.
    const wide = `SELECT 1 FROM t WHERE ${Array.from({ length: 8000 }, (_, i) => `a = ${i}`).join(' AND ')}`;
    expect(analyzeQuery(wide).uses).toHaveLength(8000);
  });
});
