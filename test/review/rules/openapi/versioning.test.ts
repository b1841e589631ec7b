import rule from '../../../../src/review/rules/openapi/versioning.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com/v1
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
` },
    { name: `dated version in the path`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com
paths:
  /2010-04-01/Orders.json:
    get:
      responses:
        '200': {description: ok}
` },
    { name: `version header parameter`, spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com
paths:
  /orders:
    get:
      parameters:
        - {name: API-Version, in: header, schema: {type: string, enum: ['2024-01-01']}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 1 }] },
  ],
});
