import rule from '../../../../src/review/rules/openapi/enum-unique.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Colour: {type: string, enum: [red, green, blue]}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths: {}
components:
  schemas:
    Colour: {type: string, enum: [red, green, red]}
`, errors: [{ line: 6, column: 47, message: /enum value "red" is listed twice \(also at 0\)/ }] },
  ],
});
