import { rule } from '../../../../src/review/rules/manifest/configmap-secret.js';
import { testManifestRule } from '../_manifest-tester.js';

const cm = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: mailer }
data:
${data}`;

testManifestRule(rule, {
  valid: [cm('  SMTP_HOST: smtp.example.com\n  SMTP_PASSWORD_FILE: /etc/mailer/pw\n  token_ttl: "60"\n'), cm('  SMTP_PASSWORD: ""\n')],
  invalid: [
    { code: cm('  SMTP_HOST: smtp.example.com\n  SMTP_PASSWORD: p4ssw0rd\n'), errors: [{ line: 6, column: 18, message: 'ConfigMap mailer key SMTP_PASSWORD looks like a secret' }] },
    { code: cm('  db_url: "mysql://app:pw@db/app"\n'), errors: [{ line: 5, column: 11, message: 'connection URL with a password' }] },
  ],
});
