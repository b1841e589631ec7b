import { rule } from '../../../../src/review/rules/manifest/require-liveness-probe.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: app:1.0.0\n      livenessProbe: { httpGet: { path: /healthz, port: 8080 } }\n',
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: c\n              image: c:1.0.0\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          image: postgres:17.2\n          readinessProbe: { exec: { command: [pg_isready] } }\n',
      errors: [{ line: 8, column: 11, message: 'container db of StatefulSet db has no livenessProbe' }],
    },
  ],
});
