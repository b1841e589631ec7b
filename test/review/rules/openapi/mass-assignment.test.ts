import rule from '../../../../src/review/rules/openapi/mass-assignment.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'a PUT to a client-chosen URI carries the id', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    put:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                id: {type: string}
      responses:
        '200': {description: ok}
` },
    { name: 'an id documented as chosen by the client', spec: `openapi: 3.0.3
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
                id: {type: string, format: uuid, description: 'Client-generated UUID, so retries do not create duplicates.'}
      responses:
        '201': {description: created}
` },
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
