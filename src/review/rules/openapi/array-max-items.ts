import { defineRule } from '../../openapi/rule.js';
import { hasType } from './_checks.js';

export default defineRule(
  {
    name: 'array-max-items',
    severity: 'warning',
    summary: 'Arrays that clients send declare maxItems.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'array') || typeof s.maxItems === 'number') continue;
      const what = v.property ? `array "${v.property}"` : 'array';
      report(v.node, `${what} sent to ${v.operation.label} has no maxItems: one request can carry unbounded work`, {
        fix: { description: 'bound it', code: 'maxItems: 100', language: 'yaml' },
      });
    }
  },
);
