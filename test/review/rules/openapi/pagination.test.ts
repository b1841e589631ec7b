import rule from '../../../../src/review/rules/openapi/pagination.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
        - {name: cursor, in: query, schema: {type: string, maxLength: 256}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object}}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object}}
`, errors: [{ line: 5, column: 5 }] },
    { name: `envelope with a data array`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: object}}
`, errors: [{ line: 5, column: 5 }] },
  ],
});
