import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'success-response',
    severity: 'error',
    summary: 'Every operation documents at least one success (2xx/3xx) or default response.',
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const ok = op.responses.some((r) => r.status === 'default' || /^[23]/.test(r.status));
      if (!ok) report(op.responsesNode ?? op.node, `${op.label} documents no success response`, { fix: { description: 'document the 2xx response the operation returns' } });
    }
  },
);
