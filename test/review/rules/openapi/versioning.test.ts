import rule from '../../../../src/review/rules/openapi/versioning.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com/v1
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 1 }] },
  ],
});
