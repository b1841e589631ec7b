import rule from '../../../../src/review/rules/openapi/oauth-refresh-url.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode: {authorizationUrl: 'https://auth.shop.test/a', tokenUrl: 'https://auth.shop.test/t', refreshUrl: 'https://auth.shop.test/t', scopes: {}}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        authorizationCode: {authorizationUrl: 'https://auth.shop.test/a', tokenUrl: 'https://auth.shop.test/t', scopes: {}}
`, errors: [{ line: 9, column: 9, message: /the authorizationCode flow of "oauth" has no refreshUrl/ }] },
  ],
});
