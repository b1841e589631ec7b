import { rule } from '../../../../src/review/rules/sql/rename-enum-value.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TYPE mood ADD VALUE \'meh\' BEFORE \'ok\';',
    'ALTER TYPE mood RENAME TO feeling;',
  ],
  invalid: [
    { code: 'ALTER TYPE mood RENAME VALUE \'sad\' TO \'unhappy\';', errors: [{ line: 1, column: 1, message: 'RENAME VALUE \'sad\' TO \'unhappy\' on mood' }] },
  ],
});
