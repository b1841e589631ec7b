import rule from '../../../../src/review/rules/openapi/tags-alphabetical.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: orders}
  - {name: shipping}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
tags:
  - {name: shipping}
  - {name: orders}
paths: {}
`, errors: [{ line: 5, column: 5, message: /tag "orders" comes after "shipping"/ }] },
  ],
});
