import rule from '../../../../src/review/rules/openapi/jwt-best-practices.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    jwt: {type: http, scheme: bearer, bearerFormat: JWT, description: 'ES256 JWTs following RFC8725, audience api.shop.test'}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    jwt: {type: http, scheme: bearer, bearerFormat: JWT}
`, errors: [{ line: 6, column: 5, message: /security scheme "jwt" issues JWTs but its description does not say they follow RFC 8725/ }] },
  ],
});
