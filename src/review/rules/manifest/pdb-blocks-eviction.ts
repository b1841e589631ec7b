import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { minReplicas, podLabels, REPLICATED, sameNamespace, selectorMatches } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'pdb-blocks-eviction',
  severity: 'warning',
  summary: 'A PodDisruptionBudget must allow at least one disruption, or node drains hang.',
  references: ['Kubernetes docs: Specifying a Disruption Budget for your Application'],
});

function isZero(v: unknown): boolean {
  return v === 0 || v === '0' || v === '0%';
}

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const pdb of review.ofKind('PodDisruptionBudget')) {
      const maxUnavailable = get(pdb.value, 'spec', 'maxUnavailable');
      const minAvailable = get(pdb.value, 'spec', 'minAvailable');
      let problem: { field: string; why: string } | undefined;
      if (isZero(maxUnavailable)) problem = { field: 'maxUnavailable', why: 'maxUnavailable 0 allows no voluntary disruption at all' };
      else if (minAvailable === '100%') problem = { field: 'minAvailable', why: 'minAvailable 100% allows no voluntary disruption at all' };
      else if (typeof minAvailable === 'number') {
        const selector = get(pdb.value, 'spec', 'selector');
        for (const w of review.objects) {
          if (!REPLICATED.has(w.kind) || !sameNamespace(w, pdb) || !selectorMatches(selector, podLabels(w))) continue;
          const { count } = minReplicas(review.objects, w);
          if (count > 0 && count <= minAvailable) {
            problem = { field: 'minAvailable', why: `minAvailable ${minAvailable} leaves no room when ${objectLabel(w)} runs ${count} replica${count === 1 ? '' : 's'}` };
            break;
          }
        }
      }
      if (!problem) continue;
      out.push(
        report(
          meta,
          pdb.src,
          [...pdb.base, 'spec', problem.field],
          `PodDisruptionBudget ${pdb.name}: ${problem.why}, so \`kubectl drain\`, node upgrades and the cluster autoscaler wait on these pods forever.`,
          {
            evidence: { name: pdb.name, field: problem.field },
            fix: yamlFix('allow one pod at a time to be evicted (and run enough replicas to stay available meanwhile)', 'spec:\n  maxUnavailable: 1'),
          },
        ),
      );
    }
    return out;
  },
};
