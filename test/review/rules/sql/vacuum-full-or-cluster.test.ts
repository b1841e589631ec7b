import { rule } from '../../../../src/review/rules/sql/vacuum-full-or-cluster.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'VACUUM foo;',
    'VACUUM (FULL false) foo;',
    'VACUUM (FULL off, ANALYZE) foo;',
    'VACUUM ANALYZE foo;',
    { name: 'table new in this file', code: 'CREATE TABLE foo (id bigint PRIMARY KEY);\nVACUUM FULL foo;' },
  ],
  invalid: [
    { code: 'VACUUM FULL foo;', errors: [{ line: 1, column: 1, message: 'VACUUM FULL rewrites foo into a new file while holding an AC' }] },
    { code: 'VACUUM (FULL) foo, bar;', options: { pgVersion: 19 }, errors: [{ line: 1, column: 1, message: 'VACUUM FULL rewrites foo, bar into a new file while holding ' }] },
    { code: 'CLUSTER foo USING foo_pkey;', errors: [{ line: 1, column: 1, message: 'CLUSTER rewrites foo into a new file while holding an ACCESS' }] },
    { code: 'CLUSTER;', errors: [{ line: 1, column: 1, message: 'CLUSTER rewrites every table of the database into a new file' }] },
  ],
});
