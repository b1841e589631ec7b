import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { everyContainer, firstPort, LONG_RUNNING } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'require-readiness-probe',
  severity: 'warning',
  summary: 'Long-running containers need a readinessProbe.',
  references: ['Kubernetes docs: Configure Liveness, Readiness and Startup Probes'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects, LONG_RUNNING)) {
      if (ref.init || ref.container['readinessProbe'] !== undefined) continue;
      out.push(
        report(
          meta,
          object.src,
          ref.path,
          `container ${ref.name} of ${objectLabel(object)} has no readinessProbe: Kubernetes sends it Service traffic as soon as the process starts (before it can answer) and keeps sending it while it is overloaded or cut off from its dependencies, and a rollout of a broken version proceeds because every new pod counts as ready.`,
          {
            evidence: { kind: object.kind, name: object.name, container: ref.name },
            fix: yamlFix(
              'add a readiness probe on an endpoint that answers only when the container can serve requests',
              `readinessProbe:\n  httpGet:\n    path: /ready\n    port: ${firstPort(ref.container)}\n  periodSeconds: 5\n  failureThreshold: 3`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
