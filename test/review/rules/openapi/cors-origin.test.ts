import rule from '../../../../src/review/rules/openapi/cors-origin.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          headers:
            Access-Control-Allow-Origin: {schema: {type: string, enum: ['https://shop.test']}}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 9, message: /response 200 of GET \/orders does not declare Access-Control-Allow-Origin/ }] },
  ],
});
