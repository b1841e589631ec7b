import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'operation-tags',
    severity: 'info',
    optIn: true,
    summary: 'Every operation has exactly one tag, so documentation and generated SDKs group it once.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const tags = op.node.value.tags;
      if (!Array.isArray(tags) || tags.length === 0) {
        report(op.node, `${op.label} has no tags: documentation lists it under "default" and SDK generators put it in a catch-all class`);
      } else if (tags.length > 1) {
        report({ doc: op.node.doc, path: [...op.node.path, 'tags'], value: tags }, `${op.label} has ${tags.length} tags: it appears once per tag in the docs and once per class in generated SDKs`);
      }
    }
  },
);
