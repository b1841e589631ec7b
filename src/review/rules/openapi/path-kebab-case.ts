import { defineRule } from '../../openapi/rule.js';
import { pathSegments } from './_checks.js';

/**
 * lower-case words joined by hyphens, an optional extension (`.json`), `.well-known`, an alias
 * such as `@me` (the current user), or an AIP-136 custom method suffix.
 */
const KEBAB = /^[.@]?[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)?$/;

export default defineRule(
  {
    name: 'path-kebab-case',
    severity: 'warning',
    summary: 'Static path segments are lower-case kebab-case (`/order-items`, not `/orderItems` or `/order_items`).',
  },
  ({ input, report }) => {
    const paths = input.child(input.rootNode, 'paths');
    if (!paths) return;
    for (const path of Object.keys(paths.value as object)) {
      const bad = pathSegments(path).filter((s) => !s.templated && !KEBAB.test(s.text.split(':')[0]!));
      if (bad.length === 0) continue;
      report({ doc: paths.doc, path: [...paths.path, path], value: null }, `path ${path} has segments that are not kebab-case: ${bad.map((s) => s.text).join(', ')}`, {
        fix: { description: `rename to ${bad.map((s) => s.text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase()).join(', ')}` },
      });
    }
  },
);
