import { defineRule } from '../../openapi/rule.js';
import { hasType, isEnumerated } from './_checks.js';

export default defineRule(
  {
    name: 'integer-bounds',
    severity: 'info',
    summary: 'Integers that clients send declare minimum, maximum and their width (format int32 or int64).',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption'],
  },
  ({ input, report }) => {
    for (const v of input.inputSchemas()) {
      const s = v.node.value;
      if (!hasType(s, 'integer') || isEnumerated(input, v.node)) continue;
      const hasMin = typeof s.minimum === 'number' || typeof s.exclusiveMinimum === 'number';
      const hasMax = typeof s.maximum === 'number' || typeof s.exclusiveMaximum === 'number';
      const hasFormat = s.format === 'int32' || s.format === 'int64' || (typeof s.format === 'string' && /^u?int(8|16|32|64)$/.test(s.format));
      if (hasMin && hasMax && hasFormat) continue;
      const parts = [hasMin ? '' : 'minimum', hasMax ? '' : 'maximum', hasFormat ? '' : 'format (int32 or int64)'].filter(Boolean);
      const missing = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
      const what = v.property ? `integer "${v.property}"` : 'integer';
      report(v.node, `${what} sent to ${v.operation.label} has no ${missing}`, {
        fix: { description: 'declare the range the server accepts', code: 'minimum: 0\nmaximum: 10000', language: 'yaml' },
      });
    }
  },
);
