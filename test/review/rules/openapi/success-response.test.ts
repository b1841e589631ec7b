import rule from '../../../../src/review/rules/openapi/success-response.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
        '400': {description: bad request}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '400': {description: bad request}
`, errors: [{ line: 6, column: 7 }] },
  ],
});
