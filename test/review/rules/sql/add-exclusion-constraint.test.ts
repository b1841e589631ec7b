import { rule } from '../../../../src/review/rules/sql/add-exclusion-constraint.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));',
    { name: 'table new in this file', code: 'CREATE TABLE bookings (id bigint PRIMARY KEY, room int, during tstzrange);\nALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);' },
  ],
  invalid: [
    { code: 'ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);', errors: [{ line: 1, column: 26, message: 'ADD CONSTRAINT … EXCLUDE on existing table bookings builds i' }] },
  ],
});
