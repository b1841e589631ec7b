import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated } from './_checks.js';

export default defineRule(
  {
    name: 'integer-bounds',
    severity: 'info',
    summary: 'Integers that clients send declare minimum and maximum.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'integer') || isEnumerated(input, v.node)) continue;
      const hasMin = typeof s.minimum === 'number' || typeof s.exclusiveMinimum === 'number';
      const hasMax = typeof s.maximum === 'number' || typeof s.exclusiveMaximum === 'number';
      if (hasMin && hasMax) continue;
      const missing = [hasMin ? '' : 'minimum', hasMax ? '' : 'maximum'].filter(Boolean).join(' and ');
      const what = v.property ? `integer "${v.property}"` : 'integer';
      report(v.node, `${what} sent to ${v.operation.label} has no ${missing}`, {
        fix: { description: 'declare the range the server accepts', code: 'minimum: 0\nmaximum: 10000', language: 'yaml' },
      });
    }
  },
);
