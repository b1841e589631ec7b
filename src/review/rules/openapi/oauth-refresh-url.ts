import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'oauth-refresh-url',
    severity: 'info',
    optIn: true,
    summary: 'OAuth 2 flows give a refreshUrl, so access tokens can be short-lived.',
    references: ['OWASP API2:2023 Broken Authentication'],
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    const schemes = components ? input.child(components, 'securitySchemes') : undefined;
    if (!schemes || !isObj(schemes.value)) return;
    for (const name of Object.keys(schemes.value)) {
      const s = input.child(schemes, name);
      if (!s || !isObj(s.value) || s.value.type !== 'oauth2') continue;
      const flows = input.child(s, 'flows');
      if (!flows || !isObj(flows.value)) continue;
      for (const flow of Object.keys(flows.value)) {
        const f = input.child(flows, flow);
        // implicit flows issue no refresh token by design (RFC 6749 §4.2)
        if (!f || !isObj(f.value) || flow === 'implicit' || typeof f.value.refreshUrl === 'string') continue;
        report(f, `the ${flow} flow of "${name}" has no refreshUrl: without refresh tokens, access tokens are made long-lived and a stolen one works for long`);
      }
    }
  },
);
