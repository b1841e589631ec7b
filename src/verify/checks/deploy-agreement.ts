import type { Component, DataStore, Runtime } from '../../model/design.js';
import type { Check } from '../_check.js';
import { outcome, plural, skipped, type Evidence } from '../report.js';
import { isFileRead } from '../_context.js';
import { isObject, positionOf } from '../_yaml.js';
import { COMPOSE_FILE } from './compose.js';
import { K8S_DIR, k8sObjects, type K8sObject } from './kubernetes.js';

type Obj = Record<string, unknown>;

/** Container port of a Compose `ports`/`expose` entry: "127.0.0.1:8080:80", "80", "80/tcp", { target: 80 }. */
function containerPort(entry: unknown): number | undefined {
  if (typeof entry === 'number') return entry;
  if (isObject(entry)) return typeof entry.target === 'number' ? entry.target : Number(entry.target);
  if (typeof entry !== 'string') return undefined;
  const last = entry.split('/')[0]!.split(':').pop() ?? '';
  const n = Number(last.split('-')[0]);
  return Number.isFinite(n) ? n : undefined;
}

function composeEnvNames(env: unknown): Set<string> {
  if (Array.isArray(env)) return new Set(env.map((e) => String(e).split('=')[0]!));
  if (isObject(env)) return new Set(Object.keys(env));
  return new Set();
}

/** CPU in millicores and memory in MiB from Kubernetes quantities. */
export function cpuMillis(q: unknown): number | undefined {
  const s = String(q ?? '');
  if (/^\d+(\.\d+)?m$/.test(s)) return Number(s.slice(0, -1));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  return undefined;
}

export function memoryMiB(q: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q ?? ''));
  if (!m) return undefined;
  const n = Number(m[1]);
  const factor: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576, '': 1 / 1048576 };
  return Math.round(n * (factor[m[2] ?? ''] ?? 1) * 1000) / 1000;
}

/** The design's env names, matching `alternates` for secrets read from a file variable. */
function envProblems(runtime: Runtime, present: Set<string>, secretsFromFile: boolean, wholeSecret: boolean): string[] {
  const out: string[] = [];
  for (const e of runtime.env) {
    if (present.has(e.name)) continue;
    if (e.source === 'secret' && ((secretsFromFile && e.fileVariable && present.has(e.fileVariable)) || wholeSecret)) continue;
    out.push(`environment variable ${e.name} is missing`);
  }
  const known = new Set(runtime.env.flatMap((e) => [e.name, ...(e.fileVariable ? [e.fileVariable] : [])]));
  for (const name of present) if (!known.has(name)) out.push(`environment variable ${name} is not in the design`);
  return out;
}

function composeProblems(x: Component | DataStore, svc: Obj): string[] {
  const rt = x.runtime!;
  const out: string[] = [];
  if (svc.image !== rt.image) out.push(`image is ${JSON.stringify(svc.image ?? null)}, the design says ${rt.image}`);
  const ports = [...(Array.isArray(svc.ports) ? svc.ports : []), ...(Array.isArray(svc.expose) ? svc.expose : [])].map(containerPort);
  if (!ports.includes(rt.port)) out.push(`no port maps to container port ${rt.port}`);
  out.push(...envProblems(rt, composeEnvNames(svc.environment), true, false));
  const hc = isObject(svc.healthcheck) ? svc.healthcheck : undefined;
  const test = Array.isArray(hc?.test) ? (hc.test as unknown[]).map(String) : typeof hc?.test === 'string' ? [hc.test] : [];
  const text = test.join(' ');
  if (rt.healthPath) {
    if (!text.includes(rt.healthPath) || !text.includes(String(rt.port))) out.push(`the healthcheck does not probe ${rt.healthPath} on port ${rt.port}${text ? ` (it runs: ${text})` : ''}`);
  } else if (rt.healthCommand) {
    const want = rt.healthCommand.join(' ');
    if (text.replace(/\$\$/g, '$') !== want) out.push(`the healthcheck runs ${JSON.stringify(text || null)}, the design says ${want}`);
  }
  return out;
}

interface Workload {
  deployment: K8sObject;
  container: Obj;
  podLabels: Obj;
}

function metaName(o: K8sObject): string {
  return isObject(o.value.metadata) ? String(o.value.metadata.name ?? '') : '';
}

function selects(selector: unknown, labels: Obj): boolean {
  if (!isObject(selector) || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function resolvePort(port: unknown, container: Obj): number | undefined {
  if (typeof port === 'number') return port;
  const named = (Array.isArray(container.ports) ? container.ports : []).find((p) => isObject(p) && p.name === port) as Obj | undefined;
  return typeof named?.containerPort === 'number' ? named.containerPort : Number.isFinite(Number(port)) ? Number(port) : undefined;
}

function k8sProblems(c: Component, w: Workload, objects: K8sObject[]): string[] {
  const rt = c.runtime!;
  const out: string[] = [];
  const ct = w.container;
  if (ct.image !== rt.image) out.push(`image is ${JSON.stringify(ct.image ?? null)}, the design says ${rt.image}`);
  const ports = (Array.isArray(ct.ports) ? ct.ports : []).map((p) => (isObject(p) ? p.containerPort : undefined));
  if (!ports.includes(rt.port)) out.push(`the container does not expose port ${rt.port}`);
  const env = new Set<string>((Array.isArray(ct.env) ? ct.env : []).map((e) => String((e as Obj).name)));
  let wholeSecret = false;
  for (const from of Array.isArray(ct.envFrom) ? (ct.envFrom as Obj[]) : []) {
    const cm = isObject(from.configMapRef) ? String(from.configMapRef.name) : undefined;
    if (cm) {
      const map = objects.find((o) => o.value.kind === 'ConfigMap' && metaName(o) === cm);
      if (map && isObject(map.value.data)) for (const k of Object.keys(map.value.data)) env.add(`${from.prefix ?? ''}${k}`);
    }
    if (isObject(from.secretRef)) wholeSecret = true;
  }
  out.push(...envProblems(rt, env, false, wholeSecret));
  const probe = (p: unknown, path: string | null, what: string): void => {
    if (!path) return;
    const get = isObject(p) && isObject(p.httpGet) ? p.httpGet : undefined;
    if (!get) out.push(`no ${what} HTTP probe (the design checks ${path})`);
    else {
      if (get.path !== path) out.push(`the ${what} probe checks ${JSON.stringify(get.path ?? null)}, the design says ${path}`);
      if (resolvePort(get.port, ct) !== rt.port) out.push(`the ${what} probe targets port ${JSON.stringify(get.port ?? null)}, not ${rt.port}`);
    }
  };
  probe(ct.livenessProbe, rt.healthPath, 'liveness');
  probe(ct.readinessProbe, rt.readyPath, 'readiness');
  const res = isObject(ct.resources) ? ct.resources : {};
  const req = isObject(res.requests) ? res.requests : {};
  const lim = isObject(res.limits) ? res.limits : {};
  const r = rt.resources;
  if (cpuMillis(req.cpu) !== r.cpuRequestMillis) out.push(`CPU request ${JSON.stringify(req.cpu ?? null)} differs from the design's ${r.cpuRequestMillis}m`);
  if (cpuMillis(lim.cpu) !== r.cpuLimitMillis) out.push(`CPU limit ${JSON.stringify(lim.cpu ?? null)} differs from the design's ${r.cpuLimitMillis}m`);
  if (memoryMiB(req.memory) !== r.memoryRequestMiB) out.push(`memory request ${JSON.stringify(req.memory ?? null)} differs from the design's ${r.memoryRequestMiB}Mi`);
  if (memoryMiB(lim.memory) !== r.memoryLimitMiB) out.push(`memory limit ${JSON.stringify(lim.memory ?? null)} differs from the design's ${r.memoryLimitMiB}Mi`);
  const service = objects.find((o) => o.value.kind === 'Service' && isObject(o.value.spec) && selects(o.value.spec.selector, w.podLabels));
  if (!service) out.push('no Service selects its pods');
  else {
    const sp = (isObject(service.value.spec) && Array.isArray(service.value.spec.ports) ? service.value.spec.ports : []) as Obj[];
    if (!sp.some((p) => resolvePort(p.targetPort ?? p.port, ct) === rt.port)) out.push(`Service ${metaName(service)} does not route to port ${rt.port}`);
  }
  const hpa = objects.find((o) => o.value.kind === 'HorizontalPodAutoscaler' && isObject(o.value.spec) && isObject(o.value.spec.scaleTargetRef) && o.value.spec.scaleTargetRef.kind === 'Deployment' && o.value.spec.scaleTargetRef.name === c.id);
  if (!hpa) out.push('no HorizontalPodAutoscaler targets its Deployment');
  else {
    const spec = hpa.value.spec as Obj;
    if (spec.minReplicas !== rt.replicas.min || spec.maxReplicas !== rt.replicas.max) out.push(`the HPA scales ${String(spec.minReplicas)}..${String(spec.maxReplicas)}, the design says ${rt.replicas.min}..${rt.replicas.max}`);
  }
  const pdb = objects.find((o) => o.value.kind === 'PodDisruptionBudget' && isObject(o.value.spec) && isObject(o.value.spec.selector) && selects(o.value.spec.selector.matchLabels, w.podLabels));
  if (!pdb) out.push('no PodDisruptionBudget covers its pods');
  return out;
}

function workload(c: Component, objects: K8sObject[]): Workload | undefined {
  const dep = objects.find((o) => o.value.kind === 'Deployment' && metaName(o) === c.id);
  if (!dep) return undefined;
  const spec = isObject(dep.value.spec) ? dep.value.spec : {};
  const template = isObject(spec.template) ? spec.template : {};
  const podSpec = isObject(template.spec) ? template.spec : {};
  const containers = (Array.isArray(podSpec.containers) ? podSpec.containers : []).filter(isObject);
  const container = containers.find((x) => x.name === c.id) ?? containers[0];
  if (!container) return undefined;
  const labels = isObject(template.metadata) && isObject(template.metadata.labels) ? template.metadata.labels : {};
  return { deployment: dep, container, podLabels: labels };
}

/**
 * Every component with a runtime has its Compose service and its Kubernetes Deployment (with
 * Service, HPA and PDB), and they agree with the design: image, port, environment variable names,
 * health-check paths, resources and replica bounds. Every store with a runtime has its Compose
 * service with its health command.
 */
export const check: Check = {
  id: 'deploy-agreement',
  title: 'compose.yaml and the k8s manifests match the design',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const deployable = [...d.components, ...d.dataStores].filter((x) => x.runtime);
    if (deployable.length === 0) return skipped('the design deploys nothing itself (no component or store has a runtime)');
    const evidence: Evidence[] = [];
    const compose = await ctx.yaml(COMPOSE_FILE);
    const composeDoc = !isFileRead(compose) && !compose.error ? compose.docs[0] : undefined;
    const services = composeDoc && isObject(composeDoc.value) && isObject(composeDoc.value.services) ? composeDoc.value.services : undefined;
    if (!services || isFileRead(compose)) {
      evidence.push({ subject: COMPOSE_FILE, ok: false, file: COMPOSE_FILE, message: `${COMPOSE_FILE} is missing or unreadable (see the compose check)` });
    } else {
      for (const x of deployable) {
        const svc = services[x.id];
        if (!isObject(svc)) {
          evidence.push({ subject: x.id, ok: false, file: COMPOSE_FILE, ...positionOf(compose, composeDoc!, ['services']), message: `compose: no service ${x.id} for ${x.name}` });
          continue;
        }
        const problems = composeProblems(x, svc);
        evidence.push(
          problems.length
            ? { subject: x.id, ok: false, file: COMPOSE_FILE, ...positionOf(compose, composeDoc!, ['services', x.id]), message: `compose service ${x.id}: ${problems.join('; ')}` }
            : { subject: x.id, ok: true, file: COMPOSE_FILE, ...positionOf(compose, composeDoc!, ['services', x.id]), message: `compose service ${x.id}: image, port ${x.runtime!.port}, ${plural(x.runtime!.env.length, 'environment variable')} and health check match` },
        );
      }
    }
    const components = d.components.filter((c) => c.runtime);
    if (components.length) {
      const { objects } = await k8sObjects(ctx);
      for (const c of components) {
        const w = workload(c, objects);
        if (!w) {
          evidence.push({ subject: c.id, ok: false, file: `${K8S_DIR}/`, message: `k8s: no Deployment named ${c.id} for ${c.name}` });
          continue;
        }
        const problems = k8sProblems(c, w, objects);
        const at = { file: w.deployment.rel, ...positionOf(w.deployment.file, w.deployment.doc, ['metadata', 'name']) };
        evidence.push(
          problems.length
            ? { subject: c.id, ok: false, ...at, message: `k8s Deployment ${c.id}: ${problems.join('; ')}` }
            : { subject: c.id, ok: true, ...at, message: `k8s Deployment ${c.id}: port ${c.runtime!.port}, environment, probes (${[c.runtime!.healthPath, c.runtime!.readyPath].filter(Boolean).join(', ') || 'none'}), resources, Service, HPA ${c.runtime!.replicas.min}..${c.runtime!.replicas.max} and PDB match` },
        );
      }
    }
    return outcome(evidence, { passed: `${plural(deployable.length, 'deployable component and store', 'deployable components and stores')} agree with the design`, failed: (n) => `${plural(n, 'deployment disagreement')} with the design` }, 'make the file match the design (or the design match the file and regenerate)');
  },
};
