import rule from '../../../../src/review/rules/openapi/correlation-id.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-Request-ID: {schema: {type: string, maxLength: 64}}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 5, column: 5 }] },
  ],
});
