import rule from '../../../../src/review/rules/openapi/parameter-description.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - name: since
          in: query
          description: Only orders created at or after this instant (RFC 3339).
          schema: {type: string, format: date-time}
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
        - {name: since, in: query, schema: {type: string, format: date-time}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11 }] },
  ],
});
