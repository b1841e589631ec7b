import { manifestMeta, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get, isObj } from '../../manifest/model.js';
import { literalSecret, secretLikeName, urlWithPassword } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'configmap-secret',
  severity: 'warning',
  summary: 'Secrets belong in a Secret, not a ConfigMap.',
  references: ['Kubernetes docs: ConfigMaps ("ConfigMap does not provide secrecy or encryption")', 'CWE-798'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const cm of review.ofKind('ConfigMap')) {
      const data = get(cm.value, 'data');
      if (!isObj(data)) continue;
      for (const [key, value] of Object.entries(data)) {
        const byName = secretLikeName(key) && literalSecret(value);
        const byUrl = typeof value === 'string' && urlWithPassword(value);
        if (!byName && !byUrl) continue;
        out.push(
          report(
            meta,
            cm.src,
            [...cm.base, 'data', key],
            `ConfigMap ${cm.name} key ${key} ${byUrl ? 'holds a connection URL with a password' : 'looks like a secret'}: ConfigMaps are not secret (readable with plain get/list rights, never encrypted at rest, printed by kubectl describe).`,
            {
              evidence: { name: cm.name, key },
              fix: yamlFix('move the value into a Secret (created outside the repository) and reference it with secretKeyRef or a secret volume', `env:\n  - name: ${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}\n    valueFrom:\n      secretKeyRef:\n        name: ${cm.name || 'app'}-secrets\n        key: ${key}`),
            },
          ),
        );
      }
    }
    return out;
  },
};
