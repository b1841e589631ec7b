import { defineRule } from '../../openapi/rule.js';
import { reportEachOrOnce } from './_checks.js';

export default defineRule(
  {
    name: 'operation-security',
    severity: 'error',
    summary: 'Every operation declares a security requirement, or is explicitly public with `security: []`.',
    references: ['OWASP API2:2023 Broken Authentication', 'OWASP API5:2023 Broken Function Level Authorization'],
  },
  (ctx) => {
    const ops = ctx.input.operations;
    const failing = ops
      .filter((op) => op.security === undefined)
      .map((op) => ({ node: op.node, message: `${op.label} declares no security requirement and none is set at the root; say which auth it needs, or \`security: []\` if it is public` }));
    reportEachOrOnce(ctx, failing, ops.length, (n, total) => `${n} of ${total} operations declare no security requirement and there is no root-level security: the description does not say which endpoints need authentication`,
    );
  },
);
