import { rule } from '../../../../src/review/rules/sql/alter-domain-add-constraint.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;',
    'ALTER DOMAIN positive VALIDATE CONSTRAINT positive_check;',
    'ALTER DOMAIN positive DROP CONSTRAINT positive_check;',
    'ALTER DOMAIN positive SET NOT NULL;',
  ],
  invalid: [
    { code: 'ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);', errors: [{ line: 1, column: 27, message: 'ADD CONSTRAINT on domain positive scans every column of type' }] },
    { code: 'ALTER DOMAIN code ADD CHECK (char_length(VALUE) = 3);', errors: [{ line: 1, column: 23, message: 'ADD CONSTRAINT on domain code scans every column of type cod' }] },
  ],
});
