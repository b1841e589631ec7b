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
    for (const p of keys) {
      const s = shape(p);
      const other = byShape.get(s);
      if (other !== undefined) report(node(p), `path "${p}" is the same template as "${other}": a router cannot tell them apart`, { related: [{ node: node(other), message: 'the other path' }] });
      else byShape.set(s, p);
    }
    // Ambiguous: same number of segments, each pair equal or one templated, and neither path is
    // more specific at the first difference (a literal segment beats a template for routers).
    const segs = new Map(keys.map((p) => [p, p.split('/')]));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = segs.get(keys[i]!)!;
        const b = segs.get(keys[j]!)!;
        if (a.length !== b.length || shape(keys[i]!) === shape(keys[j]!)) continue;
        let aLiteralWins = false;
        let bLiteralWins = false;
        let match = true;
        for (let k = 0; k < a.length && match; k++) {
          const ta = a[k]!.includes('{');
          const tb = b[k]!.includes('{');
          if (!ta && !tb) match = a[k] === b[k];
          else if (ta && !tb) bLiteralWins = true;
          else if (!ta && tb) aLiteralWins = true;
        }
        if (match && aLiteralWins && bLiteralWins) report(node(keys[j]!), `path "${keys[j]}" is ambiguous with "${keys[i]}": a request such as ${example(a, b)} matches both`, { related: [{ node: node(keys[i]!), message: 'the other path' }] });
      }
    }
  },
);

function example(a: string[], b: string[]): string {
  return a.map((s, k) => (s.includes('{') ? b[k]! : s)).join('/');
}
