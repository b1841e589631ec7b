import { rule } from '../../../../src/review/rules/manifest/require-resources.js';
import { testManifestRule } from '../_manifest-tester.js';

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: app:1.0.0
${resources}`;

testManifestRule(rule, {
  valid: [
    pod('      resources:\n        requests: { cpu: 100m, memory: 128Mi }\n        limits: { memory: 128Mi }\n'),
    pod('      resources:\n        requests: { cpu: 100m, memory: 128Mi }\n        limits: { cpu: "1", memory: 256Mi }\n'),
  ],
  invalid: [
    { code: pod(''), errors: [{ line: 6, column: 7, message: 'sets no requests.cpu, requests.memory, limits.memory' }] },
    { code: pod('      resources:\n        limits: { memory: 128Mi }\n'), errors: [{ line: 8, column: 7, message: 'sets no requests.cpu, requests.memory:' }] },
    {
      name: 'init containers and CronJobs too',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              image: busybox:1.36\n              resources: { requests: { cpu: 10m, memory: 8Mi } }\n          containers:\n            - name: c\n              image: c:1.0.0\n              resources: { requests: { cpu: 10m, memory: 8Mi }, limits: { memory: 8Mi } }\n',
      errors: [{ line: 12, column: 15, message: 'init container wait of CronJob c sets no limits.memory' }],
    },
  ],
});
