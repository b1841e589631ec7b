import { rule } from '../../../../src/review/rules/sql/prefer-bigint-primary-key.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    'CREATE TABLE orders (id bigserial PRIMARY KEY);',
    'CREATE TABLE statuses (id smallint PRIMARY KEY, name text);',
    'CREATE TABLE members (group_id int, user_id int, PRIMARY KEY (group_id, user_id));',
    'CREATE TABLE orders (id uuid PRIMARY KEY);',
    {
      name: 'widened by a later migration',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE orders (id int PRIMARY KEY);' },
        { path: 'm/0002.sql', text: 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;' },
      ],
    },
  ],
  invalid: [
    { code: 'CREATE TABLE orders (id serial PRIMARY KEY);', errors: [{ line: 1, column: 25, message: 'primary key orders.id is serial (int4)' }] },
    { code: 'CREATE TABLE orders (\n  id integer NOT NULL,\n  CONSTRAINT orders_pkey PRIMARY KEY (id)\n);', errors: [{ line: 2, column: 6, message: 'integer' }] },
    { name: 'key added later', code: 'CREATE TABLE orders (id int4 NOT NULL);\nALTER TABLE orders ADD PRIMARY KEY (id);', errors: [{ line: 1, column: 25 }] },
  ],
});
