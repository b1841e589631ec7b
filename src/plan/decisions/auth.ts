import { UNIT_PRICES } from '../../knowledge/prices.js';
import type { DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/** OAuth2/OIDC with short-lived JWTs and scopes/roles; managed identity unless cost or residency says otherwise. */
export const auth: DecisionModule = {
  id: 'auth',
  title: 'Authentication and authorization',
  question: 'How do users and clients authenticate, and how are permissions enforced?',
  decide(ctx) {
    const mau = ctx.req.scale.mau.value;
    const managedCost = Math.max(0, mau - UNIT_PRICES.identityFreeMau) * UNIT_PRICES.identityPerMau;
    const regs = ctx.req.regulations.map((r) => r.value);
    const selfHost = managedCost > 3000 || regs.includes('HIPAA');
    const cloud = ctx.req.cloud.value;
    const managed = { aws: 'Amazon Cognito', gcp: 'Google Identity Platform', azure: 'Microsoft Entra External ID', any: 'a managed OIDC provider (Auth0, Okta)' }[cloud];
    const idp = selfHost ? 'Keycloak (self-hosted)' : managed;
    return {
      considered: options([
        [`${managed} (managed OIDC)`, selfHost ? 'viable' : 'chosen', `no identity servers to run; MFA and social login included; ~$${n(managedCost)}/month at ${n(mau)} monthly users`],
        ['Keycloak (self-hosted OIDC)', selfHost ? 'chosen' : 'viable', 'no per-user fees and full control of data location; another stateful service to patch and run'],
        ['Home-grown sessions and password storage', 'rejected', 'password storage, MFA, recovery and token rotation are easy to get wrong and not the product'],
        ['API keys only', 'rejected', 'no user identity, no expiry or scopes; kept only for server-to-server integrations'],
      ]),
      chosen: `OAuth 2.1 / OpenID Connect via ${idp}; 15-minute JWT access tokens with rotating refresh tokens; RBAC roles mapped to OAuth scopes checked on every route`,
      rationale: `${n(mau)} monthly users would cost ~$${n(managedCost)}/month on ${managed}. ${selfHost ? (regs.includes('HIPAA') ? 'HIPAA favours keeping identity data under the team\'s control (with a BAA either way). ' : 'That fee justifies running Keycloak. ') : 'That is cheaper than the engineering time to run an identity server. '}Short-lived access tokens are validated locally (signature and expiry) on each request; scopes such as \`${ctx.archetype.entities[0]?.resource ?? 'items'}:read\` gate each operation and roles group scopes.`,
      wouldChange: selfHost
        ? (regs.includes('HIPAA') ? 'A managed provider that signs a BAA and keeps identity data where the compliance owners need it would remove the need to run Keycloak; enterprise customers would add SAML/OIDC federation.' : 'Fewer than ~200k monthly users would make the managed provider\'s per-user fees cheaper than running Keycloak; enterprise customers would add SAML/OIDC federation.')
        : 'Over ~200k monthly users the managed provider\'s per-user price would favour self-hosted Keycloak; enterprise customers would add SAML/OIDC federation.',
      drivers: ['scale.mau', 'regulations', 'cloud'],
      significant: true,
      quotes: [quote('mau', mau)],
      thresholds: selfHost ? [] : [threshold('mau', UNIT_PRICES.identityFreeMau + 3000 / UNIT_PRICES.identityPerMau, 'Keycloak')],
    };
  },
};
