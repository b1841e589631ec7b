import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'no-http-basic-auth',
    severity: 'warning',
    summary: 'Security schemes do not use HTTP Basic (a reusable password on every request) or the insecure Negotiate and OAuth 1 HTTP schemes.',
    references: ['OWASP API2:2023 Broken Authentication'],
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    const schemes = components ? input.child(components, 'securitySchemes') : undefined;
    if (!schemes || !isObj(schemes.value)) return;
    for (const name of Object.keys(schemes.value)) {
      const scheme = input.child(schemes, name);
      if (!scheme || !isObj(scheme.value)) continue;
      const kind = scheme.value.type === 'http' && typeof scheme.value.scheme === 'string' ? scheme.value.scheme.toLowerCase() : undefined;
      const fix = { description: 'use OAuth 2.0 / OIDC bearer tokens or scoped API keys in a header' };
      if (kind === 'basic') {
        report(scheme, `security scheme "${name}" is HTTP Basic: the long-lived password travels with every request`, { fix });
      } else if (kind === 'negotiate' || kind === 'oauth') {
        const why = kind === 'negotiate' ? 'Negotiate (SPNEGO) falls back to NTLM, whose hashes can be relayed and cracked' : 'OAuth 1.0 signatures rest on shared secrets and HMAC-SHA1 and were superseded by OAuth 2.0';
        report(scheme, `security scheme "${name}" uses the HTTP ${kind} scheme: ${why}`, { fix });
      }
    }
  },
);
