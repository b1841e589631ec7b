import { rule } from '../../../../src/review/rules/manifest/require-readiness-probe.js';
import { testManifestRule } from '../_manifest-tester.js';

const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${container}`;

testManifestRule(rule, {
  valid: [
    deployment('        - name: web\n          image: web:1.0.0\n          readinessProbe:\n            httpGet: { path: /ready, port: 8080 }\n'),
    { name: 'jobs run to completion', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: once }\nspec:\n  template:\n    spec:\n      containers:\n        - name: once\n          image: once:1.0.0\n' },
    { name: 'init containers are not probed', code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers:\n    - name: init\n      image: init:1.0.0\n  containers:\n    - name: app\n      image: app:1.0.0\n      readinessProbe: { exec: { command: [true] } }\n' },
    { name: 'services and configmaps have no containers', code: 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec: { selector: { app: web } }\n' },
  ],
  invalid: [
    { code: deployment('        - name: web\n          image: web:1.0.0\n'), errors: [{ line: 9, column: 11, message: 'container web of Deployment web has no readinessProbe' }] },
    {
      name: 'each container of a DaemonSet, second document',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent }\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a:1\n        - image: b:1\n          name: b\n',
      errors: [{ line: 12, column: 11, message: 'container a of DaemonSet agent' }, { line: 14, column: 11, message: 'container b' }],
    },
  ],
});
