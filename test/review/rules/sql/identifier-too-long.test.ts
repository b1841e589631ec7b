import { rule } from '../../../../src/review/rules/sql/identifier-too-long.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE table_very_long_very_long_very_long_very_long_very_long_very_lo (id bigint PRIMARY KEY);',
    'CREATE TABLE short_name (col bigint PRIMARY KEY);',
  ],
  invalid: [
    { code: 'CREATE TABLE t (column_very_long_very_long_very_long_very_long_very_long_very_long bigint);', errors: [{ line: 1, column: 17, message: 'identifier "column_very_long_very_long_very_long_very_long_v' }] },
    { code: 'CREATE INDEX CONCURRENTLY "index_very_long_very_long_very_long_very_long_very_long_very_long" ON t (c);', errors: [{ line: 1, column: 27, message: 'identifier "index_very_long_very_long_very_long_very_long_ve' }] },
    { code: 'CREATE TABLE "ééééééééééééééééééééééééééééééééé" (id bigint PRIMARY KEY);', errors: [{ line: 1, column: 14, message: 'identifier "ééééééééééééééééééééééééééééééééé" is 66 bytes' }] },
  ],
});
