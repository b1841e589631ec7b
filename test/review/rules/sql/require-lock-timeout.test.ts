import { rule } from '../../../../src/review/rules/sql/require-lock-timeout.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'VACUUM (FULL false) orders;',
    "VACUUM (FULL 'off') orders;",
    "SET lock_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;",
    "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
    "SELECT set_config('lock_timeout', '5s', false);\nALTER TABLE orders ADD COLUMN note text;",
    "SET LOCAL lock_timeout TO 5000;\nALTER TABLE orders ADD COLUMN note text;",
    { name: 'only new tables', code: 'CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX ON t (id);\nALTER TABLE t ADD COLUMN x int;' },
    { name: 'weak locks only', code: 'CREATE INDEX CONCURRENTLY i ON orders (x);\nALTER TABLE orders VALIDATE CONSTRAINT c;\nUPDATE orders SET x = 1 WHERE id = 1;' },
  ],
  invalid: [
    { name: 'a timeout of an hour protects nothing', code: "SET lock_timeout = '1h';\nALTER TABLE orders ADD COLUMN note text;", errors: [{ line: 2, column: 1, message: "lock_timeout set to '1h', longer than 60 s" }] },
    { name: 'REINDEX (CONCURRENTLY false) is not concurrent', code: 'REINDEX (CONCURRENTLY false) TABLE orders;', errors: [{ line: 1, column: 1, message: 'ACCESS EXCLUSIVE lock on existing table orders' }] },
    { name: 'VACUUM (FULL) is', code: 'VACUUM (FULL) orders;', errors: [{ line: 1, column: 1 }] },
    { code: 'ALTER TABLE orders ADD COLUMN note text;', errors: [{ line: 1, column: 1, message: 'ALTER TABLE takes an ACCESS EXCLUSIVE lock on existing table orders with no lock_timeout' }] },
    { name: 'one finding per file, counting the statements', code: '-- m\nCREATE INDEX ON orders (x);\nDROP TABLE legacy;', errors: [{ line: 2, column: 1, message: 'a SHARE lock on existing table orders with no lock_timeout set before it in this file (2 statements' }] },
    { name: 'set too late', code: "ALTER TABLE orders ADD COLUMN a int;\nSET lock_timeout = '5s';", errors: [{ line: 1, column: 1 }] },
    { name: 'set to 0 means no timeout', code: "SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN a int;", errors: [{ line: 2, column: 1 }] },
    { name: 'reset', code: "SET lock_timeout = '5s';\nRESET lock_timeout;\nTRUNCATE orders;", errors: [{ line: 3, column: 1 }] },
    { name: 'SET LOCAL ends with its transaction', code: "BEGIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN a int;\nCOMMIT;\nALTER TABLE orders ADD COLUMN b int;", errors: [{ line: 5, column: 1 }] },
    { name: 'foreign key from a new table to an existing one', code: 'CREATE TABLE notes (id bigint PRIMARY KEY, order_id bigint REFERENCES orders);', errors: [{ line: 1, column: 1, message: 'SHARE ROW EXCLUSIVE lock on existing table orders' }] },
  ],
});
