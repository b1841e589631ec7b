import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { minReplicas, REPLICATED } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'single-replica',
  severity: 'warning',
  summary: 'Run at least 2 replicas (or an HPA with minReplicas ≥ 2), spread across nodes.',
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const object of review.objects) {
      if (!REPLICATED.has(object.kind)) continue;
      const { count, hpa } = minReplicas(review.objects, object);
      // 0 is a workload parked on purpose.
      if (count >= 2 || count === 0) continue;
      const replicas = get(object.value, 'spec', 'replicas');
      const where = hpa
        ? { src: hpa.src, path: [...hpa.base, 'spec', get(hpa.value, 'spec', 'minReplicas') === undefined ? 'scaleTargetRef' : 'minReplicas'] }
        : { src: object.src, path: [...object.base, ...(replicas === undefined ? ['metadata', 'name'] : ['spec', 'replicas'])] };
      const why = hpa
        ? `its HorizontalPodAutoscaler ${hpa.name} lets it scale down to ${count} replica`
        : replicas === undefined
          ? 'spec.replicas is not set, so it runs 1 replica'
          : `it runs ${count} replica`;
      out.push(
        report(
          meta,
          where.src,
          where.path,
          `${objectLabel(object)}: ${why}. A node failure, drain or eviction leaves it with no ready pod until a replacement is scheduled and started, and a PodDisruptionBudget cannot protect a single replica without blocking node drains.`,
          {
            evidence: { kind: object.kind, name: object.name, minReplicas: count, hpa: hpa?.name ?? null },
            fix: yamlFix(
              hpa ? 'raise the autoscaler\'s minReplicas to 2 or more' : 'run 2 or more replicas spread over nodes (or an HPA with minReplicas ≥ 2), then add a PodDisruptionBudget',
              hpa ? 'spec:\n  minReplicas: 2' : 'spec:\n  replicas: 2\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: { matchLabels: { app: <app> } }',
            ),
          },
        ),
      );
    }
    return out;
  },
};
