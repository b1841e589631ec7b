import { defineRule } from '../../openapi/rule.js';
import { isObj, type Obj } from '../../openapi/model.js';
import { hasType, isEnumerated } from './_checks.js';

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
      // uniqueItems over an enumerated item type is bounded by the number of values.
      const items = isObj(s.items) ? input.child<Obj>(v.node, 'items') : undefined;
      if (s.uniqueItems === true && items && isObj(items.value) && isEnumerated(input, items)) continue;
      const what = v.property ? `array "${v.property}"` : 'array';
      report(v.node, `${what} sent to ${v.operation.label} has no maxItems: one request can carry unbounded work`, {
        fix: { description: 'bound it', code: 'maxItems: 100', language: 'yaml' },
      });
    }
  },
);
