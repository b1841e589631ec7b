import { rule } from '../../../../src/review/rules/sql/require-statement-timeout.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    "SET statement_timeout = '15min';\nALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;",
    'CREATE TABLE t (id bigint PRIMARY KEY);',
  ],
  invalid: [
    { code: "SET lock_timeout = '5s';\nALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;", errors: [{ line: 2, column: 1, message: 'no statement_timeout' }] },
    { code: "SET statement_timeout = '0';\nLOCK TABLE orders IN ACCESS EXCLUSIVE MODE;", errors: [{ line: 2, column: 1, message: 'LOCK TABLE' }] },
  ],
});
