import { rule } from '../../../../src/review/rules/sql/detach-partition-concurrently.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;',
    'ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;',
    { name: 'table new in this file', code: 'CREATE TABLE events (at timestamptz) PARTITION BY RANGE (at);\nALTER TABLE events DETACH PARTITION events_2020;' },
  ],
  invalid: [
    { code: 'ALTER TABLE events DETACH PARTITION events_2020;', errors: [{ line: 1, column: 20, message: 'DETACH PARTITION events_2020 takes an ACCESS EXCLUSIVE lock ' }] },
    { code: 'ALTER TABLE events DETACH PARTITION events_2020;', options: { pgVersion: 13 }, errors: [{ line: 1, column: 20, message: 'DETACH PARTITION events_2020 takes an ACCESS EXCLUSIVE lock ' }] },
  ],
});
