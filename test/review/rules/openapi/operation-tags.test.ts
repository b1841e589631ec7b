import rule from '../../../../src/review/rules/openapi/operation-tags.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      tags: [orders]
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 5, message: /GET \/orders has no tags/ }] },
    { name: "two tags", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      tags: [orders, sales]
      responses:
        '200': {description: ok}
`, errors: [{ line: 6, column: 7, message: /GET \/orders has 2 tags/ }] },
  ],
});
