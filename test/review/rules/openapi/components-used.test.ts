import rule from '../../../../src/review/rules/openapi/components-used.js';
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
  ],
  invalid: [
    { name: 'a security scheme no requirement names', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security: [{oauth: []}]
paths: {}
components:
  securitySchemes:
    oauth: {type: http, scheme: bearer}
    key: {type: apiKey, in: header, name: X-Key}
`, errors: [{ line: 8, column: 5, message: /components\.securitySchemes\.key is never referenced/ }] },
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Order: {type: object}
`, errors: [{ line: 6, column: 5 }] },
  ],
});
