import rule from '../../../../src/review/rules/openapi/no-secrets-in-query.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: X-API-Key, in: header, schema: {type: string, maxLength: 64}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: api_key, in: query, schema: {type: string, maxLength: 64}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11 }] },
    { name: `apiKey scheme in query`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  securitySchemes:
    key: {type: apiKey, in: query, name: key}
`, errors: [{ line: 6, column: 25 }] },
  ],
});
