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
    { name: 'the Negotiate and OAuth 1 HTTP schemes', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    kerberos: {type: http, scheme: negotiate}
    legacy: {type: http, scheme: OAuth}
`, errors: [{ line: 6, column: 5, message: /Negotiate \(SPNEGO\) falls back to NTLM/ }, { line: 7, column: 5, message: /OAuth 1\.0 signatures/ }] },
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    basicAuth: {type: http, scheme: basic}
`, errors: [{ line: 6, column: 5 }] },
  ],
});
