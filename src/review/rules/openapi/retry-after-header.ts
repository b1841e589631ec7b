import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'retry-after-header',
    severity: 'warning',
    summary: '429 and 503 responses declare a Retry-After header.',
    references: ['RFC 9110 §10.2.3', 'RFC 6585 §4'],
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const r of op.responses) {
        if (r.status !== '429' && r.status !== '503') continue;
        if (seen.has(r.node.value)) continue;
        seen.add(r.node.value);
        const headers = r.node.value.headers;
        if (isObj(headers) && Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) continue;
        report(r.node, `${r.status} response (${op.label}) does not declare Retry-After: clients will retry at once or guess`, {
          fix: { description: 'declare the header', code: `headers:\n  Retry-After:\n    description: Seconds to wait before retrying.\n    schema:\n      type: integer\n      minimum: 0`, language: 'yaml' },
        });
      }
    }
  },
);
