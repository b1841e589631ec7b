import rule from '../../../../src/review/rules/openapi/server-url-valid.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: 'https://api.shop.test/v1'
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: 'https://api.shop.test/v1/'
paths: {}
`, errors: [{ line: 4, column: 5, message: /ends with a slash/ }] },
  ],
});
