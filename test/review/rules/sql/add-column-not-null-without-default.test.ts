import { rule } from '../../../../src/review/rules/sql/add-column-not-null-without-default.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    "ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en';",
    'ALTER TABLE users ADD COLUMN locale text;',
    'ALTER TABLE users ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
    'ALTER TABLE users ADD COLUMN n bigserial NOT NULL;',
    'ALTER TABLE users ADD COLUMN total numeric NOT NULL GENERATED ALWAYS AS (price * qty) STORED;',
    { name: 'new table', code: 'CREATE TABLE users (id bigint PRIMARY KEY);\nALTER TABLE users ADD COLUMN locale text NOT NULL;' },
  ],
  invalid: [
    { code: 'ALTER TABLE users ADD COLUMN locale text NOT NULL;', errors: [{ line: 1, column: 42, message: 'ADD COLUMN locale NOT NULL without a DEFAULT on existing table users' }] },
    { code: 'ALTER TABLE users ADD COLUMN locale text DEFAULT NULL NOT NULL;', errors: [{ line: 1, column: 55 }] },
    { code: 'ALTER TABLE users\n  ADD COLUMN a int,\n  ADD COLUMN id bigint PRIMARY KEY;', errors: [{ line: 3, column: 24, message: 'PRIMARY KEY' }] },
  ],
});
