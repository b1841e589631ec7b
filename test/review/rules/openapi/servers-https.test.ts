import rule from '../../../../src/review/rules/openapi/servers-https.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com/v1
  - url: http://localhost:8080/v1
paths: {}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: http://api.example.com/v1
paths: {}
`, errors: [{ line: 4, column: 5 }] },
  ],
});
