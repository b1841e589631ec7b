import { rule } from '../../../../src/review/rules/sql/drop-index-concurrently.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'DROP INDEX CONCURRENTLY orders_status_idx;',
    { name: 'index created in the same file', code: 'CREATE INDEX CONCURRENTLY tmp_idx ON orders (x);\nDROP INDEX tmp_idx;' },
    { name: 'table created in the same file', code: 'CREATE TABLE t (x int);\nCREATE INDEX t_x ON t (x);\nDROP INDEX t_x;' },
  ],
  invalid: [
    { code: 'DROP INDEX orders_status_idx;', errors: [{ line: 1, column: 1, message: 'ACCESS EXCLUSIVE lock on its table' }] },
    {
      name: 'names the table when the history knows it',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nCREATE INDEX orders_status_idx ON orders (status);' },
        { path: 'm/0002.sql', text: 'DROP INDEX IF EXISTS orders_status_idx;' },
      ],
      errors: [{ file: 'm/0002.sql', line: 1, column: 1, message: 'on table orders' }],
    },
  ],
});
