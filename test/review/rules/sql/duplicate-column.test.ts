import { rule } from '../../../../src/review/rules/sql/duplicate-column.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'UPDATE k SET a = 1, b = 2;',
    'UPDATE k SET a.x = 1, a.y = 2;',
    'UPDATE k SET a[1] = 1, a[2] = 2;',
    'UPDATE k SET "A" = 1, a = 2;',
    'INSERT INTO k (a, b) VALUES (1, 2);',
    'CREATE TABLE t (a int, b int);',
    'CREATE VIEW v (a, b) AS SELECT 1 a, 2 a;',
    'CREATE VIEW v AS SELECT 1 a, 2 b;',
    'CREATE VIEW v AS SELECT * FROM t, u;',
    'SELECT 1 a, 2 a;',
  ],
  invalid: [
    { code: 'UPDATE k SET a = 1, b = 2, a = 3;', errors: [{ line: 1, column: 14, message: 'UPDATE … SET assigns column a more than once' }, { line: 1, column: 28 }] },
    { code: 'UPDATE k SET (a, b) = (1, 2), a = 3;', errors: [{ line: 1, column: 15, message: 'UPDATE … SET assigns column a more than once' }, { line: 1, column: 31 }] },
    { code: 'UPDATE k SET a = row(1, 2), a.x = 1;', errors: [{ line: 1, column: 14, message: 'UPDATE … SET assigns column a more than once' }, { line: 1, column: 29 }] },
    { code: 'INSERT INTO t (a, a) VALUES (1, 2);', errors: [{ line: 1, column: 16, message: 'INSERT column list assigns column a more than once' }, { line: 1, column: 19 }] },
    { code: 'INSERT INTO k VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1, A = 2;', errors: [{ line: 1, column: 57, message: 'ON CONFLICT DO UPDATE SET assigns column a more than once' }, { line: 1, column: 64 }] },
    { code: 'MERGE INTO k USING j ON k.id = j.id WHEN NOT MATCHED THEN INSERT (a, a) VALUES (1, 2);', errors: [{ line: 1, column: 67, message: 'MERGE … INSERT column list assigns column a more than once' }, { line: 1, column: 70 }] },
    { code: 'CREATE TABLE t (\n  a int,\n  a text\n);', errors: [{ line: 2, column: 3, message: 'column a is specified more than once in this table' }, { line: 3, column: 3 }] },
    { code: 'CREATE VIEW v AS SELECT 1, 2;', errors: [{ line: 1, column: 25, message: 'column "?column?" is specified more than once in this view' }, { line: 1, column: 28 }] },
    { code: 'SELECT 1 a, 2 a INTO z;', errors: [{ line: 1, column: 8, message: 'column a is specified more than once in this table' }, { line: 1, column: 13 }] },
  ],
});
