import rule from '../../../../src/review/rules/openapi/servers-defined.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers:
  - url: https://api.example.com/v1
paths: {}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
`, errors: [{ line: 1, column: 1 }] },
  ],
});
