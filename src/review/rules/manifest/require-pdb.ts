import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get, isObj, type K8sObject } from '../../manifest/model.js';
import { minReplicas, podLabels, REPLICATED, sameNamespace, selectorMatches } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'require-pdb',
  severity: 'warning',
  summary: 'Replicated workloads need a PodDisruptionBudget selecting their pods.',
  references: ['Kubernetes docs: Specifying a Disruption Budget for your Application'],
});

function budgetsFor(all: K8sObject[], o: K8sObject): K8sObject[] {
  const labels = podLabels(o);
  return all.filter((p) => p.kind === 'PodDisruptionBudget' && sameNamespace(p, o) && selectorMatches(get(p.value, 'spec', 'selector'), labels));
}

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const object of review.objects) {
      if (!REPLICATED.has(object.kind)) continue;
      const { count } = minReplicas(review.objects, object);
      // Single replicas are single-replica's business: a budget cannot protect them.
      if (count < 2) continue;
      if (budgetsFor(review.objects, object).length > 0) continue;
      const selector = get(object.value, 'spec', 'selector', 'matchLabels');
      const labels = isObj(selector) ? Object.entries(selector).map(([k, v]) => [k, String(v)]) : Object.entries(podLabels(object));
      const matchLabels = labels.length > 0 ? labels.map(([k, v]) => `      ${k}: ${v}`).join('\n') : '      app: <app>';
      out.push(
        report(
          meta,
          object.src,
          [...object.base, 'metadata', 'name'],
          `${objectLabel(object)} runs ${count}+ replicas but no PodDisruptionBudget in the reviewed manifests selects its pods: a node drain or cluster upgrade may evict all of them at once.`,
          {
            evidence: { kind: object.kind, name: object.name, minReplicas: count },
            fix: yamlFix(
              'add a PodDisruptionBudget that selects the pods and allows one disruption at a time',
              `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${object.name || '<name>'}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n${matchLabels}`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
