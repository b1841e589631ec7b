import rule from '../../../../src/review/rules/openapi/server-error-response.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
        '500': {description: server error, content: {application/problem+json: {schema: {type: object}}}}
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
`, errors: [{ line: 6, column: 7, message: /GET \/orders documents no 500 response/ }] },
  ],
});
