import { rule } from '../../../../src/review/rules/sql/drop-table.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'new table', code: 'CREATE TABLE tmp_import (id bigint PRIMARY KEY);\nDROP TABLE tmp_import;' },
    'DROP VIEW legacy_report;',
    'DROP INDEX CONCURRENTLY legacy_idx;',
  ],
  invalid: [
    { code: 'DROP TABLE legacy_sessions;', errors: [{ line: 1, column: 1, message: 'DROP TABLE legacy_sessions' }] },
    { code: 'DROP TABLE IF EXISTS a, app.b CASCADE;', errors: [{ line: 1, column: 1, message: 'DROP TABLE a' }, { line: 1, column: 1, message: 'CASCADE' }] },
  ],
});
