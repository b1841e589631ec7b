import rule from '../../../../src/review/rules/openapi/example-valid.js';
import { ruleTable } from './_harness.js';

const spec = (media: string, extra = ''): string => `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}${extra}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
${media}components:
  schemas:
    Order:
      type: object
      required: [id, quantity]
      properties:
        id: {type: string, format: uuid, readOnly: true}
        quantity: {type: integer}
        note: {type: string, nullable: true}
`;

ruleTable(rule, {
  valid: [
    { name: 'a matching media example', spec: spec("              example: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69, quantity: 2, note: null}\n") },
    { name: 'named examples, one by $ref', spec: spec(`              examples:
                one: {value: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69, quantity: 1}}
                two: {$ref: '#/components/examples/Two'}
`).replace('components:\n', "components:\n  examples:\n    Two: {value: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69, quantity: 2}}\n") },
    { name: 'examples of text media types are not JSON values', spec: spec('').replace('            application/json:\n              schema:', "            text/csv:\n              example: 'id,quantity'\n              schema:") },
    { name: 'a readOnly required property is not needed in a request example', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [id, quantity], properties: {id: {type: string, readOnly: true}, quantity: {type: integer}}}
            example: {quantity: 3}
      responses: {'201': {description: created}}
` },
    { name: 'an example whose data holds a $ref key is data', spec: spec("              example: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69, quantity: 2, note: {$ref: x}}\n").replace('note: {type: string, nullable: true}', 'note: {type: object}') },
  ],
  invalid: [
    { name: 'a media example of the wrong type', spec: spec("              example: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69, quantity: two}\n"), errors: [{ line: 14, column: 15, message: /example of response 200 of GET \/orders\/\{id\} \(application\/json\) does not match its schema: \/quantity must be integer/ }] },
    { name: 'a named example lacking a required property', spec: spec('              examples:\n                bad: {value: {id: 6f1c2f9e-2b1a-4d0e-9d7a-2f1e3c4b5a69}}\n'), errors: [{ line: 15, column: 23, message: /example "bad" does not match its schema: the example lacks the required property "quantity"/ }] },
    { name: 'a parameter example', spec: spec('', ', example: 42'), errors: [{ line: 7, column: 86, message: /example of parameter id of GET \/orders\/\{id\} does not match its schema: the example must be string/ }] },
    { name: 'a schema example (3.0 example, nullable honoured)', spec: spec('').replace('quantity: {type: integer}', 'quantity: {type: integer, example: many}'), errors: [{ line: 21, column: 35, message: /the schema example does not match its schema: the example must be integer/ }] },
    { name: 'a 3.1 schema examples list', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Count: {type: integer, examples: [1, 'two']}
`, errors: [{ line: 6, column: 42, message: /the schema example does not match its schema: the example must be integer/ }] },
  ],
});
