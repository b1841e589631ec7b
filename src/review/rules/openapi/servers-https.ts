import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

const LOCAL_HOST = /^http:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])([:/]|$)/i;

export default defineRule(
  {
    name: 'servers-https',
    severity: 'error',
    summary: 'Server URLs use HTTPS (plain HTTP only for localhost).',
    references: ['OWASP API8:2023 Security Misconfiguration'],
  },
  ({ input, report }) => {
    const check = (holder: NodeRef | undefined): void => {
      const servers = holder ? input.child(holder, 'servers') : undefined;
      if (!servers || !Array.isArray(servers.value)) return;
      servers.value.forEach((s, i) => {
        if (!isObj(s) || typeof s.url !== 'string') return;
        if (/^http:\/\//i.test(s.url) && !LOCAL_HOST.test(s.url)) {
          report({ doc: servers.doc, path: [...servers.path, i, 'url'], value: s.url }, `server URL ${s.url} uses plain HTTP; credentials and data travel unencrypted`, {
            fix: { description: 'serve the API over HTTPS and change the URL', code: s.url.replace(/^http:/i, 'https:'), language: 'text' },
          });
        }
      });
    };
    check(input.rootNode);
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      if (!seen.has(op.pathItem.value)) {
        seen.add(op.pathItem.value);
        check(op.pathItem);
      }
      check(op.node);
    }
  },
);
