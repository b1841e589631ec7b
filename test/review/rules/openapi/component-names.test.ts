import rule from '../../../../src/review/rules/openapi/component-names.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    NewOrder: {type: object}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    New Order: {type: object}
`, errors: [{ line: 6, column: 5, message: /components\.schemas name "New Order" has characters outside/ }] },
  ],
});
