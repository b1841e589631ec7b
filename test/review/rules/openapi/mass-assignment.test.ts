import rule from '../../../../src/review/rules/openapi/mass-assignment.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                email: {type: string, maxLength: 254}
                is_admin: {type: boolean, readOnly: true}
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                email: {type: string, maxLength: 254}
                is_admin: {type: boolean}
      responses:
        '201': {description: created}
`, errors: [{ line: 13, column: 17 }] },
  ],
});
