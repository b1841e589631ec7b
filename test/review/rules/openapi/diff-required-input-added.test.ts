import rule from '../../../../src/review/rules/openapi/diff-required-input-added.js';
import { diffTable } from './_harness.js';

diffTable(rule, {
  valid: [
    { name: `compatible version`, base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: region, in: query, schema: {type: string, maxLength: 8}}
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
      responses:
        '200': {description: ok}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      parameters:
        - {name: region, in: query, required: true, schema: {type: string, maxLength: 8}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11, related: { line: 5, column: 5 } }] },
  ],
});
