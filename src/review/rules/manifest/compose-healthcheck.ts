import { manifestMeta, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { parseImage } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'compose-healthcheck',
  severity: 'warning',
  summary: 'Every long-running Compose service needs a healthcheck.',
  references: ['Compose file reference: healthcheck, depends_on condition: service_healthy'],
});

/** Health commands that work in the official images. */
const KNOWN: Record<string, string> = {
  postgres: '["CMD-SHELL", "pg_isready -U \\"$${POSTGRES_USER:-postgres}\\""]',
  redis: '["CMD", "redis-cli", "ping"]',
  valkey: '["CMD", "valkey-cli", "ping"]',
  mysql: '["CMD", "mysqladmin", "ping", "-h", "localhost"]',
  mariadb: '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]',
  mongo: '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]',
  rabbitmq: '["CMD", "rabbitmq-diagnostics", "-q", "ping"]',
};

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const svc of review.services) {
      const hc = svc.value['healthcheck'];
      const test = get(hc, 'test');
      const disabled = get(hc, 'disable') === true || (Array.isArray(test) && test[0] === 'NONE');
      if (hc !== undefined && !disabled) continue;
      // One-shot tasks (migrations, seeders) that say so exit by design.
      const policy = get(svc.value, 'deploy', 'restart_policy', 'condition');
      if (svc.value['restart'] === 'no' || svc.value['restart'] === 'on-failure' || policy === 'none' || policy === 'on-failure') continue;
      const image = typeof svc.value['image'] === 'string' ? parseImage(svc.value['image']).repository.split('/').pop() ?? '' : '';
      const known = KNOWN[image];
      out.push(
        report(
          meta,
          svc.src,
          disabled ? [...svc.base, 'healthcheck'] : svc.base,
          `Compose service ${svc.name} ${disabled ? 'disables its healthcheck' : 'has no healthcheck'}: Docker reports it healthy as soon as the process starts, so depends_on with condition: service_healthy cannot wait for it to be ready and a hung process is never noticed (unless the image defines a HEALTHCHECK).`,
          {
            evidence: { service: svc.name },
            key: !disabled,
            fix: yamlFix(
              'add a healthcheck that exercises the service, and make dependents wait for it with depends_on: { <service>: { condition: service_healthy } }',
              `healthcheck:\n  test: ${known ?? '["CMD", "wget", "-qO-", "http://localhost:8080/healthz"]'}\n  interval: 10s\n  timeout: 3s\n  retries: 5\n  start_period: 20s`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
