import { rule } from '../../../../src/review/rules/manifest/read-only-root-filesystem.js';
import { testManifestRule } from '../_manifest-tester.js';

const pod = (sc: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: app:1
${sc}`;

testManifestRule(rule, {
  valid: [pod('      securityContext: { readOnlyRootFilesystem: true }\n'), { name: 'Compose is not checked', code: 'services:\n  api:\n    image: api:1\n' }],
  invalid: [
    { code: pod(''), errors: [{ line: 6, column: 7, message: 'container app of Pod p has a writable root filesystem' }] },
    { code: pod('      securityContext:\n        readOnlyRootFilesystem: false\n'), errors: [{ line: 9, column: 33 }] },
  ],
});
