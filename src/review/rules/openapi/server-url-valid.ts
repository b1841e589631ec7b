import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'server-url-valid',
    severity: 'warning',
    summary: 'Server URLs have no trailing slash (paths start with one).',
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
        const at = { doc: list.doc, path: [...list.path, i, 'url'], value: s.url };
        if (s.url.length > 1 && s.url.endsWith('/')) report(at, `server URL ${s.url} ends with a slash: joined with a path (which starts with one) it gives "//"`);
      });
    }
  },
);
