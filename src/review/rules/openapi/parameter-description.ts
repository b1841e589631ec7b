import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'parameter-description',
    severity: 'info',
    summary: 'Parameters have a description.',
  },
  ({ input, report }) => {
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const d = p.node.value.description;
        if (typeof d === 'string' && d.trim() !== '') continue;
        report(p.node, `parameter "${p.name}" (${op.label}) has no description`);
      }
    }
  },
);
