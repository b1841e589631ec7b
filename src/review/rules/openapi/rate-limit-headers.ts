import { defineRule } from '../../openapi/rule.js';
import { reportEachOrOnce, returnsHeader } from './_checks.js';

/** RateLimit (IETF draft) and the X-RateLimit-* family, normalised. */
const isRateLimitHeader = (h: string): boolean => h.startsWith('ratelimit') || h.startsWith('xratelimit');

export default defineRule(
  {
    name: 'rate-limit-headers',
    severity: 'info',
    summary: 'Responses tell clients their quota (RateLimit or X-RateLimit-* headers).',
    references: ['OWASP API4:2023 Unrestricted Resource Consumption', 'IETF draft-ietf-httpapi-ratelimit-headers'],
  },
  (ctx) => {
    const ops = ctx.input.operations.filter((op) => op.responses.some((r) => r.status.startsWith('2')));
    const failing = ops
      .filter((op) => !returnsHeader(ctx.input, op, isRateLimitHeader))
      .map((op) => ({ node: op.responsesNode ?? op.node, message: `${op.label} returns no rate-limit headers (RateLimit-Limit/-Remaining/-Reset)` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations return no rate-limit headers: clients cannot see their remaining quota before they hit 429`);
  },
);
