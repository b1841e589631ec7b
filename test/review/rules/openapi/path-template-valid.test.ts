import rule from '../../../../src/review/rules/openapi/path-template-valid.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{orderId}:
    get:
      parameters:
        - {name: orderId, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{}:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3, message: /path "\/orders\/\{\}" has an empty parameter/ }] },
    { name: "a query string", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders?status=open:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3, message: /includes a query string/ }] },
    { name: "a name used twice", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /a/{id}/b/{id}:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3, message: /uses \{id\} twice/ }] },
  ],
});
