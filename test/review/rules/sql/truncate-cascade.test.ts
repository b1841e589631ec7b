import { rule } from '../../../../src/review/rules/sql/truncate-cascade.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'TRUNCATE a, b;',
    'TRUNCATE a RESTRICT;',
  ],
  invalid: [
    { code: 'TRUNCATE a, b, c CASCADE;', errors: [{ line: 1, column: 1, message: 'TRUNCATE a, b, c CASCADE also truncates every table with a f' }] },
    { code: 'SET lock_timeout = \'1s\';\nTRUNCATE TABLE app.orders CASCADE;', errors: [{ line: 2, column: 1, message: 'TRUNCATE app.orders CASCADE also truncates every table with ' }] },
  ],
});
