import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

export default defineRule(
  {
    name: 'security-schemes-defined',
    severity: 'error',
    summary: 'Every security requirement names a scheme defined in components.securitySchemes.',
  },
  ({ input, report }) => {
    const components = input.root.components;
    const schemes = isObj(components) && isObj(components.securitySchemes) ? components.securitySchemes : {};
    const check = (holder: NodeRef): void => {
      const list = input.child(holder, 'security');
      if (!list || !Array.isArray(list.value)) return;
      list.value.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const name of Object.keys(req)) {
          if (!Object.hasOwn(schemes, name)) {
            report({ doc: list.doc, path: [...list.path, i, name], value: req[name] }, `security scheme "${name}" is not defined in components.securitySchemes`, {
              fix: { description: `define components.securitySchemes.${name} or fix the name` },
            });
          }
        }
      });
    };
    check(input.rootNode);
    for (const op of input.operations) check(op.node);
  },
);
