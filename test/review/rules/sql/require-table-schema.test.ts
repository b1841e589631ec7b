import { rule } from '../../../../src/review/rules/sql/require-table-schema.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE public.t (id bigint PRIMARY KEY);',
    'ALTER TABLE public.t ADD COLUMN name text;',
    'DROP TABLE public.t;',
    'CREATE TEMP TABLE scratch (id int);',
    'CREATE TABLE public.t2 AS SELECT 1 AS x;',
  ],
  invalid: [
    { code: 'CREATE TABLE t (id bigint PRIMARY KEY);', errors: [{ line: 1, column: 14, message: 'table t is not schema-qualified' }] },
    { code: 'ALTER TABLE t ADD COLUMN name text;', errors: [{ line: 1, column: 13, message: 'table t is not schema-qualified' }] },
    { code: 'DROP TABLE t;', errors: [{ line: 1, column: 1, message: 'table t is not schema-qualified' }] },
    { code: 'CREATE TABLE t2 AS SELECT 1 AS x;', errors: [{ line: 1, column: 14, message: 'table t2 is not schema-qualified' }] },
  ],
});
