import { rule } from '../../../../src/review/rules/sql/drop-not-null.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    { name: 'new table', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nALTER TABLE users ALTER COLUMN email DROP NOT NULL;' },
  ],
  invalid: [
    { code: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;', errors: [{ line: 1, column: 19, message: 'DROP NOT NULL on users.email' }] },
    { code: 'ALTER TABLE users ADD COLUMN note text,\n  ALTER COLUMN email DROP NOT NULL;', errors: [{ line: 2, column: 3, message: 'DROP NOT NULL on users.email' }] },
  ],
});
