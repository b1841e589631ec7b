import { rule } from '../../../../src/review/rules/sql/enum-value-ordering.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TYPE mood ADD VALUE \'meh\' BEFORE \'ok\';',
    'ALTER TYPE mood ADD VALUE \'ecstatic\' AFTER \'happy\';',
    'ALTER TYPE mood RENAME VALUE \'sad\' TO \'unhappy\';',
  ],
  invalid: [
    { code: 'ALTER TYPE mood ADD VALUE \'meh\';', errors: [{ line: 1, column: 1, message: 'ADD VALUE \'meh\' to mood without BEFORE or AFTER puts it last' }] },
    { code: 'ALTER TYPE app.mood ADD VALUE IF NOT EXISTS \'meh\';', errors: [{ line: 1, column: 1, message: 'ADD VALUE \'meh\' to app.mood without BEFORE or AFTER puts it ' }] },
  ],
});
