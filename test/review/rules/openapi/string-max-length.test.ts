import rule from '../../../../src/review/rules/openapi/string-max-length.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'a 3.1 file part (contentEncoding: binary) is bounded by the request size, not maxLength', spec: `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
paths:
  /attachments:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, contentEncoding: binary}
                image: {type: string, contentMediaType: image/png}
      responses:
        '201': {description: created}
` },
    { spec: `openapi: 3.0.3
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
                note: {type: string, maxLength: 500}
      responses:
        '201': {description: created}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
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
                note: {type: string}
      responses:
        '201': {description: created}
`, errors: [{ line: 12, column: 17 }] },
  ],
});
