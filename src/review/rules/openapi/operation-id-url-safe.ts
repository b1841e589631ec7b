import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';

/** RFC 3986 unreserved characters plus the sub-delimiters and `:@/` allowed in a path. */
const URL_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

export default defineRule(
  {
    name: 'operation-id-url-safe',
    severity: 'warning',
    summary: 'operationIds use only characters that are valid in a URL (docs link to them, SDKs name methods after them).',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const op of input.operations) {
      const id = op.node.value.operationId;
      if (typeof id !== 'string' || URL_SAFE.test(id)) continue;
      const bad = [...new Set([...id].filter((c) => !URL_SAFE.test(c)))].map((c) => (c === ' ' ? 'a space' : `"${c}"`));
      report({ doc: op.node.doc, path: [...op.node.path, 'operationId'], value: id }, `operationId "${id}" of ${op.label} holds ${bad.join(', ')}, not valid in a URL: documentation anchors and links to it break`);
    }
  },
);
