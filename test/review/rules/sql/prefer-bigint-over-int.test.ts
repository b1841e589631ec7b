import { rule } from '../../../../src/review/rules/sql/prefer-bigint-over-int.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE users (id bigint PRIMARY KEY, n int8);',
    'CREATE TABLE users (id bigserial PRIMARY KEY, n smallint);',
    { name: 'an int4 primary key is prefer-bigint-primary-key\'s', code: 'CREATE TABLE users (id int PRIMARY KEY);' },
  ],
  invalid: [
    { code: 'CREATE TABLE users (id bigint PRIMARY KEY, n int, m integer, s serial);', errors: [{ line: 1, column: 46, message: 'users.n is integer (32-bit)' }, { line: 1, column: 53 }, { line: 1, column: 64 }] },
    { code: 'CREATE TABLE users (id bigint PRIMARY KEY, ids int4[]);', errors: [{ line: 1, column: 48, message: 'users.ids is integer[] (32-bit)' }] },
    { code: 'ALTER TABLE users ADD COLUMN n integer;', errors: [{ line: 1, column: 32, message: 'users.n is integer (32-bit)' }] },
  ],
});
