import { rule } from '../../../../src/review/rules/sql/add-constraint-not-valid.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'inline REFERENCES on a new table', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);\nALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers (id);' },
    'ALTER TABLE orders ADD COLUMN note text;',
    'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
    'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;',
    'ALTER TABLE orders VALIDATE CONSTRAINT positive;',
    'ALTER TABLE orders ADD CONSTRAINT u UNIQUE (ref);',
    { name: 'new table', code: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\nALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0);' },
    { name: 'NOT ENFORCED (PostgreSQL 18)', code: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT ENFORCED;' },
  ],
  invalid: [
    { name: 'inline REFERENCES on ADD COLUMN', code: 'ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers (id);', errors: [{ line: 1, column: 50, message: 'ADD COLUMN customer_id … REFERENCES on existing table orders' }] },
    { name: 'inline CHECK on ADD COLUMN', code: 'ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0);', errors: [{ line: 1, column: 39, message: 'ADD COLUMN qty … CHECK' }] },
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
