import type { Operation } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { acceptsHeader, reportEachOrOnce } from './_checks.js';

/** A POST that creates something: it answers 201, or its name says so. */
export function isCreatingPost(op: Operation): boolean {
  if (op.method !== 'post') return false;
  if (op.responses.some((r) => r.status === '201')) return true;
  const id = op.node.value.operationId;
  return typeof id === 'string' && /^(create|add|insert|register)([A-Z_-]|$)/.test(id);
}

export default defineRule(
  {
    name: 'idempotency-key',
    severity: 'warning',
    summary: 'POST operations that create resources accept an Idempotency-Key header so retries do not duplicate.',
    references: ['IETF draft-ietf-httpapi-idempotency-key-header'],
  },
  (ctx) => {
    const candidates = ctx.input.operations.filter(isCreatingPost);
    const failing = candidates
      .filter((op) => !acceptsHeader(op, (h) => h === 'idempotencykey' || h === 'xidempotencykey'))
      .map((op) => ({ node: op.node, message: `${op.label} creates a resource but accepts no Idempotency-Key header: a retried request can create it twice` }));
    reportEachOrOnce(ctx, failing, candidates.length, (n, total) => `${n} of ${total} creating POST operations accept no Idempotency-Key header: retries after a timeout can create duplicates`);
  },
);
