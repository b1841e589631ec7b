import { rule } from '../../../../src/review/rules/sql/require-primary-key.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE a (id bigint PRIMARY KEY);',
    'CREATE TABLE a (x int, y int, PRIMARY KEY (x, y));',
    'CREATE TABLE a (id bigint GENERATED ALWAYS AS IDENTITY, CONSTRAINT a_pkey PRIMARY KEY (id));',
    { name: 'key added later in the same file', code: 'CREATE TABLE a (id bigint NOT NULL);\nALTER TABLE a ADD PRIMARY KEY (id);' },
    {
      name: 'key added by a later migration',
      files: [
        { path: 'm/0001_a.sql', text: 'CREATE TABLE a (id bigint NOT NULL);' },
        { path: 'm/0002_pk.sql', text: 'ALTER TABLE a ADD CONSTRAINT a_pkey PRIMARY KEY (id);' },
      ],
    },
    { name: 'dropped tables are not judged', code: 'CREATE TABLE tmp (x int);\nDROP TABLE tmp;' },
    { name: 'partitions take the parent key', code: 'CREATE TABLE p (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\nCREATE TABLE p_2025 PARTITION OF p FOR VALUES FROM (\'2025-01-01\') TO (\'2026-01-01\');' },
    'CREATE TEMPORARY TABLE scratch (x int);',
    { name: 'tables never created here are not judged', code: 'ALTER TABLE legacy ADD COLUMN note text;' },
    { name: 'LIKE copies a key the history cannot see', code: 'CREATE TABLE orders_2 (LIKE orders INCLUDING ALL);' },
    { name: 'materialized views', code: 'CREATE MATERIALIZED VIEW daily AS SELECT 1 AS n;' },
  ],
  invalid: [
    { code: 'CREATE TABLE page_views (url text, at timestamptz);', errors: [{ line: 1, column: 14, message: 'page_views has no primary key' }] },
    { code: '-- events\nCREATE TABLE IF NOT EXISTS app.events (id bigint UNIQUE NOT NULL);', errors: [{ line: 2, column: 28, message: 'app.events' }] },
    { name: 'CREATE TABLE AS', code: 'CREATE TABLE snapshot AS SELECT * FROM orders;', errors: [{ line: 1, column: 14, message: 'snapshot' }] },
    { name: 'key dropped later', code: 'CREATE TABLE a (id bigint PRIMARY KEY);\nALTER TABLE a DROP CONSTRAINT a_pkey;', errors: [{ line: 1, column: 14 }] },
    {
      name: 'renamed table is named by its final name',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE a (x int);' },
        { path: 'm/0002.sql', text: 'ALTER TABLE a RENAME TO b;' },
      ],
      errors: [{ file: 'm/0001.sql', line: 1, column: 14, message: 'table b has' }],
    },
  ],
});
