import { rule } from '../../../../src/review/rules/manifest/secret-in-manifest.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ntype: Opaque\n',
    'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\nstringData:\n  password: ${DB_PASSWORD}\n',
  ],
  invalid: [
    { code: 'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\nstringData:\n  db-password: hunter2\n', errors: [{ line: 5, column: 3, message: 'Secret s carries 1 value (db-password) in stringData as plain text' }] },
    { code: 'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  a: aHVudGVyMg==\n  b: Yg==\n', errors: [{ line: 5, column: 3, message: '2 values (a, b) in data, base64 encoded' }] },
  ],
});
