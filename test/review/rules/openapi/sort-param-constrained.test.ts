import rule from '../../../../src/review/rules/openapi/sort-param-constrained.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: sort, in: query, schema: {type: string, enum: [created_at, -created_at]}}
      responses:
        '200': {description: ok}
` },
    { name: `oneOf of consts (OpenAPI 3.1) through a $ref`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: sort_by, in: query, schema: {$ref: '#/components/schemas/SortMode'}}
      responses:
        '200': {description: ok}
components:
  schemas:
    SortMode:
      type: string
      oneOf:
        - {title: NEWEST, const: newest}
        - {title: OLDEST, const: oldest}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: sort, in: query, schema: {type: string}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11 }] },
  ],
});
