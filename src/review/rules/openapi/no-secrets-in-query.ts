import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

/** Query parameter names that carry credentials (normalised: lower case, no separators). */
const SECRET_NAMES = new Set([
  'apikey', 'accesstoken', 'token', 'authtoken', 'authorization', 'auth', 'password', 'passwd', 'pwd', 'secret',
  'clientsecret', 'privatekey', 'sessiontoken', 'credentials', 'credential', 'refreshtoken', 'idtoken', 'jwt', 'bearer',
]);

export default defineRule(
  {
    name: 'no-secrets-in-query',
    severity: 'error',
    summary: 'Credentials are never sent in the query string (it ends up in logs, proxies and browser history).',
    references: ['OWASP API2:2023 Broken Authentication', 'RFC 6750 §5.3'],
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    const schemes = components ? input.child(components, 'securitySchemes') : undefined;
    if (schemes && isObj(schemes.value)) {
      for (const name of Object.keys(schemes.value)) {
        const scheme = input.child(schemes, name);
        if (scheme && isObj(scheme.value) && scheme.value.type === 'apiKey' && scheme.value.in === 'query') {
          report({ doc: scheme.doc, path: [...scheme.path, 'in'], value: 'query' }, `security scheme "${name}" sends the API key in the query string`, {
            fix: { description: 'send the key in a header instead', code: `type: apiKey\nin: header\nname: X-API-Key`, language: 'yaml' },
          });
        }
      }
    }
    const seen = new Set<unknown>();
    for (const op of input.operations) {
      for (const p of op.parameters) {
        if (p.in !== 'query' || seen.has(p.node.value)) continue;
        seen.add(p.node.value);
        const norm = p.name.toLowerCase().replace(/[-_\s]/g, '');
        if (SECRET_NAMES.has(norm)) {
          report(p.node, `query parameter "${p.name}" (${op.label}) looks like a credential; query strings are logged by servers and proxies`, {
            fix: { description: 'accept the credential in the Authorization header (or another header) instead' },
          });
        }
      }
    }
  },
);
