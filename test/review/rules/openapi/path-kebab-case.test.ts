import rule from '../../../../src/review/rules/openapi/path-kebab-case.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'an alias such as @me', spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /users/@me/guilds:
    get:
      responses:
        '200': {description: ok}
` },
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /order-items:
    get:
      responses:
        '200': {description: ok}
` },
  ],
  invalid: [
    { spec: `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
paths:
  /orderItems:
    get:
      responses:
        '200': {description: ok}
`, errors: [{ line: 4, column: 3 }] },
  ],
});
