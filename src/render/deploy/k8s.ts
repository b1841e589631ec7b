import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import { ArchieError } from '../../errors.js';
import type { Design, Runtime } from '../../model/design.js';
import { deployables, SECRET_NAME, systemName, type Deployable } from './_common.js';
import { toYaml, toYamlDocuments, type YamlValue } from '../_yaml.js';

/**
 * deploy/k8s/: for every component the design deploys, a ConfigMap (its config values), a
 * Deployment (replicas, resources and probes from the runtime, restricted security context), a
 * Service, a HorizontalPodAutoscaler (autoscaling/v2, min/max and CPU target from the capacity
 * plan) and a PodDisruptionBudget; plus the namespace and a kustomization. Secrets are
 * `secretKeyRef`s to one Secret that is created outside the repository. Data stores are managed
 * services in production and have no manifests here.
 *
 * Objects are typed with the Kubernetes 1.27 models of `kubernetes-models` (type-only imports:
 * nothing is loaded at run time), so a misspelt field fails the build.
 */

/** Kubernetes version whose API schemas the manifests are checked against (kubernetes-models 4.5.1). */
export const KUBERNETES_VERSION = '1.27';

/** Non-root user and group the pods run as. */
const RUN_AS = 10001;

function labels(d: Design, x: Deployable): Record<string, string> {
  return { 'app.kubernetes.io/name': x.id, 'app.kubernetes.io/part-of': systemName(d), 'app.kubernetes.io/component': x.kind };
}

function probe(rt: Runtime, path: string | null, timing: Omit<IProbe, 'httpGet' | 'exec'>): IProbe | undefined {
  if (path) return { httpGet: { path, port: 'http' }, ...timing };
  const cmd = rt.healthCommand;
  if (!cmd || cmd.length === 0) return undefined;
  const command = cmd[0] === 'CMD-SHELL' ? ['sh', '-c', cmd.slice(1).join(' ')] : cmd[0] === 'CMD' ? cmd.slice(1) : cmd;
  return { exec: { command }, ...timing };
}

function configMapName(x: Deployable): string {
  return `${x.id}-config`;
}

function env(x: Deployable): IEnvVar[] {
  return x.runtime.env.map((e) =>
    e.source === 'config'
      ? { name: e.name, valueFrom: { configMapKeyRef: { name: configMapName(x), key: e.name } } }
      : { name: e.name, valueFrom: { secretKeyRef: { name: SECRET_NAME, key: e.value } } },
  );
}

export function k8sObjects(d: Design, x: Deployable): Array<IConfigMap | IDeployment | IService | IHorizontalPodAutoscaler | IPodDisruptionBudget> {
  const rt = x.runtime;
  const ns = systemName(d);
  const meta = { name: x.id, namespace: ns, labels: labels(d, x) };
  const selector = { 'app.kubernetes.io/name': x.id };
  if (rt.replicas.min > rt.replicas.max) {
    throw new ArchieError('INVALID', `design.json: component "${x.id}" has replicas.min ${rt.replicas.min} above replicas.max ${rt.replicas.max}`, { path: `components.${x.id}.runtime.replicas`, hint: 'make min ≤ max' });
  }
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { ...meta, name: configMapName(x) },
    data: Object.fromEntries(rt.env.filter((e) => e.source === 'config').map((e) => [e.name, e.value])),
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta,
    spec: {
      replicas: rt.replicas.min,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(d, x) },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 30,
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
          ],
          containers: [
            {
              name: x.id,
              image: rt.image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: rt.port, protocol: 'TCP' }],
              env: env(x),
              resources: {
                requests: { cpu: `${rt.resources.cpuRequestMillis}m`, memory: `${rt.resources.memoryRequestMiB}Mi` },
                limits: { cpu: `${rt.resources.cpuLimitMillis}m`, memory: `${rt.resources.memoryLimitMiB}Mi` },
              },
              startupProbe: probe(rt, rt.healthPath, { periodSeconds: 2, timeoutSeconds: 2, failureThreshold: 30 }),
              livenessProbe: probe(rt, rt.healthPath, { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }),
              readinessProbe: probe(rt, rt.readyPath ?? rt.healthPath, { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 }),
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta,
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: rt.port, targetPort: 'http', protocol: 'TCP' }] },
  };
  const hpa: IHorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta,
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: x.id },
      minReplicas: rt.replicas.min,
      maxReplicas: rt.replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: rt.targetCpuPercent } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
  const pdb: IPodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta,
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  };
  return rt.env.some((e) => e.source === 'config') ? [config, deployment, service, hpa, pdb] : [deployment, service, hpa, pdb];
}

/** The components that get Kubernetes manifests (deployable components; stores are managed). */
export function k8sWorkloads(d: Design): Deployable[] {
  return deployables(d).filter((x) => !x.store);
}

function strip<T>(v: T): YamlValue {
  // Drop undefined members (optional probes) so the YAML holds only what is set.
  return JSON.parse(JSON.stringify(v)) as YamlValue;
}

/** Files under deploy/k8s/: `namespace.yaml`, one `<component>.yaml` per workload, `kustomization.yaml`. */
export function renderK8s(d: Design): Array<[string, string]> {
  const ns = systemName(d);
  const namespace: INamespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns,
      labels: { 'app.kubernetes.io/part-of': ns, 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': `v${KUBERNETES_VERSION}` },
    },
  };
  const files: Array<[string, string]> = [['deploy/k8s/namespace.yaml', toYaml(strip(namespace), [`Namespace for ${d.title}; pods must meet the "restricted" Pod Security Standard.`])]];
  const workloads = k8sWorkloads(d);
  for (const x of workloads) {
    files.push([
      `deploy/k8s/${x.id}.yaml`,
      toYamlDocuments(k8sObjects(d, x).map(strip), [
        `${x.name}: ConfigMap, Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget (Kubernetes ${KUBERNETES_VERSION}+ APIs).`,
        `Secrets come from the Secret "${SECRET_NAME}", which is not in this folder: see deploy/README.md.`,
      ]),
    ]);
  }
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: ns,
    resources: ['namespace.yaml', ...workloads.map((x) => `${x.id}.yaml`)],
  };
  files.push(['deploy/k8s/kustomization.yaml', toYaml(kustomization, ['Apply with `kubectl apply -k deploy/k8s` after creating the Secret (deploy/README.md).'])]);
  return files;
}
