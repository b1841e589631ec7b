import rule from '../../../../src/review/rules/openapi/required-properties-defined.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Order:
      type: object
      required: [id, total]
      properties:
        id: {type: string}
        total: {type: integer}
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
      required: [id, totl]
      properties:
        id: {type: string}
        total: {type: integer}
`, errors: [{ line: 8, column: 22, message: /"totl" is required but not among the properties/ }] },
  ],
});
