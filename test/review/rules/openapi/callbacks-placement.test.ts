import rule from '../../../../src/review/rules/openapi/callbacks-placement.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
webhooks:
  orderShipped:
    post:
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
webhooks:
  orderShipped:
    servers: [{url: 'https://hooks.shop.test'}]
    post:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 5, message: /webhook orderShipped \(POST\) has servers/ }] },
  ],
});
