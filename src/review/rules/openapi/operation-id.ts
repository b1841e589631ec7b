import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'operation-id',
    severity: 'warning',
    summary: 'Every operation has an operationId (SDK method names, links and docs anchors depend on it).',
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const id = op.node.value.operationId;
      if (typeof id !== 'string' || id.trim() === '') {
        report(op.node, `${op.label} has no operationId`, { fix: { description: 'add a unique camelCase operationId such as listUsers or getUser' } });
      }
    }
  },
);
