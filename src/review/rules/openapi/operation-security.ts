import { defineRule } from '../../openapi/rule.js';
import { reportEachOrOnce } from './_checks.js';

export default defineRule(
  {
    name: 'operation-security',
    severity: 'error',
    summary: 'Every operation declares a security requirement, or is explicitly public with `security: []`; operations that change data are not public.',
    references: ['OWASP API2:2023 Broken Authentication', 'OWASP API5:2023 Broken Function Level Authorization'],
  },
  (ctx) => {
    const ops = ctx.input.operations;
    const failing = ops
      .filter((op) => op.security === undefined)
      .map((op) => ({ node: op.node, message: `${op.label} declares no security requirement and none is set at the root; say which auth it needs, or \`security: []\` if it is public` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations declare no security requirement and there is no root-level security: the description does not say which endpoints need authentication`,
    );
    // OWASP API2: a write that anyone may call is an open door, even when reads are public.
    for (const op of ops) {
      if (!['post', 'put', 'patch', 'delete'].includes(op.method) || !Array.isArray(op.security)) continue;
      const open = op.security.length === 0 || op.security.some((r) => r !== null && typeof r === 'object' && Object.keys(r).length === 0);
      if (!open) continue;
      ctx.report(ctx.input.child(op.node, 'security') ?? op.node, `${op.label} changes data but may be called without authentication (${op.security.length === 0 ? 'security: []' : 'an empty requirement {}'}): anyone who finds it can write`, {
        fix: { description: 'require a security scheme; keep anonymous access for reads only' },
      });
    }
  },
);
