import { rule } from '../../../../src/review/rules/manifest/privileged.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: app:1\n      securityContext: { privileged: false }\n',
    'services:\n  agent:\n    image: agent:1\n    cap_add: [NET_ADMIN]\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: node-agent }\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: agent:1\n          securityContext:\n            privileged: true\n',
      errors: [{ line: 11, column: 25, message: 'container agent of DaemonSet node-agent is privileged' }],
    },
    { code: 'services:\n  agent:\n    image: agent:1\n    privileged: true\n', errors: [{ line: 4, column: 17, message: 'Compose service agent is privileged' }] },
  ],
});
