import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { everyContainer, isWindowsPod } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'read-only-root-filesystem',
  severity: 'info',
  summary: 'Mount the container root filesystem read-only; write to explicit volumes.',
  references: ['CIS Kubernetes Benchmark 5.7.3 (securityContext)'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      if (isWindowsPod(ref.pod)) continue;
      const value = get(ref.container, 'securityContext', 'readOnlyRootFilesystem');
      if (value === true) continue;
      out.push(
        report(
          meta,
          object.src,
          value === false ? [...ref.path, 'securityContext', 'readOnlyRootFilesystem'] : ref.path,
          `${ref.init ? 'init container' : 'container'} ${ref.name} of ${objectLabel(object)} has a writable root filesystem: an attacker who gets code execution can drop tools or modify the application in place, and stray writes fill the node's disk.`,
          {
            evidence: { kind: object.kind, name: object.name, container: ref.name },
            fix: yamlFix('make the root filesystem read-only and mount an emptyDir where the process must write', 'securityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp\n# pod spec: volumes: [{ name: tmp, emptyDir: {} }]'),
          },
        ),
      );
    }
    return out;
  },
};
