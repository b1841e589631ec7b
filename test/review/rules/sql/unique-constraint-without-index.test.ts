import { rule } from '../../../../src/review/rules/sql/unique-constraint-without-index.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;',
    { name: 'new table', code: 'CREATE TABLE users (id bigint, email text);\nALTER TABLE users ADD PRIMARY KEY (id), ADD UNIQUE (email);' },
  ],
  invalid: [
    { code: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', errors: [{ line: 1, column: 23, message: 'ADD UNIQUE (email) on existing table users' }] },
    { code: 'ALTER TABLE users ADD PRIMARY KEY (id);', errors: [{ line: 1, column: 23, message: 'ADD PRIMARY KEY (id)' }] },
  ],
});
