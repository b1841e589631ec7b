import { rule } from '../../../../src/review/rules/sql/drop-column.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'new table', code: 'CREATE TABLE imports (id bigint PRIMARY KEY, scratch text);\nALTER TABLE imports DROP COLUMN scratch;' },
    'ALTER TABLE users DROP CONSTRAINT users_email_key;',
  ],
  invalid: [
    { code: 'ALTER TABLE users DROP COLUMN legacy_login;', errors: [{ line: 1, column: 19, message: 'DROP COLUMN legacy_login on existing table users' }] },
    { code: 'ALTER TABLE users ADD COLUMN a int, DROP COLUMN IF EXISTS b CASCADE, DROP c;', errors: [{ line: 1, column: 37 }, { line: 1, column: 70 }] },
    { code: 'ALTER TABLE "Users" -- note, with a comma\n  DROP COLUMN "Old Name";', errors: [{ line: 2, column: 3, message: '"Old Name" on existing table "Users"' }] },
  ],
});
