import rule from '../../../../src/review/rules/openapi/string-restricted.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                note: {type: string, maxLength: 200, pattern: '^[\\\\p{L}\\\\p{N} .,-]*$'}
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                note: {type: string, maxLength: 200}
      responses:
        '201': {description: created}
`, errors: [{ line: 12, column: 17, message: /string "note" sent to POST \/orders has no format, pattern or enum/ }] },
  ],
});
