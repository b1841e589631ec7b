import { rule } from '../../../../src/review/rules/manifest/require-pdb.js';
import { testManifestRule } from '../_manifest-tester.js';

const deploy = (ns: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
${ns}spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api, tier: web } }
    spec:
      containers: [{ name: api, image: "api:1" }]
`;
const pdb = (ns: string, selector: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
${ns}spec:
  maxUnavailable: 1
  selector: ${selector}
`;

testManifestRule(rule, {
  valid: [
    { name: 'matchLabels in another file', files: [{ path: 'k/a.yaml', text: deploy('') }, { path: 'k/b.yaml', text: pdb('', '{ matchLabels: { app: api } }') }] },
    { name: 'matchExpressions', code: `${deploy('')}---\n${pdb('', '{ matchExpressions: [{ key: tier, operator: In, values: [web, edge] }, { key: canary, operator: DoesNotExist }] }')}` },
    { name: 'namespace left to the deploy tool on one side', code: `${deploy('  namespace: shop\n')}---\n${pdb('', '{ matchLabels: { app: api } }')}` },
    { name: 'single replicas are single-replica\'s business', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: one }\nspec:\n  template:\n    metadata: { labels: { app: one } }\n    spec:\n      containers: [{ name: one, image: "one:1" }]\n' },
  ],
  invalid: [
    { code: deploy(''), errors: [{ line: 4, column: 9, message: 'Deployment api runs 3+ replicas but no PodDisruptionBudget' }] },
    { name: 'selector does not match', code: `${deploy('')}---\n${pdb('', '{ matchLabels: { app: web } }')}`, errors: [{ line: 4, column: 9 }] },
    { name: 'NotIn excludes the pods', code: `${deploy('')}---\n${pdb('', '{ matchExpressions: [{ key: tier, operator: NotIn, values: [web] }] }')}`, errors: [{ line: 4, column: 9 }] },
    { name: 'other namespace', code: `${deploy('  namespace: shop\n')}---\n${pdb('  namespace: billing\n', '{ matchLabels: { app: api } }')}`, errors: [{ line: 4, column: 9 }] },
  ],
});
