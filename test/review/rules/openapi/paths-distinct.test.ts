import rule from '../../../../src/review/rules/openapi/paths-distinct.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{orderId}:
    get:
      responses:
        '200': {description: ok}
    delete:
      responses:
        '204': {description: deleted}
` },
    { name: "a literal beats a template consistently", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/latest:
    get:
      responses:
        '200': {description: ok}
  /orders/{id}:
    get:
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      responses:
        '200': {description: ok}
  /orders/{orderId}:
    delete:
      responses:
        '204': {description: deleted}
`, errors: [{ line: 8, column: 3, message: /path "\/orders\/\{orderId\}" is the same template as "\/orders\/\{id\}"/ }] },
    { name: "ambiguous", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /{kind}/latest:
    get:
      responses:
        '200': {description: ok}
  /orders/{id}:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 8, column: 3, message: /is ambiguous with "\/\{kind\}\/latest": a request such as \/orders\/latest matches both/ }] },
  ],
});
