import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';
import { reportEachOrOnce } from './_checks.js';

const PROBLEM = /^application\/problem\+(json|xml)$/i;

export default defineRule(
  {
    name: 'error-problem-json',
    severity: 'warning',
    summary: 'Error responses (4xx, 5xx, default) use the RFC 9457 problem details media type.',
    references: ['RFC 9457'],
  },
  (ctx) => {
    const seen = new Set<unknown>();
    const failing: { node: NodeRef; message: string }[] = [];
    let candidates = 0;
    for (const op of ctx.input.operations) {
      for (const r of op.responses) {
        const isError = r.status === 'default' || r.status.startsWith('4') || r.status.startsWith('5');
        const content = r.node.value.content;
        if (!isError || !isObj(content) || Object.keys(content).length === 0 || seen.has(r.node.value)) continue;
        seen.add(r.node.value);
        candidates++;
        const types = Object.keys(content);
        if (types.some((t) => PROBLEM.test(t.split(';')[0]!.trim()))) continue;
        const at = ctx.input.child(r.node, 'content') ?? r.node;
        failing.push({ node: at, message: `${r.status} response (${op.label}) is ${types.join(', ')}, not application/problem+json` });
      }
    }
    reportEachOrOnce(ctx, failing, candidates, (n, total) => `${n} of ${total} error responses do not use application/problem+json (RFC 9457): clients need one error shape to handle failures generically`);
  },
);
