import { rule } from '../../../../src/review/rules/sql/rename-table.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    { name: 'new table', code: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nALTER TABLE accounts RENAME TO customer_accounts;' },
    'ALTER TABLE customers RENAME COLUMN a TO b;',
    'ALTER INDEX customers_pkey RENAME TO customers_pk;',
  ],
  invalid: [
    { code: 'ALTER TABLE customers RENAME TO accounts;', errors: [{ line: 1, column: 1, message: 'RENAME TABLE customers TO accounts' }] },
    {
      name: 'table from an earlier file',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE customers (id bigint PRIMARY KEY);' },
        { path: 'm/0002.sql', text: '\n\nALTER TABLE customers RENAME TO accounts;' },
      ],
      errors: [{ file: 'm/0002.sql', line: 3, column: 1 }],
    },
  ],
});
