import { rule } from '../../../../src/review/rules/sql/prefer-bigint-over-smallint.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE users (id bigint PRIMARY KEY, n int8, m integer);',
  ],
  invalid: [
    { code: 'CREATE TABLE users (id bigint PRIMARY KEY, n smallint, m int2, s smallserial);', errors: [{ line: 1, column: 46, message: 'users.n is smallint (16-bit)' }, { line: 1, column: 58 }, { line: 1, column: 66 }] },
    { code: 'CREATE TABLE users (id smallint PRIMARY KEY);', errors: [{ line: 1, column: 24, message: 'users.id is smallint (16-bit)' }] },
  ],
});
