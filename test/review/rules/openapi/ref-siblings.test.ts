import rule from '../../../../src/review/rules/openapi/ref-siblings.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              description: the order to create
              allOf: [{$ref: '#/components/schemas/Order'}]
      responses:
        '201': {description: created}
components:
  schemas:
    Order: {type: object}
` },
    { name: "3.1 schema refs keep their siblings", spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Order: {type: object}
    Line:
      type: object
      properties:
        order: {$ref: '#/components/schemas/Order', description: the order}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Order'
              description: the order to create
      responses:
        '201': {description: created}
components:
  schemas:
    Order: {type: object}
`, errors: [{ line: 9, column: 13, message: /"description" beside \$ref #\/components\/schemas\/Order is ignored in OpenAPI 3\.0/ }] },
  ],
});
