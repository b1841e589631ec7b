import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { everyContainer } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'require-resources',
  severity: 'warning',
  summary: 'Every container needs CPU and memory requests and a memory limit.',
  references: ['Kubernetes docs: Resource Management for Pods and Containers'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      const r = ref.container['resources'];
      const missing = [
        ['requests', 'cpu'],
        ['requests', 'memory'],
        ['limits', 'memory'],
      ]
        .filter(([a = '', b = '']) => get(r, a, b) === undefined)
        .map(([a, b]) => `${a}.${b}`);
      if (missing.length === 0) continue;
      const what = ref.init ? 'init container' : 'container';
      out.push(
        report(
          meta,
          object.src,
          [...ref.path, ...(r === undefined ? [] : ['resources'])],
          `${what} ${ref.name} of ${objectLabel(object)} sets no ${missing.join(', ')}: without requests the scheduler packs pods blind and the pod is first to be evicted under pressure (BestEffort/Burstable QoS); without a memory limit one leak can exhaust the node for every pod on it.`,
          {
            evidence: { kind: object.kind, name: object.name, container: ref.name, missing: missing.join(', ') },
            key: r !== undefined,
            fix: yamlFix(
              'set requests from observed usage (p95) and a memory limit; a CPU limit is optional (it throttles even when the node is idle)',
              'resources:\n  requests:\n    cpu: 100m\n    memory: 256Mi\n  limits:\n    memory: 256Mi',
            ),
          },
        ),
      );
    }
    return out;
  },
};
