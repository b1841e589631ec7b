import rule from '../../../../src/review/rules/openapi/server-variables.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: 'https://{region}.shop.test/v1'
    variables:
      region: {default: eu, enum: [eu, us]}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: 'https://{region}.shop.test/v1'
paths: {}
`, errors: [{ line: 4, column: 5, message: /uses \{region\}, which its variables do not define/ }] },
    { name: "default outside the enum, and an unused variable", spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: 'https://{region}.shop.test/v1'
    variables:
      region: {default: ap, enum: [eu, us]}
      stage: {default: prod}
paths: {}
`, errors: [{ line: 6, column: 7, message: /defaults to "ap", which is not one of its enum values/ }, { line: 7, column: 7, message: /server variable "stage" is not used/ }] },
  ],
});
