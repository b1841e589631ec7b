import { defineRule } from '../../openapi/rule.js';
import { hasResponse, reportEachOrOnce } from './_checks.js';

export default defineRule(
  {
    name: 'unavailable-response',
    severity: 'info',
    summary: 'Operations document 503 Service Unavailable (overload, maintenance, a dependency down).',
    references: ['RFC 9110 §15.6.4'],
  },
  (ctx) => {
    const ops = ctx.input.operations;
    const failing = ops
      .filter((op) => !hasResponse(op, '503') && !op.responses.some((r) => r.status === 'default'))
      .map((op) => ({ node: op.responsesNode ?? op.node, message: `${op.label} does not document 503 Service Unavailable` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations do not document 503 Service Unavailable: clients are not told to retry later during overload or maintenance`);
  },
);
