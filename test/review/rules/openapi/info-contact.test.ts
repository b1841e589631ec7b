import rule from '../../../../src/review/rules/openapi/info-contact.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  contact: {name: API team, url: 'https://shop.test/team', email: api@shop.test}
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
`, errors: [{ line: 2, column: 1, message: /info has no contact/ }] },
    { name: "a contact without email", spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  contact: {name: API team, url: 'https://shop.test/team'}
paths: {}
`, errors: [{ line: 5, column: 3, message: /info\.contact lacks email/ }] },
  ],
});
