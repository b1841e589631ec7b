import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

const KINDS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'examples', 'links', 'callbacks'] as const;

export default defineRule(
  {
    name: 'components-used',
    severity: 'info',
    summary: 'Every reusable component is referenced somewhere (unused ones are dead weight or a forgotten wiring).',
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    if (!components || !isObj(components.value)) return;
    const used = new Set<string>();
    for (const use of input.refs()) {
      const t = use.target;
      if (t && t.doc === input.doc && t.path[0] === 'components' && t.path.length >= 3) used.add(`${String(t.path[1])}/${String(t.path[2])}`);
    }
    // Security schemes are used by name in security requirements, not by $ref.
    const requirements = [input.root.security, ...input.operations.map((op) => op.node.value.security), ...input.webhooks.map((op) => op.node.value.security)];
    for (const list of requirements) if (Array.isArray(list)) for (const req of list) if (isObj(req)) for (const name of Object.keys(req)) used.add(`securitySchemes/${name}`);
    for (const kind of [...KINDS, 'securitySchemes'] as const) {
      const group = input.child(components, kind);
      if (!group || !isObj(group.value)) continue;
      for (const name of Object.keys(group.value)) {
        if (used.has(`${kind}/${name}`)) continue;
        report({ doc: group.doc, path: [...group.path, name], value: group.value[name] }, `components.${kind}.${name} is never referenced`, {
          fix: { description: 'reference it where it was meant to be used, or delete it' },
        });
      }
    }
  },
);
