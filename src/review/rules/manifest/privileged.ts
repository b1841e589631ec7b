import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { everyContainer } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'privileged',
  severity: 'error',
  summary: 'No privileged containers.',
  references: ['Kubernetes Pod Security Standards: Baseline (Privileged Containers)', 'CIS Kubernetes Benchmark 5.2.1'],
});

const WHY = 'it gets every capability and all host devices, so breaking out of the container to root on the node is trivial';

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      if (get(ref.container, 'securityContext', 'privileged') !== true) continue;
      out.push(
        report(meta, object.src, [...ref.path, 'securityContext', 'privileged'], `container ${ref.name} of ${objectLabel(object)} is privileged: ${WHY}.`, {
          evidence: { kind: object.kind, name: object.name, container: ref.name },
          fix: yamlFix('drop privileged and grant only the capabilities the process needs', 'securityContext:\n  privileged: false\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"] # only what is needed'),
        }),
      );
    }
    for (const svc of review.services) {
      if (svc.value['privileged'] !== true) continue;
      out.push(
        report(meta, svc.src, [...svc.base, 'privileged'], `Compose service ${svc.name} is privileged: ${WHY}.`, {
          evidence: { service: svc.name },
          fix: yamlFix('remove privileged and add only the capabilities needed', 'cap_drop: [ALL]\ncap_add: [NET_BIND_SERVICE] # only what is needed'),
        }),
      );
    }
    return out;
  },
};
