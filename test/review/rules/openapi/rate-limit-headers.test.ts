import rule from '../../../../src/review/rules/openapi/rate-limit-headers.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-RateLimit-Remaining: {schema: {type: integer, minimum: 0}}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 6, column: 7 }] },
  ],
});
