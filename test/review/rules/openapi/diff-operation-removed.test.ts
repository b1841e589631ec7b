import rule from '../../../../src/review/rules/openapi/diff-operation-removed.js';
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
    delete:
      responses:
        '204': {description: deleted}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
    delete:
      deprecated: true
      responses:
        '204': {description: deleted}
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
    delete:
      responses:
        '204': {description: deleted}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3, related: { line: 8, column: 5 } }] },
  ],
});
