import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'server-variables',
    severity: 'error',
    summary: 'Every {variable} of a server URL is defined, every defined variable is used, and each default is one of its enum values.',
  },
  ({ input, report }) => {
    const lists = [input.child(input.rootNode, 'servers')];
    for (const op of input.operations) lists.push(input.child(op.pathItem, 'servers'), input.child(op.node, 'servers'));
    const seen = new Set<unknown>();
    for (const list of lists) {
      if (!list || !Array.isArray(list.value) || seen.has(list.value)) continue;
      seen.add(list.value);
      list.value.forEach((s, i) => {
        if (!isObj(s) || typeof s.url !== 'string') return;
        const base = [...list.path, i];
        const used = [...s.url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const vars = isObj(s.variables) ? s.variables : {};
        for (const name of new Set(used)) {
          if (!(name in vars)) report({ doc: list.doc, path: [...base, 'url'], value: s.url }, `server URL ${s.url} uses {${name}}, which its variables do not define: no client can fill it`);
        }
        for (const [name, v] of Object.entries(vars)) {
          const at = { doc: list.doc, path: [...base, 'variables', name], value: v };
          if (!used.includes(name)) report(at, `server variable "${name}" is not used in ${s.url}`);
          if (!isObj(v)) continue;
          if (Array.isArray(v.enum) && v.enum.length === 0) report(at, `server variable "${name}" has an empty enum: no value is allowed`);
          else if (Array.isArray(v.enum) && v.default !== undefined && !v.enum.includes(v.default)) report(at, `server variable "${name}" defaults to ${JSON.stringify(v.default)}, which is not one of its enum values`);
        }
      });
    }
  },
);
