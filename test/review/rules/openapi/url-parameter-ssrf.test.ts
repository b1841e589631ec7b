import rule from '../../../../src/review/rules/openapi/url-parameter-ssrf.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /previews:
    get:
      parameters:
        - {name: image_id, in: query, schema: {type: string, format: uuid}}
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /previews:
    get:
      parameters:
        - {name: image_url, in: query, schema: {type: string, format: uri}}
      responses:
        '200': {description: ok}
`, errors: [{ line: 7, column: 11, message: /query parameter "image_url" of GET \/previews takes a URL/ }] },
  ],
});
