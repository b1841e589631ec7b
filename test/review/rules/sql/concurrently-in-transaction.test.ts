import { rule } from '../../../../src/review/rules/sql/concurrently-in-transaction.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);',
    'BEGIN;\nCREATE INDEX orders_placed_idx ON orders (placed_at);\nCOMMIT;',
    'BEGIN;\nALTER TABLE t ADD COLUMN x int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY t_x ON t (x);',
  ],
  invalid: [
    { code: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at);\nCOMMIT;', errors: [{ line: 2, column: 1, message: 'CREATE INDEX CONCURRENTLY inside the transaction block opened on line 1' }] },
    {
      code: 'START TRANSACTION;\nDROP INDEX CONCURRENTLY a;\nREINDEX INDEX CONCURRENTLY b;\nALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;\nCOMMIT;',
      errors: [
        { line: 2, column: 1, message: 'DROP INDEX CONCURRENTLY' },
        { line: 3, column: 1, message: 'REINDEX CONCURRENTLY' },
        { line: 4, column: 1, message: 'DETACH PARTITION CONCURRENTLY' },
      ],
    },
  ],
});
