import rule from '../../../../src/review/rules/openapi/error-problem-json.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200': {description: ok}
        '404':
          description: not found
          content:
            application/problem+json:
              schema: {type: object}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200': {description: ok}
        '404':
          description: not found
          content:
            application/json:
              schema: {type: object}
`, errors: [{ line: 10, column: 11 }] },
  ],
});
