import { isObj, type Operation } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import { hasResponse, reportEachOrOnce } from './_checks.js';

/** True when the operation requires credentials (a non-empty requirement, not only `{}`). */
function requiresAuth(op: Operation): boolean {
  return Array.isArray(op.security) && op.security.length > 0 && op.security.every((r) => isObj(r) && Object.keys(r).length > 0);
}

export default defineRule(
  {
    name: 'auth-error-responses',
    severity: 'warning',
    summary: 'Operations that require authentication document 401 and 403.',
    references: ['RFC 9110 §15.5.2, §15.5.4'],
  },
  (ctx) => {
    const candidates = ctx.input.operations.filter(requiresAuth);
    const failing = candidates.flatMap((op) => {
      const missing = ['401', '403'].filter((s) => !hasResponse(op, s));
      return missing.length === 0 ? [] : [{ node: op.responsesNode ?? op.node, message: `${op.label} requires authentication but does not document ${missing.join(' or ')}` }];
    });
    reportEachOrOnce(ctx, failing, candidates.length, (n, total) => `${n} of ${total} authenticated operations do not document both 401 (not authenticated) and 403 (not allowed)`);
  },
);
