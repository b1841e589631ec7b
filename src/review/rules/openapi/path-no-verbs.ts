import { defineRule } from '../../openapi/rule.js';
import { pathSegments, startsWithVerb } from './_checks.js';

export default defineRule(
  {
    name: 'path-no-verbs',
    severity: 'warning',
    summary: 'Paths name resources; the HTTP method is the verb (`POST /users`, not `/createUser`).',
  },
  ({ input, report }) => {
    const paths = input.child(input.rootNode, 'paths');
    if (!paths) return;
    for (const path of Object.keys(paths.value as object)) {
      const verbs = pathSegments(path).filter((s) => !s.templated && startsWithVerb(s.text));
      if (verbs.length === 0) continue;
      report({ doc: paths.doc, path: [...paths.path, path], value: null }, `path ${path} has a CRUD verb in it (${verbs.map((s) => s.text).join(', ')}); let the HTTP method say what happens`, {
        fix: { description: 'name the resource and use GET/POST/PUT/PATCH/DELETE on it' },
      });
    }
  },
);
