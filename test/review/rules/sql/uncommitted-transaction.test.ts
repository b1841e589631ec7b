import { rule } from '../../../../src/review/rules/sql/uncommitted-transaction.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'BEGIN;\nCREATE TABLE t (id bigint PRIMARY KEY);\nCOMMIT;',
    'BEGIN;\nSELECT 1;\nROLLBACK;',
    'CREATE TABLE t (id bigint PRIMARY KEY);',
    'BEGIN;\nBEGIN;\nCOMMIT;',
  ],
  invalid: [
    { code: 'BEGIN;\nCREATE TABLE t (id bigint PRIMARY KEY);', errors: [{ line: 1, column: 1, message: 'the transaction opened here is never committed or rolled bac' }] },
    { code: 'BEGIN;\nSELECT 1;\nCOMMIT;\nSTART TRANSACTION;\nSELECT 2;', errors: [{ line: 4, column: 1, message: 'the transaction opened here is never committed or rolled bac' }] },
    { code: 'BEGIN;\rCREATE TABLE t (id bigint PRIMARY KEY);', errors: [{ line: 1, column: 1, message: 'the transaction opened here is never committed or rolled bac' }] },
  ],
});
