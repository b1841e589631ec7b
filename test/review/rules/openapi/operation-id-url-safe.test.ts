import rule from '../../../../src/review/rules/openapi/operation-id-url-safe.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      operationId: listOrders
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
      operationId: 'list orders#1'
      responses:
        '200': {description: ok}
`, errors: [{ line: 6, column: 7, message: /operationId "list orders#1" of GET \/orders holds a space, "#"/ }] },
  ],
});
