import { defineRule } from '../../openapi/rule.js';
import { hasResponse, reportEachOrOnce } from './_checks.js';

export default defineRule(
  {
    name: 'rate-limit-response',
    severity: 'warning',
    summary: 'Operations document 429 Too Many Requests.',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption', 'RFC 6585 §4'],
  },
  (ctx) => {
    const ops = ctx.input.operations;
    const failing = ops.filter((op) => !hasResponse(op, '429')).map((op) => ({ node: op.responsesNode ?? op.node, message: `${op.label} does not document 429 Too Many Requests` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations do not document 429 Too Many Requests: clients cannot tell that the API is rate limited or how to back off`);
  },
);
