import rule from '../../../../src/review/rules/openapi/markdown-safe.js';
import { ruleTable } from './_harness.js';

ruleTable(rule, {
  valid: [
    { name: 'the passing example of the docs', spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  description: 'Orders. See \`fetch()\` in the guide.'
paths: {}
` },
  ],
  invalid: [
    { name: 'the failing example of the docs', spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  description: 'Orders. <script>fetch("https://evil.test")</script>'
paths: {}
`, errors: [{ line: 5, column: 3, message: /description holds a <script> tag/ }] },
    { name: "an event handler attribute", spec: `openapi: 3.0.3
info:
  title: Shop
  version: '1.0'
  description: '<img src=x onerror=alert(1)>'
paths: {}
`, errors: [{ line: 5, column: 3, message: /an HTML event handler attribute/ }] },
  ],
});
