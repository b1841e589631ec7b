import { rule } from '../../../../src/review/rules/manifest/compose-secret-in-environment.js';
import { testManifestRule } from '../_manifest-tester.js';

testManifestRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      PGDATA: /data\n',
    'services:\n  api:\n    image: api:1\n    environment:\n      - API_TOKEN\n      - API_KEY=${API_KEY:?set it}\n',
  ],
  invalid: [
    { code: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: supersecret\n', errors: [{ line: 5, column: 26, message: 'environment POSTGRES_PASSWORD of Compose service db holds a secret in plain text' }] },
    {
      code: 'services:\n  api:\n    image: api:1\n    environment:\n      - LOG_LEVEL=debug\n      - JWT_SECRET=abc\n      - DATABASE_URL=postgres://u:p@db/app\n',
      errors: [{ line: 6, column: 9 }, { line: 7, column: 9, message: 'connection URL with a password' }],
    },
  ],
});
