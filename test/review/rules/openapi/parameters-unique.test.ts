import rule from '../../../../src/review/rules/openapi/parameters-unique.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    parameters:
      - {name: status, in: query, schema: {type: string}}
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open]}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string}}
        - {name: status, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 8, column: 11, message: /GET \/orders lists the query parameter "status" twice/ }] },
    { name: "header names differ only in case", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: X-Trace, in: header, schema: {type: string}}
        - {name: x-trace, in: header, schema: {type: string}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 8, column: 11, message: /header parameter "x-trace" twice/ }] },
  ],
});
