import rule from '../../../../src/review/rules/openapi/info-license.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  license: {name: MIT, url: 'https://opensource.org/licenses/MIT'}
paths: {}
` },
    { name: "3.1 with an SPDX identifier", spec: `openapi: 3.1.0
info:
  title: Shop
  version: '1.0'
  license: {name: MIT, identifier: MIT}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
`, errors: [{ line: 2, column: 1, message: /info has no license/ }] },
    { name: "a license without url", spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  license: {name: MIT}
paths: {}
`, errors: [{ line: 5, column: 3, message: /info\.license "MIT" has no url/ }] },
  ],
});
