import { rule } from '../../../../src/review/rules/manifest/pdb-blocks-eviction.js';
import { testManifestRule } from '../_manifest-tester.js';

const pdb = (budget: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: db }
spec:
  ${budget}
  selector: { matchLabels: { app: db } }
`;
const sts = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: ${replicas}
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: "db:1" }]
`;

testManifestRule(rule, {
  valid: [
    pdb('maxUnavailable: 1'),
    pdb('minAvailable: 50%'),
    { name: 'minAvailable below the replica count', code: `${pdb('minAvailable: 2')}---\n${sts(3)}` },
    { name: 'minAvailable with no workload in the set', code: pdb('minAvailable: 2') },
  ],
  invalid: [
    { code: pdb('maxUnavailable: 0'), errors: [{ line: 5, column: 19, message: 'maxUnavailable 0 allows no voluntary disruption' }] },
    { code: pdb('maxUnavailable: "0%"'), errors: [{ line: 5, column: 19 }] },
    { code: pdb('minAvailable: 100%'), errors: [{ line: 5, column: 17, message: 'minAvailable 100%' }] },
    { name: 'minAvailable equal to the replica count', code: `${pdb('minAvailable: 3')}---\n${sts(3)}`, errors: [{ line: 5, column: 17, message: 'leaves no room when StatefulSet db runs 3 replicas' }] },
  ],
});
