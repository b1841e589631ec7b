import { rule } from '../../../../src/review/rules/sql/drop-database.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'DROP TABLE IF EXISTS t;',
    'CREATE DATABASE analytics;',
  ],
  invalid: [
    { code: 'DROP DATABASE legacy;', errors: [{ line: 1, column: 1, message: 'DROP DATABASE legacy' }] },
    { code: 'SELECT 1;\nDROP DATABASE IF EXISTS "old db";', errors: [{ line: 2, column: 1, message: 'DROP DATABASE "old db"' }] },
  ],
});
