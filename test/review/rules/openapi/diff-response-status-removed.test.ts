import rule from '../../../../src/review/rules/openapi/diff-response-status-removed.js';
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
      responses:
        '201': {description: ok}
`, errors: [{ line: 7, column: 9, related: { line: 7, column: 9 } }] },
  ],
});
