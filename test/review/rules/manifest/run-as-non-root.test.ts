import { rule } from '../../../../src/review/rules/manifest/run-as-non-root.js';
import { testManifestRule } from '../_manifest-tester.js';

const pod = (podSc: string, containerSc: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
${podSc}  containers:
    - name: app
      image: app:1.0.0
${containerSc}`;

testManifestRule(rule, {
  valid: [
    pod('  securityContext: { runAsNonRoot: true, runAsUser: 10001 }\n', ''),
    pod('', '      securityContext: { runAsNonRoot: true }\n'),
    pod('  securityContext: { runAsUser: 1000 }\n', ''),
    { name: 'Windows pods', code: pod('  os: { name: windows }\n', '') },
    { name: 'Compose user not root', code: 'services:\n  api:\n    image: api:1\n    user: "1000:1000"\n' },
    { name: 'Compose without user: the image decides', code: 'services:\n  api:\n    image: api:1\n' },
  ],
  invalid: [
    { code: pod('', ''), errors: [{ line: 6, column: 7, message: 'container app of Pod p sets neither runAsNonRoot nor runAsUser' }] },
    { code: pod('  securityContext: { runAsNonRoot: true }\n', '      securityContext: { runAsUser: 0 }\n'), errors: [{ line: 9, column: 37, message: 'runs as root (runAsUser: 0)' }] },
    { code: pod('  securityContext:\n    runAsUser: 0\n', ''), errors: [{ line: 6, column: 16 }] },
    { code: pod('  securityContext: { runAsNonRoot: false }\n', ''), errors: [{ line: 7, column: 7, message: 'runAsNonRoot: false' }] },
    { name: 'Compose root', code: 'services:\n  api:\n    image: api:1\n    user: root\n  worker:\n    image: w:1\n    user: "0:0"\n', errors: [{ line: 4, column: 11, message: 'Compose service api runs as root' }, { line: 7, column: 11 }] },
  ],
});
