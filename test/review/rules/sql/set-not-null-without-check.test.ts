import { rule } from '../../../../src/review/rules/sql/set-not-null-without-check.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    {
      name: 'VALIDATE then SET NOT NULL, the CHECK added by a migration outside the reviewed files',
      code: 'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_not_null;',
    },
    {
      name: 'validated CHECK in earlier migrations',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;' },
        { path: 'm/0002.sql', text: 'ALTER TABLE users VALIDATE CONSTRAINT email_nn;' },
        { path: 'm/0003.sql', text: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT email_nn;' },
      ],
    },
    {
      name: 'PostgreSQL 18 NOT NULL NOT VALID, validated',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE users ADD CONSTRAINT email_nn NOT NULL email NOT VALID;' },
        { path: 'm/0002.sql', text: 'ALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
      ],
    },
    { name: 'new table', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
  ],
  invalid: [
    {
      name: 'validated CHECK, but before PostgreSQL 12',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;' },
        { path: 'm/0002.sql', text: 'ALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
      ],
      options: { pgVersion: 11 },
      errors: [{ file: 'm/0002.sql', line: 2, column: 19, message: 'before PostgreSQL 12 (sql.pgVersion is 11)' }],
    },
    {
      name: 'a validated constraint whose name is about another column',
      code: 'ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      errors: [{ line: 2, column: 19 }],
    },
    {
      name: 'a validated CHECK known to be on another column',
      code: 'ALTER TABLE users ADD CONSTRAINT nn CHECK (name IS NOT NULL) NOT VALID;\nCOMMIT;\nALTER TABLE users VALIDATE CONSTRAINT nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      errors: [{ line: 4, column: 19 }],
    },
    { code: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', errors: [{ line: 1, column: 19, message: 'SET NOT NULL on users.email' }] },
    {
      name: 'CHECK still NOT VALID',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;' },
        { path: 'm/0002.sql', text: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
      ],
      errors: [{ file: 'm/0002.sql', line: 1, column: 19 }],
    },
    {
      name: 'CHECK on another column',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL);' },
        { path: 'm/0002.sql', text: 'ALTER TABLE users ADD COLUMN x int, ALTER COLUMN email SET NOT NULL;' },
      ],
      errors: [{ file: 'm/0002.sql', line: 1, column: 37 }],
    },
  ],
});
