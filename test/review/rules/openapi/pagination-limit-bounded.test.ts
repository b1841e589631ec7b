import rule from '../../../../src/review/rules/openapi/pagination-limit-bounded.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
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
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11 }] },
  ],
});
