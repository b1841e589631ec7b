import { defineRule } from '../../openapi/rule.js';
import { hasResponse, reportEachOrOnce } from './_checks.js';

export default defineRule(
  {
    name: 'validation-error-response',
    severity: 'warning',
    summary: 'Operations that take input document 400 or 422 for invalid input.',
    references: ['OWASP API8:2023 Security Misconfiguration'],
  },
  (ctx) => {
    const candidates = ctx.input.operations.filter((op) => op.requestBody !== undefined || op.parameters.some((p) => p.in === 'query' || p.in === 'header' || p.in === 'cookie'));
    const failing = candidates
      .filter((op) => !hasResponse(op, '400') && !hasResponse(op, '422'))
      .map((op) => ({ node: op.responsesNode ?? op.node, message: `${op.label} takes input but documents neither 400 nor 422 for invalid input` }));
    reportEachOrOnce(ctx, failing, candidates.length, (n, total) => `${n} of ${total} operations that take input document neither 400 nor 422: clients cannot tell how invalid input is reported`);
  },
);
