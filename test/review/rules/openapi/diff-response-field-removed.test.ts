import rule from '../../../../src/review/rules/openapi/diff-response-field-removed.js';
import { diffTable } from './_harness.js';

diffTable(rule, {
  valid: [
    { name: `compatible version`, base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: integer}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: integer}
                  amount: {type: integer}
` },
  ],
  invalid: [
    { base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: integer}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  amount: {type: integer}
`, errors: [{ line: 11, column: 15, related: { line: 15, column: 19 } }] },
  ],
});
