import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { get } from '../../manifest/model.js';
import { everyContainer, isWindowsPod } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'run-as-non-root',
  severity: 'warning',
  summary: 'Containers must not run as root: set runAsNonRoot: true (and a non-zero runAsUser).',
  references: ['Kubernetes Pod Security Standards: Restricted (runAsNonRoot)', 'CIS Kubernetes Benchmark 5.2.6'],
});

function isRootUser(user: unknown): boolean {
  if (typeof user === 'number') return user === 0;
  if (typeof user !== 'string') return false;
  const name = user.split(':')[0]?.trim();
  return name === 'root' || name === '0';
}

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const { object, ref } of everyContainer(review.objects)) {
      if (isWindowsPod(ref.pod)) continue;
      const cUser = get(ref.container, 'securityContext', 'runAsUser');
      const pUser = get(ref.pod, 'securityContext', 'runAsUser');
      const user = cUser ?? pUser;
      const nonRoot = get(ref.container, 'securityContext', 'runAsNonRoot') ?? get(ref.pod, 'securityContext', 'runAsNonRoot');
      const who = `${ref.init ? 'init container' : 'container'} ${ref.name} of ${objectLabel(object)}`;
      let at = ref.path;
      let problem: string | undefined;
      if (user === 0) {
        at = cUser !== undefined ? [...ref.path, 'securityContext', 'runAsUser'] : [...ref.podPath, 'securityContext', 'runAsUser'];
        problem = `${who} runs as root (runAsUser: 0)`;
      } else if (nonRoot === false && user === undefined) {
        problem = `${who} sets runAsNonRoot: false and no runAsUser, so it runs as the image's user, root for most images`;
      } else if (nonRoot !== true && user === undefined) {
        problem = `${who} sets neither runAsNonRoot nor runAsUser, so it runs as the image's user, root for most images`;
      }
      if (!problem) continue;
      out.push(
        report(meta, object.src, at, `${problem}: a process escape or a writable host mount then acts as root on the node.`, {
          evidence: { kind: object.kind, name: object.name, container: ref.name },
          fix: yamlFix('run as an unprivileged user (the image must support it), and let the kubelet refuse root', 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  runAsGroup: 10001'),
        }),
      );
    }
    for (const svc of review.services) {
      const user = svc.value['user'];
      if (!isRootUser(user)) continue;
      out.push(
        report(meta, svc.src, [...svc.base, 'user'], `Compose service ${svc.name} runs as root (user: ${String(user)}): a process escape or a writable bind mount then acts as root on the host.`, {
          evidence: { service: svc.name },
          fix: yamlFix('run as an unprivileged user the image supports', 'user: "10001:10001"'),
        }),
      );
    }
    return out;
  },
};
