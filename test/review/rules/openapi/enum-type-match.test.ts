import rule from '../../../../src/review/rules/openapi/enum-type-match.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Priority:
      type: integer
      enum: [1, 2, 3]
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Priority:
      type: integer
      enum: [1, 2, high]
`, errors: [{ line: 8, column: 7 }] },
  ],
});
