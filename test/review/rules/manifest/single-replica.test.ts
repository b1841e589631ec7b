import { rule } from '../../../../src/review/rules/manifest/single-replica.js';
import { testManifestRule } from '../_manifest-tester.js';

const deploy = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
${extra}  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "web:1" }]
`;
const hpa = (min: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web-hpa, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
${min}  maxReplicas: 10
`;

testManifestRule(rule, {
  valid: [
    deploy('  replicas: 3\n'),
    deploy('  replicas: 0\n'),
    { name: 'an HPA keeps at least 2', files: [{ path: 'k/web.yaml', text: deploy('') }, { path: 'k/hpa.yaml', text: hpa('  minReplicas: 2\n') }] },
    { name: 'DaemonSets run one pod per node', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n      containers: [{ name: d, image: "d:1" }]\n' },
  ],
  invalid: [
    { code: deploy(''), errors: [{ line: 4, column: 9, message: 'Deployment web: spec.replicas is not set, so it runs 1 replica' }] },
    { code: deploy('  replicas: 1\n'), errors: [{ line: 7, column: 13, message: 'it runs 1 replica' }] },
    {
      name: 'an HPA that scales down to 1',
      files: [{ path: 'k/web.yaml', text: deploy('  replicas: 3\n') }, { path: 'k/hpa.yaml', text: hpa('  minReplicas: 1\n') }],
      errors: [{ file: 'k/hpa.yaml', line: 6, column: 16, message: 'its HorizontalPodAutoscaler web-hpa lets it scale down to 1 replica' }],
    },
    {
      name: 'an HPA without minReplicas',
      files: [{ path: 'k/web.yaml', text: deploy('') }, { path: 'k/hpa.yaml', text: hpa('') }],
      errors: [{ file: 'k/hpa.yaml', line: 5, column: 19 }],
    },
  ],
});
