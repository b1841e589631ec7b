import { rule } from '../../../../src/review/rules/sql/validate-in-same-transaction.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'ALTER TABLE orders VALIDATE CONSTRAINT positive;',
    {
      name: 'validated in the next migration',
      files: [
        { path: 'm/0001.sql', text: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;' },
        { path: 'm/0002.sql', text: 'ALTER TABLE orders VALIDATE CONSTRAINT positive;' },
      ],
    },
    { name: 'COMMIT in between', code: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT positive;\nCOMMIT;' },
  ],
  invalid: [
    {
      code: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive;',
      errors: [{ line: 2, column: 20, message: 'same transaction that added it NOT VALID (line 1)' }],
    },
    {
      name: 'default constraint name, explicit block',
      code: 'BEGIN;\nALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;\nCOMMIT;',
      errors: [{ line: 3, column: 20 }],
    },
  ],
});
