import rule from '../../../../src/review/rules/openapi/diff-enum-narrowed.js';
import { diffTable } from './_harness.js';

diffTable(rule, {
  valid: [
    { name: `compatible version`, base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid, shipped]}}
      responses:
        '200': {description: ok}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid, shipped, cancelled]}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid, shipped]}}
      responses:
        '200': {description: ok}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 37, related: { line: 7, column: 37 } }] },
  ],
});
