import { rule } from '../../../../src/review/rules/sql/no-money.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: ['CREATE TABLE i (total numeric(19,4), currency text);', 'CREATE TABLE i (total_cents bigint);'],
  invalid: [
    { code: 'CREATE TABLE i (id bigint, total money NOT NULL);', errors: [{ line: 1, column: 34, message: 'i.total is money' }] },
    { code: 'ALTER TABLE i ADD COLUMN fee money;', errors: [{ line: 1, column: 30 }] },
  ],
});
