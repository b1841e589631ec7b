import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

const NAME = /^[a-zA-Z0-9.\-_]+$/;

export default defineRule(
  {
    name: 'component-names',
    severity: 'error',
    summary: 'Component names use only letters, digits, ".", "-" and "_", as the specification requires.',
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    if (!components || !isObj(components.value)) return;
    for (const [section, map] of Object.entries(components.value)) {
      if (section.startsWith('x-') || !isObj(map)) continue;
      for (const name of Object.keys(map)) {
        if (NAME.test(name)) continue;
        report({ doc: components.doc, path: [...components.path, section, name], value: map[name] }, `components.${section} name "${name}" has characters outside [a-zA-Z0-9.-_]: its $ref needs escaping and code generators mangle it`);
      }
    }
  },
);
