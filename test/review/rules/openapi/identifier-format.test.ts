import rule from '../../../../src/review/rules/openapi/identifier-format.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{order_id}:
    get:
      parameters:
        - name: order_id
          in: path
          required: true
          schema: {type: string, format: uuid}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{order_id}:
    get:
      parameters:
        - name: order_id
          in: path
          required: true
          schema: {type: string}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11 }] },
    { name: 'an integer id, int64 or not, is guessable (OWASP API1)', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{order_id}:
    get:
      parameters:
        - {name: order_id, in: path, required: true, schema: {type: integer, format: int64, minimum: 1}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11, message: /is an integer: sequential IDs can be guessed/ }] },
  ],
});
