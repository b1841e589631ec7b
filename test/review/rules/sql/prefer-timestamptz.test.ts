import { rule } from '../../../../src/review/rules/sql/prefer-timestamptz.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE p (at timestamptz, b timestamp with time zone, c timestamptz(3));',
    'CREATE TABLE p (d date, t time);',
    {
      name: 'converted by a later migration',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE p (at timestamp);' },
        { path: 'm/0002.sql', text: "SET TIME ZONE 'UTC';\nALTER TABLE p ALTER COLUMN at TYPE timestamptz;" },
      ],
    },
    { name: 'dropped column', code: 'CREATE TABLE p (at timestamp, id int);\nALTER TABLE p DROP COLUMN at;' },
  ],
  invalid: [
    { code: 'CREATE TABLE p (id int, paid_at timestamp NOT NULL);', errors: [{ line: 1, column: 33, message: 'p.paid_at is timestamp (without time zone)' }] },
    { code: 'CREATE TABLE p (a timestamp without time zone, b timestamp(3)[]);', errors: [{ line: 1, column: 19 }, { line: 1, column: 50, message: 'timestamp(3)[]' }] },
    { code: 'ALTER TABLE p ADD COLUMN seen_at timestamp;', errors: [{ line: 1, column: 34 }] },
  ],
});
