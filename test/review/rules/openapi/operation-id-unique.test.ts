import rule from '../../../../src/review/rules/openapi/operation-id-unique.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200': {description: ok}
    post:
      operationId: createOrder
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      operationId: orders
      responses:
        '200': {description: ok}
    post:
      operationId: orders
      responses:
        '201': {description: created}
`, errors: [{ line: 10, column: 7 }] },
  ],
});
