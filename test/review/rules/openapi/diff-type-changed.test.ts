import rule from '../../../../src/review/rules/openapi/diff-type-changed.js';
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
                  id: {type: integer, format: int64}
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
                  id: {type: integer, format: int64}
                  uid: {type: string, format: uuid}
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
                  id: {type: integer, format: int64}
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
                  id: {type: string, format: uuid}
`, errors: [{ line: 14, column: 19, related: { line: 14, column: 19 } }] },
  ],
});
