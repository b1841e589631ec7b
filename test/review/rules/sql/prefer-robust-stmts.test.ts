import { rule } from '../../../../src/review/rules/sql/prefer-robust-stmts.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE t ADD COLUMN c text;',
    { name: 'explicit transaction', code: 'BEGIN;\nALTER TABLE t ADD COLUMN c text;\nDROP TABLE u;\nCOMMIT;', options: { assumeInTransaction: false } },
    { name: 're-runnable statements', code: 'CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);\nALTER TABLE t ADD COLUMN IF NOT EXISTS c text;\nDROP INDEX CONCURRENTLY IF EXISTS t_c_idx;\nCREATE INDEX CONCURRENTLY t_c_idx ON t (c);', options: { assumeInTransaction: false } },
    { name: 'drop then add a constraint', code: 'ALTER TABLE t DROP CONSTRAINT IF EXISTS t_c_key;\nALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_idx;', options: { assumeInTransaction: false } },
    { name: 'temporary table dropped on commit', code: 'CREATE TEMP TABLE scratch (id int) ON COMMIT DROP;', options: { assumeInTransaction: false } },
  ],
  invalid: [
    { code: 'SELECT 1;\nALTER TABLE t ADD COLUMN c text;', options: { assumeInTransaction: false }, errors: [{ line: 2, column: 1, message: 'ADD COLUMN outside a transaction without IF NOT EXISTS' }] },
    { code: 'CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX t_c_idx ON t (c);\nDROP TABLE u;', options: { assumeInTransaction: false }, errors: [{ line: 1, column: 1, message: 'CREATE TABLE outside a transaction without IF NOT EXISTS' }, { line: 2, column: 1 }, { line: 3, column: 1 }] },
    { code: 'ALTER TABLE t ENABLE ROW LEVEL SECURITY;', options: { assumeInTransaction: false }, errors: [{ line: 1, column: 1, message: 'ALTER TABLE outside a transaction without one' }] },
    { code: '-- migrate:up transaction:false\nALTER TABLE t DROP COLUMN c;', errors: [{ line: 2, column: 1, message: 'DROP COLUMN outside a transaction without IF EXISTS' }] },
  ],
});
