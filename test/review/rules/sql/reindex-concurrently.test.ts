import { rule } from '../../../../src/review/rules/sql/reindex-concurrently.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'REINDEX TABLE CONCURRENTLY foo;',
    'REINDEX (CONCURRENTLY) INDEX foo_idx;',
    'REINDEX SYSTEM app;',
    { name: 'table new in this file', code: 'CREATE TABLE foo (id bigint PRIMARY KEY);\nREINDEX TABLE foo;' },
  ],
  invalid: [
    { code: 'REINDEX TABLE foo;', errors: [{ line: 1, column: 1, message: 'REINDEX TABLE foo without CONCURRENTLY locks out writes to t' }] },
    { code: 'REINDEX INDEX foo_idx;', errors: [{ line: 1, column: 1, message: 'REINDEX INDEX foo_idx without CONCURRENTLY locks out writes ' }] },
    { code: 'REINDEX (CONCURRENTLY false) SCHEMA app;', errors: [{ line: 1, column: 1, message: 'REINDEX SCHEMA app without CONCURRENTLY locks out writes to ' }] },
    { code: 'REINDEX DATABASE app;', options: { pgVersion: 11 }, errors: [{ line: 1, column: 1, message: 'REINDEX DATABASE app without CONCURRENTLY locks out writes t' }] },
  ],
});
