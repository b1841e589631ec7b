import rule from '../../../../src/review/rules/openapi/tags-defined.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: orders, description: Orders}
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
tags:
  - {name: orders, description: Orders}
paths:
  /orders:
    get:
      tags: [order]
      responses:
        '200': {description: ok}
`, errors: [{ line: 8, column: 14, message: /tag "order" of GET \/orders is not declared/ }] },
    { name: "no top-level tags", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
`, errors: [{ line: 1, column: 1, message: /declares no tags/ }] },
    { name: "a tag without description", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: orders}
paths: {}
`, errors: [{ line: 4, column: 5, message: /tag "orders" has no description/ }] },
  ],
});
