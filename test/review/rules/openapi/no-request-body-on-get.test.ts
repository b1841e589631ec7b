import rule from '../../../../src/review/rules/openapi/no-request-body-on-get.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, maxLength: 16}}
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
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {status: {type: string, maxLength: 16}}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 6, column: 7 }] },
  ],
});
