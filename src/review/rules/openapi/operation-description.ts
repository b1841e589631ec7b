import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'operation-description',
    severity: 'info',
    optIn: true,
    summary: 'Every operation has a description beyond its summary.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const d = op.node.value.description;
      if (typeof d === 'string' && d.trim() !== '') continue;
      report(op.node, `${op.label} has no description: its behaviour, errors and side effects are left to guesswork`);
    }
  },
);
