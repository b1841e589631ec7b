import rule from '../../../../src/review/rules/openapi/diff-security-changed.js';
import { diffTable } from './_harness.js';

diffTable(rule, {
  valid: [
    { name: `compatible version`, base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security:
        - key: []
      responses:
        '200': {description: ok}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {}}}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security:
        - key: []
      responses:
        '200': {description: ok}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {}}}
` },
  ],
  invalid: [
    { base: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security:
        - key: []
      responses:
        '200': {description: ok}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {}}}
`, head: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orders:
    get:
      security:
        - oauth: []
      responses:
        '200': {description: ok}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {}}}
`, errors: [{ line: 6, column: 7, related: { line: 6, column: 7 } }] },
  ],
});
