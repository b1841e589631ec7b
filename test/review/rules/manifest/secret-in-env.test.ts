import { describe, expect, it } from 'vitest';
import { reviewManifests } from '../../../../src/review/manifest/index.js';
import { rule } from '../../../../src/review/rules/manifest/secret-in-env.js';
import { testManifestRule } from '../_manifest-tester.js';

const pod = (env: string) => `apiVersion: v1
kind: Pod
metadata: { name: api }
spec:
  containers:
    - name: api
      image: api:1
      env:
${env}`;

testManifestRule(rule, {
  valid: [
    pod('        - name: DB_PASSWORD\n          valueFrom: { secretKeyRef: { name: s, key: k } }\n'),
    pod('        - name: LOG_LEVEL\n          value: debug\n        - name: TOKEN_TTL\n          value: "3600"\n        - name: API_KEY_FILE\n          value: /etc/api/key\n        - name: PUBLIC_KEY\n          value: abc\n        - name: AWS_ACCESS_KEY_ID\n          value: AKIAEXAMPLE\n'),
    pod('        - name: DB_PASSWORD\n          value: ""\n        - name: DB_TOKEN\n          value: $(OTHER_VAR)\n'),
    pod('        - name: DATABASE_URL\n          value: postgres://app@db:5432/app\n'),
  ],
  invalid: [
    { code: pod('        - name: DB_PASSWORD\n          value: hunter2\n'), errors: [{ line: 10, column: 18, message: 'env DB_PASSWORD of container api in Pod api holds a secret as a literal value' }] },
    {
      code: pod('        - name: jwtSecret\n          value: abc\n        - name: STRIPE_API_KEY\n          value: sk_live_x\n        - name: SECRET_KEY_BASE\n          value: "123"\n        - name: CACHE_URL\n          value: redis://default:pw@cache:6379/0\n'),
      errors: [{ line: 10, column: 18 }, { line: 12, column: 18 }, { line: 14, column: 18 }, { line: 16, column: 18, message: 'connection URL with a password' }],
    },
  ],
});

describe('manifest/secret-in-env', () => {
  it('never repeats the secret value', async () => {
    const { findings } = await reviewManifests([{ path: 'p.yaml', text: pod('        - name: DB_PASSWORD\n          value: hunter2\n') }], [rule]);
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });
});
