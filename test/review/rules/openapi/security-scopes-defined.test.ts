import rule from '../../../../src/review/rules/openapi/security-scopes-defined.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - oauth: ['orders:read']
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: {tokenUrl: 'https://auth.shop.test/token', scopes: {'orders:read': read}}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
security:
  - oauth: ['orders:delete']
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: {tokenUrl: 'https://auth.shop.test/token', scopes: {'orders:read': read}}
`, errors: [{ line: 4, column: 13, message: /the top-level security asks for the scope "orders:delete", which no flow of "oauth" defines/ }] },
  ],
});
