import rule from '../../../../src/review/rules/openapi/success-response-schema.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
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
`, errors: [{ line: 7, column: 9 }] },
  ],
});
