import rule from '../../../../src/review/rules/openapi/array-max-items.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'uniqueItems over an enum is bounded by the number of values', spec: `openapi: 3.0.3
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
                flags: {type: array, uniqueItems: true, items: {type: string, enum: [gift, express]}}
      responses:
        '201': {description: created}
` },
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
                items:
                  type: array
                  maxItems: 100
                  items: {type: string, format: uuid}
      responses:
        '201': {description: created}
` },
    { name: `arrays only in responses are not inputs`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
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
                items:
                  type: array
                  items: {type: string, format: uuid}
      responses:
        '201': {description: created}
`, errors: [{ line: 12, column: 17 }] },
    { name: `array query parameter`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - name: status
          in: query
          schema: {type: array, items: {type: string, enum: [open, paid]}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 9, column: 11 }] },
  ],
});
