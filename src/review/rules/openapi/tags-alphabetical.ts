import { isObj } from '../../openapi/model.js';
import { byCodeUnit } from '../../../util/compare.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'tags-alphabetical',
    severity: 'info',
    optIn: true,
    summary: 'The top-level tags are listed in alphabetical order.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const list = input.child(input.rootNode, 'tags');
    if (!list || !Array.isArray(list.value)) return;
    const names = list.value.map((t) => (isObj(t) && typeof t.name === 'string' ? t.name : ''));
    for (let i = 1; i < names.length; i++) {
      // case-insensitive, in code-unit order (the same on every machine)
      if (byCodeUnit(names[i - 1]!.toLowerCase(), names[i]!.toLowerCase()) > 0) {
        report({ doc: list.doc, path: [...list.path, i], value: list.value[i] }, `tag "${names[i]}" comes after "${names[i - 1]}": the tags are not in alphabetical order`);
        return;
      }
    }
  },
);
