import { rules } from '../../../src/review/rules/sql/index.js';
import { reviewSql } from '../../../src/review/sql/index.js';
import { testCatalog } from './_catalog.js';

testCatalog({
  domain: 'sql',
  rules,
  lang: 'sql',
  review: reviewSql,
  fileName: (i) => `migrations/${String(i + 1).padStart(4, '0')}_example.sql`,
});
