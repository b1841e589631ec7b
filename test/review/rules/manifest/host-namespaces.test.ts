import { rule } from '../../../../src/review/rules/manifest/host-namespaces.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostNetwork: false\n  containers: [{ name: a, image: "a:1" }]\n',
    'services:\n  api:\n    image: api:1\n    network_mode: bridge\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      hostPID: true\n      hostIPC: true\n      containers: [{ name: a, image: "a:1" }]\n',
      errors: [
        { line: 7, column: 20, message: 'Deployment d sets hostNetwork: true' },
        { line: 8, column: 16, message: 'hostPID' },
        { line: 9, column: 16, message: 'hostIPC' },
      ],
    },
    { code: 'services:\n  api:\n    image: api:1\n    network_mode: host\n    pid: "host"\n', errors: [{ line: 4, column: 19, message: 'network_mode: host' }, { line: 5, column: 10, message: 'pid: host' }] },
  ],
});
