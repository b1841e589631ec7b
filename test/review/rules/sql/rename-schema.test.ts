import { rule } from '../../../../src/review/rules/sql/rename-schema.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE SCHEMA app;',
    'ALTER TABLE app.t RENAME TO u;',
    'ALTER SCHEMA app OWNER TO admin;',
  ],
  invalid: [
    { code: 'ALTER SCHEMA app RENAME TO app_v2;', errors: [{ line: 1, column: 1, message: 'ALTER SCHEMA app RENAME TO app_v2' }] },
  ],
});
