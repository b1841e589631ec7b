import { manifestMeta, objectLabel, report, yamlFix, type ManifestRule } from '../../manifest/kit.js';
import { podSpec } from '../../manifest/workloads.js';

const meta = manifestMeta({
  name: 'host-namespaces',
  severity: 'error',
  summary: 'Do not share the host network, PID or IPC namespace.',
  references: ['Kubernetes Pod Security Standards: Baseline (Host Namespaces)', 'CIS Kubernetes Benchmark 5.2.2-5.2.4'],
});

const WHAT: Record<string, string> = {
  hostNetwork: 'shares the node\'s network: it can bind any node port, reach services listening on localhost, and sniff node traffic; NetworkPolicies do not apply to it',
  hostPID: 'sees every process on the node and can signal or inspect them (and read their environment)',
  hostIPC: 'shares the node\'s IPC namespace and can read other processes\' shared memory',
};

const COMPOSE: Record<string, string> = { network_mode: 'hostNetwork', pid: 'hostPID', ipc: 'hostIPC' };

export const rule: ManifestRule = {
  meta,
  check(review) {
    const out = [];
    for (const object of review.objects) {
      const ps = podSpec(object);
      if (!ps) continue;
      for (const field of Object.keys(WHAT)) {
        if (ps.spec[field] !== true) continue;
        out.push(
          report(meta, object.src, [...ps.path, field], `${objectLabel(object)} sets ${field}: true: the pod ${WHAT[field] ?? ''}.`, {
            evidence: { kind: object.kind, name: object.name, field },
            fix: yamlFix(`remove ${field} (use a Service or hostPort for reachability, a DaemonSet with narrow capabilities for node agents)`, `${field}: false`),
          }),
        );
      }
    }
    for (const svc of review.services) {
      for (const [field, k8s] of Object.entries(COMPOSE)) {
        if (svc.value[field] !== 'host') continue;
        out.push(
          report(meta, svc.src, [...svc.base, field], `Compose service ${svc.name} sets ${field}: host: the container ${WHAT[k8s] ?? ''}.`, {
            evidence: { service: svc.name, field },
            fix: yamlFix(`remove ${field}: host${field === 'network_mode' ? ' and publish the ports the service needs' : ''}`, field === 'network_mode' ? 'ports:\n  - "8080:8080"' : undefined),
          }),
        );
      }
    }
    return out;
  },
};
