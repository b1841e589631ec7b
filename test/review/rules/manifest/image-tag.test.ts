import { rule } from '../../../../src/review/rules/manifest/image-tag.js';
import { testManifestRule } from '../_manifest-tester.js';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: ${image}
`;

testManifestRule(rule, {
  valid: [
    pod('ghcr.io/example/app:1.2.3'),
    pod('ghcr.io/example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    pod('ghcr.io/example/app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    pod('localhost:5000/app:2.0'),
    pod('"${REGISTRY}/app"'),
    { name: 'Compose service built locally', code: 'services:\n  api:\n    build: .\n' },
  ],
  invalid: [
    { code: pod('nginx'), errors: [{ line: 7, column: 14, message: 'image nginx of container app of Pod p has no tag' }] },
    { code: pod('nginx:latest'), errors: [{ line: 7, column: 14, message: 'uses the :latest tag' }] },
    { code: pod('localhost:5000/app'), errors: [{ line: 7, column: 14 }] },
    { name: 'Compose', code: 'services:\n  cache:\n    image: redis\n  db:\n    image: "postgres:latest"\n', errors: [{ line: 3, column: 12, message: 'Compose service cache' }, { line: 5, column: 12 }] },
  ],
});
