import { isObj } from '../../openapi/model.js';
import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'jwt-best-practices',
    severity: 'info',
    optIn: true,
    summary: 'Security schemes that issue JWTs (OAuth 2, bearer JWT) say in their description that tokens follow RFC 8725.',
    references: ['OWASP API2:2023 Broken Authentication', 'RFC 8725 JSON Web Token Best Current Practices'],
  },
  ({ input, report }) => {
    const components = input.child(input.rootNode, 'components');
    const schemes = components ? input.child(components, 'securitySchemes') : undefined;
    if (!schemes || !isObj(schemes.value)) return;
    for (const name of Object.keys(schemes.value)) {
      const s = input.child(schemes, name);
      if (!s || !isObj(s.value)) continue;
      const v = s.value;
      const jwt = v.type === 'oauth2' || (typeof v.bearerFormat === 'string' && v.bearerFormat.toLowerCase() === 'jwt');
      if (!jwt) continue;
      if (typeof v.description === 'string' && /RFC\s?8725/i.test(v.description)) continue;
      report(s, `security scheme "${name}" issues JWTs but its description does not say they follow RFC 8725 (algorithms pinned, audience and issuer checked)`);
    }
  },
);
