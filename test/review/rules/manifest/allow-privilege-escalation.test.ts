import { rule } from '../../../../src/review/rules/manifest/allow-privilege-escalation.js';
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
  valid: [pod('      securityContext: { allowPrivilegeEscalation: false }\n'), { name: 'privileged is the privileged rule\'s business', code: pod('      securityContext: { privileged: true }\n') }],
  invalid: [
    { code: pod(''), errors: [{ line: 6, column: 7, message: 'does not set allowPrivilegeEscalation: false (the default is true)' }] },
    { code: pod('      securityContext:\n        allowPrivilegeEscalation: true\n'), errors: [{ line: 9, column: 35, message: 'sets allowPrivilegeEscalation: true' }] },
  ],
});
