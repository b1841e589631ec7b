import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { everyContainer, firstPort, LONG_RUNNING } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'require-liveness-probe',
  severity: 'info',
  summary: 'Long-running containers should have a livenessProbe that checks the process itself.',
  references: ['Kubernetes docs: Configure Liveness, Readiness and Startup Probes'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects, LONG_RUNNING)) {
      if (ref.init || ref.container['livenessProbe'] !== undefined) continue;
      out.push(
        report(
          meta,
          object.src,
          ref.path,
          `container ${ref.name} of ${objectLabel(object)} has no livenessProbe: a process that deadlocks or hangs without exiting stays in service until someone restarts it by hand.`,
          {
            evidence: { kind: object.kind, name: object.name, container: ref.name },
            fix: yamlFix(
              'add a liveness probe that checks only the process (never a database or another service: a dependency outage would then restart every pod), with a threshold looser than readiness; use a startupProbe for slow starts',
              `livenessProbe:\n  httpGet:\n    path: /healthz\n    port: ${firstPort(ref.container)}\n  periodSeconds: 10\n  failureThreshold: 6`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
