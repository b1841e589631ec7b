import { rule } from '../../../../src/review/rules/sql/add-constraint-not-valid.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
    'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;',
    'ALTER TABLE orders VALIDATE CONSTRAINT positive;',
    'ALTER TABLE orders ADD CONSTRAINT u UNIQUE (ref);',
    { name: 'new table', code: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\nALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0);' },
    { name: 'NOT ENFORCED (PostgreSQL 18)', code: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT ENFORCED;' },
    { name: 'inline REFERENCES on a new column checks nothing', code: 'ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);' },
  ],
  invalid: [
    { code: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);', errors: [{ line: 1, column: 24, message: 'ADD FOREIGN KEY (customer_id) on existing table orders' }] },
    { code: 'ALTER TABLE orders ADD CHECK (total >= 0);', errors: [{ line: 1, column: 24, message: 'ACCESS EXCLUSIVE' }] },
    { name: 'PostgreSQL 18 NOT NULL constraint', code: 'ALTER TABLE orders ADD CONSTRAINT nn NOT NULL placed_at;', errors: [{ line: 1, column: 24, message: 'PostgreSQL 18' }] },
    {
      name: 'table from an earlier file',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);' },
        { path: 'm/0002.sql', text: '-- guard\nALTER TABLE orders\n  ADD CONSTRAINT positive CHECK (total >= 0);' },
      ],
      errors: [{ file: 'm/0002.sql', line: 3, column: 7 }],
    },
  ],
});
