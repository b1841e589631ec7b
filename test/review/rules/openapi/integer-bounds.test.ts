import rule from '../../../../src/review/rules/openapi/integer-bounds.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                quantity: {type: integer, format: int32, minimum: 1, maximum: 1000}
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                quantity: {type: integer}
      responses:
        '201': {description: created}
`, errors: [{ line: 12, column: 17, message: /has no minimum, maximum and format \(int32 or int64\)/ }] },
    { name: 'bounded but of no stated width (OWASP API4 integer-format)', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                quantity: {type: integer, minimum: 1, maximum: 1000}
      responses:
        '201': {description: created}
`, errors: [{ line: 12, column: 17, message: /has no format \(int32 or int64\)$/ }] },
  ],
});
