import type { Finding } from '../../../model/finding.js';
import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { isObj, str } from '../../manifest/model.js';
import { everyContainer, literalSecret, secretLikeName, urlWithPassword } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'secret-in-env',
  severity: 'error',
  summary: 'Take secrets from a Secret (valueFrom.secretKeyRef), never as literal env values.',
  references: ['OWASP Top 10 for Kubernetes K08: Secrets Management Failures', 'CWE-798'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out: Finding[] = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      const env = ref.container['env'];
      if (!Array.isArray(env)) continue;
      env.forEach((e: unknown, i) => {
        if (!isObj(e)) return;
        const name = str(e['name']) ?? '';
        const value = e['value'];
        const byName = secretLikeName(name) && literalSecret(value);
        const byUrl = typeof value === 'string' && urlWithPassword(value);
        if (!byName && !byUrl) return;
        const key = name.toLowerCase().replace(/_/g, '-');
        out.push(
          report(
            meta,
            object.src,
            [...ref.path, 'env', i, 'value'],
            `env ${name} of container ${ref.name} in ${objectLabel(object)} ${byUrl ? 'holds a connection URL with a password' : 'holds a secret'} as a literal value: everyone who can read the repository, the manifest in the cluster (kubectl get -o yaml) or the pod spec has it, and rotating it means editing and redeploying the manifest.`,
            {
              // The value itself is never repeated in a finding.
              evidence: { kind: object.kind, name: object.name, container: ref.name, env: name },
              fix: yamlFix(
                'store the value in a Secret (created outside the repository, or with External Secrets / Sealed Secrets / SOPS) and reference it',
                `- name: ${name}\n  valueFrom:\n    secretKeyRef:\n      name: ${object.name || 'app'}-secrets\n      key: ${key}`,
              ),
            },
          ),
        );
      });
    }
    return out;
  },
};
