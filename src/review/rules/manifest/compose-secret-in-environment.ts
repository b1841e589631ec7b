import { manifestMeta, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { composeEnvironment, literalSecret, secretLikeName, urlWithPassword } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'compose-secret-in-environment',
  severity: 'error',
  summary: 'Keep secrets out of Compose environment values: use secrets, or ${VAR} from an uncommitted .env.',
  references: ['Docker docs: Manage secrets securely in Docker Compose', 'CWE-798'],
});

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const svc of review.services) {
      for (const { name, value, path } of composeEnvironment(svc)) {
        const byName = secretLikeName(name) && literalSecret(value);
        const byUrl = typeof value === 'string' && urlWithPassword(value);
        if (!byName && !byUrl) continue;
        const file = name.toLowerCase();
        out.push(
          report(
            meta,
            svc.src,
            path,
            `environment ${name} of Compose service ${svc.name} ${byUrl ? 'holds a connection URL with a password' : 'holds a secret'} in plain text: it is committed with the file and visible to anyone who can run docker inspect.`,
            {
              evidence: { service: svc.name, env: name },
              fix: yamlFix(
                'mount it as a Compose secret (many images read NAME_FILE), or interpolate ${VAR} from an .env file that is not committed',
                `services:\n  ${svc.name}:\n    environment:\n      ${name}_FILE: /run/secrets/${file}\n    secrets: [${file}]\nsecrets:\n  ${file}:\n    file: ./secrets/${file}.txt  # not committed`,
              ),
            },
          ),
        );
      }
    }
    return out;
  },
};
