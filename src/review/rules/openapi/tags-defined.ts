import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'tags-defined',
    severity: 'info',
    optIn: true,
    summary: 'The tags operations use are declared in the top-level tags list, each with a description.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const list = input.child(input.rootNode, 'tags');
    const declared = new Set<string>();
    if (list && Array.isArray(list.value) && list.value.length > 0) {
      list.value.forEach((t, i) => {
        if (!isObj(t) || typeof t.name !== 'string') return;
        declared.add(t.name);
        if (typeof t.description !== 'string' || t.description.trim() === '') report({ doc: list.doc, path: [...list.path, i], value: t }, `tag "${t.name}" has no description`);
      });
    } else {
      report(input.child(input.rootNode, 'openapi') ?? input.child(input.rootNode, 'swagger') ?? input.rootNode, 'the description declares no tags: their order and descriptions in the docs are left to the tool');
      return;
    }
    for (const op of input.operations) {
      const tags = op.node.value.tags;
      if (!Array.isArray(tags)) continue;
      tags.forEach((t, i) => {
        if (typeof t === 'string' && !declared.has(t)) report({ doc: op.node.doc, path: [...op.node.path, 'tags', i], value: t }, `tag "${t}" of ${op.label} is not declared in the top-level tags`);
      });
    }
  },
);
