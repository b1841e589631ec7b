import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'client-error-response',
    severity: 'info',
    optIn: true,
    summary: 'Every operation documents at least one 4xx response (or 4XX, or default).',
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      if (!op.responsesNode) continue;
      if (op.responses.some((r) => r.status.startsWith('4') || r.status === 'default')) continue;
      report(op.responsesNode, `${op.label} documents no 4xx response: clients cannot tell what a rejected request looks like`);
    }
  },
);
