import { defineRule } from '../../openapi/rule.js';

const present = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

export default defineRule(
  {
    name: 'operation-summary',
    severity: 'warning',
    summary: 'Every operation has a summary or a description.',
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      if (!present(op.node.value.summary) && !present(op.node.value.description)) {
        report(op.node, `${op.label} has neither a summary nor a description`, { fix: { description: 'add a one-line summary of what the operation does' } });
      }
    }
  },
);
