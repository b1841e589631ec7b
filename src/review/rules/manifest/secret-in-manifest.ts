import { manifestMeta, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get, isObj } from '../../manifest/model.js';
import { literalSecret } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'secret-in-manifest',
  severity: 'warning',
  summary: 'Do not commit Secret manifests with their values; base64 is an encoding, not encryption.',
  references: ['OWASP Top 10 for Kubernetes K08: Secrets Management Failures', 'CWE-312'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const secret of review.ofKind('Secret')) {
      for (const field of ['stringData', 'data']) {
        const values = get(secret.value, field);
        if (!isObj(values)) continue;
        const keys = Object.entries(values).filter(([, v]) => literalSecret(v)).map(([k]) => k);
        if (keys.length === 0) continue;
        out.push(
          report(
            meta,
            secret.src,
            [...secret.base, field],
            `Secret ${secret.name} carries ${keys.length} value${keys.length === 1 ? '' : 's'} (${keys.join(', ')}) in ${field}${field === 'data' ? ', base64 encoded, which anyone can decode' : ' as plain text'}: whoever can read the repository or its history has the credentials, and rotating them means rewriting that history.`,
            {
              evidence: { name: secret.name, field, keys: keys.join(', ') },
              fix: yamlFix('keep only a reference in the repository: an ExternalSecret (External Secrets Operator), a SealedSecret, or a SOPS-encrypted file; or create the Secret out of band'),
            },
          ),
        );
        break;
      }
    }
    return out;
  },
};
