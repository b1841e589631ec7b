import { rule } from '../../../../src/review/rules/sql/create-domain-constraint.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE DOMAIN code AS text;',
    'CREATE DOMAIN money_amount AS numeric(19,4) DEFAULT 0;',
  ],
  invalid: [
    { code: 'CREATE DOMAIN positive AS numeric(15,5) CHECK (VALUE > 0);', errors: [{ line: 1, column: 41, message: 'domain positive carries a constraint' }] },
    { code: 'CREATE DOMAIN code AS text NOT NULL CHECK (char_length(VALUE) = 3);', errors: [{ line: 1, column: 28, message: 'domain code carries 2 constraints' }] },
  ],
});
