import rule from '../../../../src/review/rules/openapi/admin-security.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security: [{oauth: []}]
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
  /admin/orders:
    delete:
      security: [{adminKey: []}]
      responses:
        '204': {description: deleted}
components:
  securitySchemes:
    oauth: {type: http, scheme: bearer}
    adminKey: {type: apiKey, in: header, name: X-Admin-Key}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security: [{oauth: []}]
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
  /admin/orders:
    delete:
      responses:
        '204': {description: deleted}
components:
  securitySchemes:
    oauth: {type: http, scheme: bearer}
`, errors: [{ line: 10, column: 5, message: /DELETE \/admin\/orders is administrative but uses the same security schemes/ }] },
  ],
});
