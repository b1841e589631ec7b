import { rule } from '../../../../src/review/rules/sql/index-too-many-columns.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY t_abc_idx ON t (a, b, c);',
    'CREATE UNIQUE INDEX CONCURRENTLY t_abcd_key ON t (a, b, c, d);',
    'CREATE INDEX CONCURRENTLY t_ab_idx ON t (a, b) INCLUDE (c, d);',
  ],
  invalid: [
    { code: 'CREATE INDEX CONCURRENTLY t_abcd_idx ON t (a, b, c, d);', errors: [{ line: 1, column: 1, message: 'index t_abcd_idx on t has 4 key columns' }] },
  ],
});
