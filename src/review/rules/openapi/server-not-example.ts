import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'server-not-example',
    severity: 'warning',
    optIn: true,
    summary: 'Server URLs point at a real host, not an example domain (example.com, .org, .net).',
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
        // Opt-in: descriptions written before the host exists (archie's own designs) use example.com on purpose.
        if (/^(?:[a-z]+:)?\/\/(?:[^/]*\.)?example\.(?:com|org|net)(?::\d+)?(?:\/|$)/i.test(s.url)) report(at, `server URL ${s.url} points at an example domain: clients and "try it" consoles send real requests there`);
      });
    }
  },
);
