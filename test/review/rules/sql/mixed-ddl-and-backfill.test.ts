import { rule } from '../../../../src/review/rules/sql/mixed-ddl-and-backfill.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE users ADD COLUMN display_name text;',
    "UPDATE users SET display_name = name WHERE id BETWEEN 1 AND 1000;",
    { name: 'new table filled from an existing one', code: 'CREATE TABLE archive (id bigint PRIMARY KEY, body text);\nINSERT INTO archive SELECT id, body FROM messages;' },
    { name: 'seed rows', code: "ALTER TABLE plans ADD COLUMN tier text;\nINSERT INTO plans (name, tier) VALUES ('free', 'basic');" },
    { name: 'separate transaction blocks', code: 'BEGIN;\nALTER TABLE users ADD COLUMN d text;\nCOMMIT;\nBEGIN;\nUPDATE users SET d = name;\nCOMMIT;' },
    { name: 'LOCK TABLE is not a schema change', code: 'LOCK TABLE users IN SHARE MODE;\nUPDATE users SET d = name;' },
  ],
  invalid: [
    {
      code: "ALTER TABLE users ADD COLUMN display_name text;\nUPDATE users SET display_name = first_name || ' ' || last_name;",
      errors: [{ line: 2, column: 1, message: 'UPDATE in the same migration (one transaction) as the schema change on line 1: its ACCESS EXCLUSIVE lock on users' }],
    },
    { name: 'backfill first', code: 'DELETE FROM sessions WHERE expired;\nALTER TABLE sessions DROP COLUMN legacy;', errors: [{ line: 1, column: 1, message: 'later schema change on line 2' }] },
    { name: 'inside an explicit block', code: 'BEGIN;\nCREATE INDEX ON orders (x);\nINSERT INTO orders_archive SELECT * FROM orders WHERE old;\nCOMMIT;', errors: [{ line: 3, column: 1, message: 'INSERT … SELECT in the same transaction block' }] },
  ],
});
