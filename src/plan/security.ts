import type { Design, Entity } from '../model/design.js';
import { chosen, type PlanContext } from './context.js';

type Item = Design['security'][number];

/**
 * The security checklist for this design: authentication and authorization as decided, transport
 * and storage encryption, the OWASP API Security Top 10 (2023) mapped to concrete controls, and
 * GDPR / HIPAA / PCI-DSS / SOC 2 items when they apply, with privacy by design for personal data.
 */
export function planSecurity(ctx: PlanContext, entities: Entity[]): Item[] {
  const personal = entities.flatMap((e) => e.fields.filter((f) => f.personal).map((f) => `${e.table}.${f.name}`));
  const regs = new Set(ctx.req.regulations.map((r) => r.value));
  const items: Item[] = [
    { id: 'authn', category: 'Authentication', item: 'OAuth 2.1 / OIDC sign-in, short-lived JWT access tokens', detail: chosen(ctx, 'auth') ?? 'OIDC', reference: 'RFC 9700 (OAuth 2.0 Security BCP)' },
    { id: 'authz', category: 'Authorization', item: 'Scopes on every operation; object-level checks on every id', detail: 'Each handler checks that the caller may act on the specific object (owner, member or tenant), not only that the scope is present.', reference: 'OWASP API1:2023 Broken Object Level Authorization' },
    { id: 'authz-function', category: 'Authorization', item: 'Role-based access for administrative functions', detail: 'Admin routes require an admin role and are not reachable with user scopes; deny by default.', reference: 'OWASP API5:2023 Broken Function Level Authorization' },
    { id: 'props', category: 'Input', item: 'Request schemas reject unknown and read-only properties', detail: 'Server-generated fields (id, timestamps, computed values) are readOnly in OpenAPI and ignored or rejected on input; responses list the fields they return.', reference: 'OWASP API3:2023 Broken Object Property Level Authorization' },
    { id: 'limits', category: 'Rate limiting', item: 'Per-user and per-IP rate limits on every route, 429 with Retry-After', detail: 'Limits per route are in the API table; page sizes capped; request bodies capped at 1 MB (uploads go to pre-signed URLs).', reference: 'OWASP API4:2023 Unrestricted Resource Consumption' },
    { id: 'flows', category: 'Abuse', item: 'Protect sensitive business flows from automation', detail: 'Sign-up, sending and checkout-like flows get stricter limits, bot detection at the edge and anomaly alerts.', reference: 'OWASP API6:2023 Unrestricted Access to Sensitive Business Flows' },
    { id: 'ssrf', category: 'Input', item: 'No server-side fetch of user-supplied URLs without an allow-list', detail: 'Any URL the server fetches (avatars, webhooks) is resolved and checked against private ranges; egress goes through a proxy.', reference: 'OWASP API7:2023 Server Side Request Forgery' },
    { id: 'config', category: 'Configuration', item: 'Hardened defaults', detail: 'TLS 1.2+ only, HSTS, security headers, CORS allow-list, no stack traces in errors (RFC 9457 problem details), containers run as non-root with read-only root filesystems.', reference: 'OWASP API8:2023 Security Misconfiguration' },
    { id: 'inventory', category: 'Inventory', item: 'Versioned, documented API inventory', detail: 'One OpenAPI document per version (/v1), deprecation headers before removal, no undocumented routes (checked by `archie review`).', reference: 'OWASP API9:2023 Improper Inventory Management' },
    { id: 'third-party', category: 'Integrations', item: 'Treat third-party API responses as untrusted input', detail: 'Validate and bound data from providers; timeouts and circuit breakers on every outbound call.', reference: 'OWASP API10:2023 Unsafe Consumption of APIs' },
    { id: 'auth-api2', category: 'Authentication', item: 'Credential stuffing and token theft defences', detail: 'MFA available, login rate limits and lockout with backoff, refresh-token rotation with reuse detection, tokens never in URLs.', reference: 'OWASP API2:2023 Broken Authentication' },
    { id: 'tls', category: 'Encryption', item: 'Encryption in transit everywhere', detail: 'TLS at the edge and between services and stores (sslmode=verify-full for PostgreSQL, TLS for Redis and the broker).', reference: 'NIST SP 800-52r2' },
    { id: 'at-rest', category: 'Encryption', item: 'Encryption at rest with managed keys', detail: 'Storage encryption on the database, cache snapshots, broker volumes, object storage and backups, with KMS keys and rotation.', reference: 'CIS benchmarks' },
    { id: 'secrets', category: 'Secrets', item: 'Secrets in a secret manager, never in code or images', detail: 'Environment variables marked secret in the deployment are references (Kubernetes Secrets synced from the cloud secret manager); rotation without redeploy.', reference: 'OWASP ASVS V6' },
    { id: 'least-privilege', category: 'Access', item: 'Least privilege for services and people', detail: 'One database role per component with only the grants it needs (no superuser at runtime); workload identity instead of static cloud keys; production access through audited break-glass.', reference: 'NIST SP 800-53 AC-6' },
    { id: 'logging', category: 'Audit', item: 'Structured, correlated security logs', detail: 'Authentication events, permission denials and admin actions logged with request/correlation ids; personal data masked in logs.', reference: 'OWASP ASVS V7' },
    { id: 'supply-chain', category: 'Supply chain', item: 'Dependency and image scanning in CI; pinned image digests', detail: 'Renovate/Dependabot updates, SBOM per build, signed images.', reference: 'SLSA level 2' },
  ];
  if (ctx.req.personalData.value) {
    items.push(
      { id: 'privacy-minimise', category: 'Privacy by design', item: 'Data minimisation', detail: `Collect only the personal fields the features need. Personal columns are marked in the schema: ${personal.join(', ') || 'none identified'}.`, reference: 'GDPR Art. 5(1)(c), Art. 25' },
      { id: 'privacy-retention', category: 'Privacy by design', item: 'Retention limits enforced by jobs', detail: `Data older than ${Math.round(ctx.req.scale.retentionDays.value)} days is deleted (partitions dropped, soft-deleted rows purged) by a scheduled job, including from backups' retention window.`, reference: 'GDPR Art. 5(1)(e)' },
      { id: 'privacy-encrypt', category: 'Privacy by design', item: 'Field-level encryption of sensitive personal data', detail: 'Sensitive personal fields are encrypted in the application with envelope encryption (KMS data keys), so database dumps and replicas do not expose them; search on them uses keyed hashes.', reference: 'GDPR Art. 32' },
    );
  }
  if (regs.has('GDPR')) {
    items.push(
      { id: 'gdpr-rights', category: 'GDPR', item: 'Data-subject rights: access, export, rectification and erasure', detail: 'An export endpoint and an erasure workflow that removes or anonymises personal data across the database, caches, search index, object storage and analytics within 30 days.', reference: 'GDPR Art. 15–17, 20' },
      { id: 'gdpr-residency', category: 'GDPR', item: 'EU data residency and processor agreements', detail: 'Primary region in the EU; sub-processors listed with DPAs; transfers outside the EU under SCCs.', reference: 'GDPR Art. 28, 44–46' },
      { id: 'gdpr-lawful', category: 'GDPR', item: 'Lawful basis and records of processing', detail: 'Record of processing activities; consent where it is the basis; DPIA for large-scale processing.', reference: 'GDPR Art. 6, 30, 35' },
      { id: 'gdpr-breach', category: 'GDPR', item: 'Breach detection and 72-hour notification runbook', detail: 'Alerting on anomalous access; an incident runbook that meets the 72-hour notification deadline.', reference: 'GDPR Art. 33–34' },
    );
  }
  if (regs.has('HIPAA')) {
    items.push(
      { id: 'hipaa-baa', category: 'HIPAA', item: 'Business associate agreements with every vendor touching PHI', detail: 'Only HIPAA-eligible cloud services; BAAs signed before PHI is stored.', reference: '45 CFR 164.308(b)' },
      { id: 'hipaa-audit', category: 'HIPAA', item: 'Audit controls on PHI access', detail: 'Every read and write of PHI logged with who, what and when; logs immutable for 6 years.', reference: '45 CFR 164.312(b)' },
      { id: 'hipaa-access', category: 'HIPAA', item: 'Unique user identification, automatic logoff, emergency access procedure', detail: 'Per-user accounts only, session timeouts, break-glass access with review.', reference: '45 CFR 164.312(a)' },
    );
  }
  if (regs.has('PCI-DSS')) {
    items.push(
      { id: 'pci-scope', category: 'PCI-DSS', item: 'Keep card data out of scope with a tokenising payment provider', detail: 'Card numbers go from the client straight to the provider (hosted fields); the system stores only tokens, which keeps it at SAQ A / A-EP.', reference: 'PCI DSS v4.0 Req. 3, 4' },
      { id: 'pci-segmentation', category: 'PCI-DSS', item: 'Network segmentation and quarterly scans', detail: 'Payment components isolated; ASV scans and annual penetration tests.', reference: 'PCI DSS v4.0 Req. 1, 11' },
    );
  }
  if (regs.has('SOC 2')) {
    items.push({ id: 'soc2', category: 'SOC 2', item: 'Change management, access reviews and evidence collection', detail: 'Reviewed pull requests for every change, quarterly access reviews, automated evidence (CI logs, backups, alerts).', reference: 'AICPA Trust Services Criteria CC6–CC8' });
  }
  if (regs.has('CCPA')) {
    items.push({ id: 'ccpa', category: 'CCPA', item: 'Right to know, delete and opt out of sale', detail: 'Same export/erasure workflow as GDPR; "Do Not Sell or Share" honoured.', reference: 'Cal. Civ. Code §1798.100–199' });
  }
  items.push({ id: 'ethics-accessibility', category: 'Responsible design', item: 'Accessibility and energy use', detail: 'Error messages and API docs usable with assistive technology in client apps (WCAG 2.2 AA); autoscaling to demand and ARM (Graviton) instances to cut energy per request.', reference: 'WCAG 2.2; Green Software Foundation SCI' });
  return items;
}
