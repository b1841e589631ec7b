import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

/** `/orders/{id}` and `/orders/{orderId}` are one template. */
const shape = (path: string): string => path.replace(/\{[^}]*\}/g, '{}');

export default defineRule(
  {
    name: 'paths-distinct',
    severity: 'error',
    summary: 'No two paths are the same template under different parameter names, and none is ambiguous with another (a request could match both).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    const paths = input.child(input.rootNode, 'paths');
    if (!paths || !isObj(paths.value)) return;
    const keys = Object.keys(paths.value).filter((p) => p.startsWith('/'));
    const byShape = new Map<string, string>();
    const node = (p: string): { doc: typeof paths.doc; path: (string | number)[]; value: unknown } => ({ doc: paths.doc, path: [...paths.path, p], value: (paths.value as Record<string, unknown>)[p] });
    const shapes = new Map(keys.map((p) => [p, shape(p)]));
    for (const p of keys) {
      const s = shapes.get(p)!;
      const other = byShape.get(s);
      if (other !== undefined) report(node(p), `path "${p}" is the same template as "${other}": a router cannot tell them apart`, { related: [{ node: node(other), message: 'the other path' }] });
      else byShape.set(s, p);
    }
    // Ambiguous: same number of segments, each pair equal or one templated, and neither path is
    // more specific at the first difference (a literal segment beats a template for routers).
    // Only paths that both hold a template can be ambiguous (each needs a literal where the other
    // has a template), and only with as many segments: pairs are formed inside those groups, so a
    // spec of 20,000 literal paths compares none.
    const groups = new Map<number, { key: string; segs: string[]; shape: string }[]>();
    for (const key of keys) {
      if (!key.includes('{')) continue;
      const segs = key.split('/');
      const group = groups.get(segs.length) ?? [];
      group.push({ key, segs, shape: shapes.get(key)! });
      groups.set(segs.length, group);
    }
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i]!;
          const b = group[j]!;
          if (a.shape === b.shape) continue;
          let aLiteralWins = false;
          let bLiteralWins = false;
          let match = true;
          for (let k = 0; k < a.segs.length && match; k++) {
            const ta = a.segs[k]!.includes('{');
            const tb = b.segs[k]!.includes('{');
            if (!ta && !tb) match = a.segs[k] === b.segs[k];
            else if (ta && !tb) bLiteralWins = true;
            else if (!ta && tb) aLiteralWins = true;
          }
          if (match && aLiteralWins && bLiteralWins) report(node(b.key), `path "${b.key}" is ambiguous with "${a.key}": a request such as ${example(a.segs, b.segs)} matches both`, { related: [{ node: node(a.key), message: 'the other path' }] });
        }
      }
    }
  },
);

function example(a: string[], b: string[]): string {
  return a.map((s, k) => (s.includes('{') ? b[k]! : s)).join('/');
}
