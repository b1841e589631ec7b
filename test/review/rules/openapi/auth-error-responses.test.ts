import rule from '../../../../src/review/rules/openapi/auth-error-responses.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - bearer: []
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
        '401': {description: not authenticated}
        '403': {description: not allowed}
` },
    { name: `public operation needs neither`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /health:
    get:
      security: []
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - bearer: []
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 11, column: 7 }] },
  ],
});
