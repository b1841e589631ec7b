import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'tags-unique',
    severity: 'warning',
    summary: 'Each top-level tag is declared once.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const list = input.child(input.rootNode, 'tags');
    if (!list || !Array.isArray(list.value)) return;
    const first = new Map<string, number>();
    list.value.forEach((t, i) => {
      if (!isObj(t) || typeof t.name !== 'string') return;
      const at = first.get(t.name);
      if (at === undefined) first.set(t.name, i);
      else report({ doc: list.doc, path: [...list.path, i, 'name'], value: t.name }, `tag "${t.name}" is declared twice (also tags[${at}]): tools keep one of the two descriptions`);
    });
  },
);
