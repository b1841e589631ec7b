import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'path-no-trailing-slash',
    severity: 'warning',
    summary: 'Paths do not end with a slash (`/users`, not `/users/`).',
  },
  ({ input, report }) => {
    const paths = input.child(input.rootNode, 'paths');
    if (!paths) return;
    for (const path of Object.keys(paths.value as object)) {
      if (path.length > 1 && path.endsWith('/')) {
        report({ doc: paths.doc, path: [...paths.path, path], value: null }, `path ${path} ends with a slash; /x and /x/ are different URLs to routers and caches`, {
          fix: { description: `rename to ${path.replace(/\/+$/, '')}` },
        });
      }
    }
  },
);
