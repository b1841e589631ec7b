import { rule } from '../../../../src/review/rules/sql/prefer-identity.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    'CREATE TABLE invoices (id bigint PRIMARY KEY);',
  ],
  invalid: [
    { code: 'CREATE TABLE invoices (id bigserial PRIMARY KEY);', errors: [{ line: 1, column: 27, message: 'invoices.id is bigserial' }] },
    { code: 'CREATE TABLE invoices (id bigint PRIMARY KEY, n serial4, m smallserial);', errors: [{ line: 1, column: 49 }, { line: 1, column: 60 }] },
    { code: 'ALTER TABLE invoices ADD COLUMN seq serial;', errors: [{ line: 1, column: 37 }] },
  ],
});
