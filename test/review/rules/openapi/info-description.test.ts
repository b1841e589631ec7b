import rule from '../../../../src/review/rules/openapi/info-description.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0', description: Orders and payments of the shop.}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
`, errors: [{ line: 2, column: 1, message: /info has no description/ }] },
  ],
});
