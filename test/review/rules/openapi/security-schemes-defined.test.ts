import rule from '../../../../src/review/rules/openapi/security-schemes-defined.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - oauth: [orders:read]
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: {'orders:read': read orders}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - oauth: [orders:read]
paths: {}
`, errors: [{ line: 4, column: 5 }] },
  ],
});
