import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { everyContainer, isWindowsPod } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'allow-privilege-escalation',
  severity: 'warning',
  summary: 'Set allowPrivilegeEscalation: false on every container.',
  references: ['Kubernetes Pod Security Standards: Restricted (Privilege Escalation)', 'CIS Kubernetes Benchmark 5.2.5'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      if (isWindowsPod(ref.pod)) continue;
      const sc = ref.container['securityContext'];
      // privileged implies escalation; the privileged rule reports it.
      if (get(sc, 'privileged') === true) continue;
      const value = get(sc, 'allowPrivilegeEscalation');
      if (value === false) continue;
      const explicit = value === true;
      out.push(
        report(
          meta,
          object.src,
          explicit ? [...ref.path, 'securityContext', 'allowPrivilegeEscalation'] : ref.path,
          `${ref.init ? 'init container' : 'container'} ${ref.name} of ${objectLabel(object)} ${explicit ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false (the default is true)'}: a setuid binary or file capability in the image can raise the process above the privileges it started with.`,
          {
            evidence: { kind: object.kind, name: object.name, container: ref.name },
            fix: yamlFix('turn it off (the Restricted Pod Security Standard requires it)', 'securityContext:\n  allowPrivilegeEscalation: false'),
          },
        ),
      );
    }
    return out;
  },
};
