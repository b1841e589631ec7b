import rule from '../../../../src/review/rules/openapi/ref-resolvable.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
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
              schema: {$ref: '#/components/schemas/Order'}
components:
  schemas:
    Order: {type: object}
` },
    { name: `reference to a sibling file`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'schemas/order.yaml'}
`, files: {'schemas/order.yaml': `type: object
`} },
    { name: `$ref inside example data is literal, not a reference`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /groups:
    get:
      responses:
        '200':
          description: ok
          content:
            application/scim+json:
              examples:
                group:
                  value: {members: [{$ref: 'https://example.com/scim/Users/1'}]}
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
              schema: {$ref: '#/components/schemas/Order'}
`, errors: [{ line: 11, column: 24 }] },
    { name: `URL is never fetched`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'https://example.com/order.yaml'}
`, errors: [{ line: 11, column: 24, message: 'never fetches' }] },
    { name: `file outside the reviewed tree is not read`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '../../etc/passwd'}
`, errors: [{ line: 11, column: 24, message: 'outside the reviewed tree' }] },
    { name: `missing file`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'missing.yaml#/Order'}
`, errors: [{ line: 11, column: 24, message: 'not found' }] },
  ],
});
