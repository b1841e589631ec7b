import rule from '../../../../src/review/rules/openapi/example-value-or-external.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  examples:
    One: {summary: an order, value: {id: 1}}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  examples:
    Empty: {summary: an order}
`, errors: [{ line: 6, column: 5, message: /example "Empty" has neither value nor externalValue/ }] },
    { name: "both", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  examples:
    Both: {value: {id: 1}, externalValue: 'https://shop.test/ex.json'}
`, errors: [{ line: 6, column: 5, message: /example "Both" has both value and externalValue/ }] },
  ],
});
