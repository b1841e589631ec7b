import { rule } from '../../../../src/review/rules/sql/foreign-key-needs-index.js';
import { testSqlRule } from '../_sql-tester.js';

const parents = 'CREATE TABLE customers (id bigint PRIMARY KEY);\n';

testSqlRule(rule, {
  valid: [
    parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);\nCREATE INDEX ON orders (customer_id);',
    { name: 'composite index starting with the key', code: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, placed_at timestamptz);\nCREATE INDEX orders_c_p ON orders (customer_id, placed_at);' },
    { name: 'the key is the leading part of the primary key', code: parents + 'CREATE TABLE tags (customer_id bigint REFERENCES customers, tag text, PRIMARY KEY (customer_id, tag));' },
    { name: 'multi-column key, index in another order', code: 'CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));\nCREATE TABLE c (id bigint PRIMARY KEY, a int, b int, FOREIGN KEY (a, b) REFERENCES p (a, b));\nCREATE INDEX ON c (b, a);' },
    {
      name: 'index created in a later migration',
      files: [
        { path: 'm/0001.sql', text: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);' },
        { path: 'm/0002.sql', text: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);' },
      ],
    },
    { name: 'unique constraint covers it', code: parents + 'CREATE TABLE profiles (id bigint PRIMARY KEY, customer_id bigint UNIQUE REFERENCES customers);' },
    { name: 'existing table, existing column: indexes may exist outside the files', code: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;' },
  ],
  invalid: [
    {
      code: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));',
      errors: [{ line: 2, column: 64, message: 'foreign key orders (customer_id) → customers' }],
    },
    {
      name: 'table constraint; index on a different leading column',
      code: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, placed_at date, customer_id bigint, CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers);\nCREATE INDEX ON orders (placed_at, customer_id);',
      errors: [{ line: 2, column: 81 }],
    },
    {
      name: 'partial index does not count',
      code: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);\nCREATE INDEX ON orders (customer_id) WHERE customer_id IS NOT NULL;',
      errors: [{ line: 2, column: 64 }],
    },
    {
      name: 'column added to an existing table',
      code: 'ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons;',
      errors: [{ line: 1, column: 48, message: 'orders (coupon_id) → coupons' }],
    },
    {
      name: 'index dropped later',
      files: [
        { path: 'm/0001.sql', text: parents + 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);\nCREATE INDEX orders_cid ON orders (customer_id);' },
        { path: 'm/0002.sql', text: 'DROP INDEX CONCURRENTLY orders_cid;' },
      ],
      errors: [{ file: 'm/0001.sql', line: 2, column: 64 }],
    },
  ],
});
