import { rule } from '../../../../src/review/rules/manifest/compose-healthcheck.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17.2\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n',
    { name: 'one-shot tasks', code: 'services:\n  migrate:\n    build: .\n    restart: "no"\n  seed:\n    build: .\n    deploy: { restart_policy: { condition: on-failure } }\n' },
    { name: 'Kubernetes manifests are not Compose services', code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: "a:1" }] }\n' },
  ],
  invalid: [
    { code: 'services:\n  db:\n    image: postgres:17.2\n', errors: [{ line: 2, column: 3, message: 'Compose service db has no healthcheck' }] },
    { code: 'version: "3.9"\nservices:\n  api:\n    build: .\n    healthcheck:\n      disable: true\n', errors: [{ line: 6, column: 7, message: 'disables its healthcheck' }] },
    { code: 'services:\n  cache:\n    image: redis:7\n    healthcheck: { test: ["NONE"] }\n', errors: [{ line: 4, column: 18 }] },
  ],
});
