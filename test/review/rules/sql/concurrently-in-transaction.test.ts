import { rule } from '../../../../src/review/rules/sql/concurrently-in-transaction.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'a file of one statement runs on its own even when files are wrapped', code: 'VACUUM orders;', options: { assumeInTransaction: true } },
    { name: 'files not wrapped', code: "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);", options: { assumeInTransaction: false } },
    { name: 'dbmate transaction:false', code: "-- migrate:up transaction:false\nSET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);" },
    { name: 'COMMIT ends the tool transaction first', code: 'COMMIT;\nCREATE UNIQUE INDEX CONCURRENTLY t_a_idx ON t (a);\nBEGIN;\nALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_idx;', options: { assumeInTransaction: true } },
    'BEGIN;\nREINDEX (CONCURRENTLY false) TABLE t;\nCOMMIT;',
    'CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);',
    'BEGIN;\nCREATE INDEX orders_placed_idx ON orders (placed_at);\nCOMMIT;',
    'BEGIN;\nALTER TABLE t ADD COLUMN x int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY t_x ON t (x);',
  ],
  invalid: [
    { name: 'in a file the tool wraps (no transaction control of its own)', code: "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);", errors: [{ line: 2, column: 1, message: 'in a file the migration tool runs as one transaction' }] },
    {
      name: 'VACUUM, CREATE DATABASE and REINDEX DATABASE in a transaction',
      code: 'BEGIN;\nVACUUM orders;\nCREATE DATABASE analytics;\nREINDEX DATABASE app;\nCOMMIT;',
      errors: [{ line: 2, column: 1, message: 'VACUUM' }, { line: 3, column: 1, message: 'CREATE DATABASE' }, { line: 4, column: 1, message: 'REINDEX DATABASE' }],
    },
    { name: 'ADD VALUE before PostgreSQL 12', code: "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nCOMMIT;", options: { pgVersion: 11 }, errors: [{ line: 2, column: 1, message: 'before PostgreSQL 12' }] },
    { code: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);\nCOMMIT;', errors: [{ line: 2, column: 1, message: 'CREATE INDEX CONCURRENTLY inside the transaction block opened on line 1' }] },
    {
      code: 'START TRANSACTION;\nDROP INDEX CONCURRENTLY a;\nREINDEX INDEX CONCURRENTLY b;\nALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;\nCOMMIT;',
      errors: [
        { line: 2, column: 1, message: 'DROP INDEX CONCURRENTLY' },
        { line: 3, column: 1, message: 'REINDEX CONCURRENTLY' },
        { line: 4, column: 1, message: 'DETACH PARTITION CONCURRENTLY' },
      ],
    },
  ],
});
