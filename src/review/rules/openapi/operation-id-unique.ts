import type { Operation } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'operation-id-unique',
    severity: 'error',
    summary: 'operationIds are unique across the description.',
  },
  ({ input, report }) => {
    const first = new Map<string, Operation>();
    for (const op of input.operations) {
      const id = op.node.value.operationId;
      if (typeof id !== 'string' || id === '') continue;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, op);
        continue;
      }
      report({ doc: op.node.doc, path: [...op.node.path, 'operationId'], value: id }, `operationId "${id}" of ${op.label} is already used by ${earlier.label}`, {
        related: [{ node: { doc: earlier.node.doc, path: [...earlier.node.path, 'operationId'], value: id }, message: 'first use' }],
        fix: { description: 'give each operation its own operationId' },
      });
    }
  },
);
