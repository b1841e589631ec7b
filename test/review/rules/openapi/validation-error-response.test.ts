import rule from '../../../../src/review/rules/openapi/validation-error-response.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
      responses:
        '200': {description: ok}
        '400': {description: invalid query}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 8, column: 7 }] },
  ],
});
