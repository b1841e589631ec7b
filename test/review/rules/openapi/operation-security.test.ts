import rule from '../../../../src/review/rules/openapi/operation-security.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security: []
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'a write operation that is public (OWASP API2 write-restricted)', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security: []
      responses: {'200': {description: ok}}
    post:
      security: []
      responses: {'201': {description: created}}
`, errors: [{ line: 9, column: 7, message: /POST \/orders changes data but may be called without authentication \(security: \[\]\)/ }] },
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 5 }] },
  ],
});
