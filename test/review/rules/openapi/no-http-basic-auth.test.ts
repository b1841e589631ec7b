import rule from '../../../../src/review/rules/openapi/no-http-basic-auth.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    basicAuth: {type: http, scheme: basic}
`, errors: [{ line: 6, column: 5 }] },
  ],
});
