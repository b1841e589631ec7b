import rule from '../../../../src/review/rules/openapi/schema-type-consistent.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Order:
      type: array
      items: {type: string}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Order:
      type: object
      items: {type: string}
`, errors: [{ line: 8, column: 7, message: /a schema of type object has items, which applies to arrays only/ }] },
    { name: "nullable without type", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Note: {nullable: true, maxLength: 10}
`, errors: [{ line: 6, column: 12, message: /nullable without a type/ }] },
    { name: "3.1 minimum and exclusiveMinimum", spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Count: {type: integer, minimum: 0, exclusiveMinimum: 0}
`, errors: [{ line: 6, column: 40, message: /minimum and exclusiveMinimum are both given/ }] },
  ],
});
