import { defineRule } from '../../openapi/rule.js';
import { acceptsHeader, reportEachOrOnce, returnsHeader } from './_checks.js';

const isCorrelationHeader = (h: string): boolean => /requestid|correlationid|traceid|traceparent/.test(h);

export default defineRule(
  {
    name: 'correlation-id',
    severity: 'info',
    summary: 'Operations accept or return a request/correlation ID header (X-Request-ID, traceparent…).',
    references: ['W3C Trace Context'],
  },
  (ctx) => {
    const ops = ctx.input.operations;
    const failing = ops
      .filter((op) => !acceptsHeader(op, isCorrelationHeader) && !returnsHeader(ctx.input, op, isCorrelationHeader))
      .map((op) => ({ node: op.node, message: `${op.label} neither accepts nor returns a request ID header` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations neither accept nor return a request ID header (X-Request-ID, traceparent): support cannot match a client's failed call to server logs`);
  },
);
