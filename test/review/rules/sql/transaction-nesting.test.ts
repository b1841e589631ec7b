import { rule } from '../../../../src/review/rules/sql/transaction-nesting.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;',
    'SELECT 1;',
    { name: 'marked to run without a transaction', code: '-- squawk-disable-assume-in-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;', options: { assumeInTransaction: true } },
  ],
  invalid: [
    { code: 'BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;', errors: [{ line: 2, column: 1, message: 'BEGIN inside a transaction that is already open' }] },
    { code: 'BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;', errors: [{ line: 4, column: 1, message: 'COMMIT with no transaction open' }] },
    { code: 'SELECT 1;\nCOMMIT;', options: { assumeInTransaction: true }, errors: [{ line: 2, column: 1, message: 'COMMIT of the transaction the migration tool wraps this file' }] },
    { code: 'BEGIN;\nSELECT 1;\nCOMMIT;', options: { assumeInTransaction: true }, errors: [{ line: 1, column: 1, message: 'BEGIN in a file the migration tool already runs inside its o' }, { line: 3, column: 1 }] },
  ],
});
