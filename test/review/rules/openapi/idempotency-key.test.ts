import rule from '../../../../src/review/rules/openapi/idempotency-key.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      parameters:
        - name: Idempotency-Key
          in: header
          schema: {type: string, maxLength: 64}
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      responses:
        '201': {description: created}
`, errors: [{ line: 5, column: 5 }] },
  ],
});
