import { describe, expect, it } from 'vitest';
import { reviewSql } from '../../../../src/review/sql/index.js';
import { rule } from '../../../../src/review/rules/sql/create-index-concurrently.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);',
    { name: 'table created earlier in the same file', code: 'CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);\nCREATE INDEX ON orders (placed_at);' },
    { name: 'materialized view created in the same file', code: 'CREATE MATERIALIZED VIEW daily AS SELECT 1 AS n;\nCREATE UNIQUE INDEX ON daily (n);' },
    { name: 'table created and renamed in the same file', code: 'CREATE TABLE a (x int);\nALTER TABLE a RENAME TO b;\nCREATE INDEX ON b (x);' },
  ],
  invalid: [
    { code: 'CREATE INDEX orders_placed_idx ON orders (placed_at);', errors: [{ line: 1, column: 1, message: 'existing table orders without CONCURRENTLY' }] },
    { code: 'SELECT 1;\n  CREATE UNIQUE INDEX ON public.users (lower(email));', errors: [{ line: 2, column: 3, message: 'CREATE UNIQUE INDEX' }] },
    {
      name: 'table created in an earlier file',
      files: [
        { path: 'm/0001_init.sql', text: 'CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz);' },
        { path: 'm/0002_idx.sql', text: 'CREATE INDEX ON orders (placed_at);' },
      ],
      errors: [{ file: 'm/0002_idx.sql', line: 1, column: 1 }],
    },
    {
      name: 'partitioned table',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE m (id bigint, at date) PARTITION BY RANGE (at);' },
        { path: 'm/0002.sql', text: 'CREATE INDEX m_at ON m (at);' },
      ],
      errors: [{ file: 'm/0002.sql', line: 1, column: 1, message: 'partitioned table' }],
    },
  ],
});

describe('sql/create-index-concurrently fix', () => {
  it('rewrites the statement with CONCURRENTLY', async () => {
    const { findings } = await reviewSql([{ path: 'm/0002.sql', text: 'CREATE UNIQUE INDEX IF NOT EXISTS "é_idx" ON orders (ref);\n' }], [rule]);
    expect(findings[0]?.fix?.code).toBe('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "é_idx" ON orders (ref);');
  });
});
