import rule from '../../../../src/review/rules/openapi/path-no-verbs.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      responses:
        '201': {description: created}
` },
    { name: `compound nouns that start like verbs`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /add-ons:
    get:
      responses:
        '200': {description: ok}
  /recordings/AddOnResults:
    get:
      responses:
        '200': {description: ok}
  /databases/do_settings:
    get:
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/create:
    post:
      responses:
        '201': {description: created}
`, errors: [{ line: 4, column: 3 }] },
    { name: `camelCase RPC name`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /getOrders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3 }] },
  ],
});
