import rule from '../../../../src/review/rules/openapi/array-items.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Tags: {type: array, items: {type: string}}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Tags: {type: array}
`, errors: [{ line: 6, column: 5, message: /a schema of type array has no items/ }] },
  ],
});
