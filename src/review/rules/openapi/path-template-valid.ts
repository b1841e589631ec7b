import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'path-template-valid',
    severity: 'error',
    summary: 'Path keys are templates of the path only: no empty or repeated {parameters}, no query string or fragment.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const section of ['paths', 'webhooks'] as const) {
      const paths = input.child(input.rootNode, section);
      if (!paths || !isObj(paths.value) || section === 'webhooks') continue;
      for (const path of Object.keys(paths.value)) {
        if (path.startsWith('x-')) continue;
        const node = { doc: paths.doc, path: [...paths.path, path], value: paths.value[path] };
        if (/\{\s*\}/.test(path)) {
          report(node, `path "${path}" has an empty parameter {}: no parameter can fill it`);
          continue;
        }
        const q = path.search(/[?#]/);
        if (q >= 0) {
          report(node, `path "${path}" includes ${path[q] === '?' ? 'a query string' : 'a fragment'}: query parameters are declared with in: query, not in the path key`);
          continue;
        }
        const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
        const twice = names.find((n, i) => names.indexOf(n) !== i);
        if (twice !== undefined) report(node, `path "${path}" uses {${twice}} twice: one parameter cannot fill two places`);
        else if (/[{}]/.test(path.replace(/\{[^{}]*\}/g, ''))) report(node, `path "${path}" has an unbalanced brace`);
      }
    }
  },
);
