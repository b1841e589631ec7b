import { rule } from '../../../../src/review/rules/sql/no-char.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: ['CREATE TABLE c (code text CHECK (char_length(code) = 2));', 'CREATE TABLE c (flag "char");', 'CREATE TABLE c (v varchar(2));'],
  invalid: [
    { name: 'char arrays', code: 'CREATE TABLE c (a char[], b nchar(2));', errors: [{ line: 1, column: 19 }, { line: 1, column: 29 }] },
    { code: 'CREATE TABLE c (code char(2) PRIMARY KEY);', errors: [{ line: 1, column: 22, message: 'c.code is char(2)' }] },
    { code: 'CREATE TABLE c (a character(3), b char, c bpchar(4));', errors: [{ line: 1, column: 19 }, { line: 1, column: 35 }, { line: 1, column: 43 }] },
  ],
});
