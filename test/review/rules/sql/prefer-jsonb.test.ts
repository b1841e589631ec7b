import { rule } from '../../../../src/review/rules/sql/prefer-jsonb.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE t (id bigint PRIMARY KEY, props jsonb);',
    { name: 'a json column converted later', files: [{ path: 'm/0001.sql', text: 'CREATE TABLE t (id bigint PRIMARY KEY, props json);' }, { path: 'm/0002.sql', text: 'ALTER TABLE t ALTER COLUMN props TYPE jsonb;' }] },
  ],
  invalid: [
    { code: 'ALTER TABLE t ADD COLUMN props json;', errors: [{ line: 1, column: 32, message: 't.props is json' }] },
    { code: 'CREATE TABLE t (id bigint PRIMARY KEY, props json NOT NULL, history json[]);', errors: [{ line: 1, column: 46, message: 't.props is json' }, { line: 1, column: 69 }] },
  ],
});
