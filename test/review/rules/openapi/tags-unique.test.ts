import rule from '../../../../src/review/rules/openapi/tags-unique.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: orders, description: Orders}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: orders, description: Orders}
  - {name: orders, description: Orders again}
paths: {}
`, errors: [{ line: 5, column: 6, message: /tag "orders" is declared twice \(also tags\[0\]\)/ }] },
  ],
});
