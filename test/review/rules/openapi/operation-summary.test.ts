import rule from '../../../../src/review/rules/openapi/operation-summary.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      summary: List the caller's orders, newest first
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
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 5 }] },
  ],
});
