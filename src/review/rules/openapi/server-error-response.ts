import { defineRule } from '../../openapi/rule.js';
import { hasResponse } from './_checks.js';

export default defineRule(
  {
    name: 'server-error-response',
    severity: 'info',
    optIn: true,
    summary: 'Operations document their 500 (or 5XX, or default) response with a body, so clients can parse failures.',
    references: ['OWASP API8:2023 Security Misconfiguration'],
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      if (!op.responsesNode) continue;
      if (hasResponse(op, '500') || op.responses.some((r) => r.status === 'default')) continue;
      report(op.responsesNode, `${op.label} documents no 500 response: what a client receives when the server fails (and whether it leaks a stack trace) is unspecified`);
    }
  },
);
