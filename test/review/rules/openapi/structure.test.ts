import rule from '../../../../src/review/rules/openapi/structure.js';
import { ruleTable } from './_harness.js';

const OK30 = `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
`;

ruleTable(rule, {
  valid: [
    { name: 'OpenAPI 3.0', spec: OK30 },
    { name: 'OpenAPI 3.1 with webhooks and a type list', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
webhooks:
  orderShipped:
    post:
      requestBody: {content: {application/json: {schema: {type: [string, 'null']}}}}
      responses: {'200': {description: ok}}
` },
    { name: 'OpenAPI 3.2 with a query operation', spec: `openapi: 3.2.0
info: {title: Shop, version: '1.0'}
paths:
  /search:
    query:
      responses: {'200': {description: ok}}
` },
    { name: 'Swagger 2.0', spec: `swagger: '2.0'
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    post:
      parameters: [{name: body, in: body, schema: {type: object}}]
      responses: {'201': {description: created}}
` },
    { name: 'a $ref where an operation is expected, to a valid one in another file', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get: {$ref: 'ops/list.yaml'}
`, files: { 'ops/list.yaml': "responses:\n  '200': {description: ok}\n" } },
  ],
  invalid: [
    { name: 'in: body in OpenAPI 3', spec: OK30.replace('in: path', 'in: body'), errors: [{ line: 7, column: 22, message: /"in" is "body"; allowed: "path", "query", "header", "cookie"/ }] },
    { name: 'an unknown field, at the key', spec: OK30.replace('    get:\n', '    get:\n      summery: typo\n'), errors: [{ line: 6, column: 7, message: /property "summery" is not allowed in get/ }] },
    { name: 'info.version missing', spec: OK30.replace("info: {title: Shop, version: '1.0'}", 'info: {title: Shop}'), errors: [{ line: 2, column: 1, message: /"info" lacks the required property "version"/ }] },
    { name: 'a response without description', spec: OK30.replace("'200': {description: ok}", "'200': {content: {}}"), errors: [{ line: 9, column: 9, message: /"200" lacks the required property "description"/ }] },
    { name: 'a schema type that is not one', spec: OK30.replace('schema: {type: string}', 'schema: {type: int}'), errors: [{ line: 7, column: 57, message: /"type" is "int"; allowed/ }] },
    { name: 'a path key without a slash', spec: OK30.replace('  /orders/{id}:', '  orders/{id}:'), errors: [{ line: 4, column: 3, message: /property "orders\/\{id\}" is not allowed in paths/ }] },
    { name: 'an unknown security scheme type names the types allowed', spec: `${OK30}components:\n  securitySchemes:\n    key: {type: token}\n`, errors: [{ line: 12, column: 11, message: /"type" is "token"; allowed: "apiKey", "http", "oauth2", "openIdConnect"/ }] },
    { name: 'OpenAPI 3.1: an unknown field in info', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0', owner: me}
paths: {}
`, errors: [{ line: 2, column: 37, message: /property "owner" is not allowed in info/ }] },
    { name: 'Swagger 2.0: a parameter in: query without type', spec: `swagger: '2.0'
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters: [{name: q, in: query}]
      responses: {'200': {description: ok}}
` , errors: [{ line: 6, column: 20 }] },
    { name: 'an operation in another file is validated there', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get: {$ref: 'ops/list.yaml'}
`, files: { 'ops/list.yaml': "responses:\n  '200': {describe: ok}\n" }, errors: [
      { file: 'ops/list.yaml', line: 2, column: 3, message: /lacks the required property "description"/ },
      { file: 'ops/list.yaml', line: 2, column: 11, message: /property "describe" is not allowed/ },
    ] },
  ],
});
