import { rule } from '../../../../src/review/rules/sql/rename-column.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE users ADD COLUMN email_address text;',
    { name: 'new table', code: 'CREATE TABLE users (id bigint PRIMARY KEY, mail text);\nALTER TABLE users RENAME COLUMN mail TO email;' },
    { name: 'renaming a constraint is not a column rename', code: 'ALTER TABLE users RENAME CONSTRAINT a TO b;' },
  ],
  invalid: [
    { code: 'ALTER TABLE users RENAME COLUMN email TO email_address;', errors: [{ line: 1, column: 1, message: 'RENAME COLUMN email TO email_address on existing table users' }] },
    { code: 'SET lock_timeout = 1000;\nALTER TABLE IF EXISTS app.users RENAME email TO mail;', errors: [{ line: 2, column: 1, message: 'app.users' }] },
  ],
});
