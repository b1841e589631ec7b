import { rule } from '../../../../src/review/rules/sql/unique-constraint-without-index.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'inline UNIQUE on a new table', code: 'CREATE TABLE users (id bigint PRIMARY KEY);\nALTER TABLE users ADD COLUMN email text UNIQUE;' },
    'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;',
    { name: 'new table', code: 'CREATE TABLE users (id bigint, email text);\nALTER TABLE users ADD PRIMARY KEY (id), ADD UNIQUE (email);' },
  ],
  invalid: [
    { name: 'inline UNIQUE on ADD COLUMN', code: 'ALTER TABLE users ADD COLUMN email text UNIQUE;', errors: [{ line: 1, column: 41, message: 'ADD COLUMN email … UNIQUE on existing table users' }] },
    { name: 'named inline UNIQUE', code: 'ALTER TABLE users ADD COLUMN email text CONSTRAINT users_email_key UNIQUE;', errors: [{ line: 1, column: 41 }] },
    { name: 'inline PRIMARY KEY on ADD COLUMN', code: 'ALTER TABLE items ADD COLUMN id bigserial PRIMARY KEY;', errors: [{ line: 1, column: 43, message: 'PRIMARY KEY' }] },
    { code: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', errors: [{ line: 1, column: 23, message: 'ADD UNIQUE (email) on existing table users' }] },
    { code: 'ALTER TABLE users ADD PRIMARY KEY (id);', errors: [{ line: 1, column: 23, message: 'ADD PRIMARY KEY (id)' }] },
  ],
});
