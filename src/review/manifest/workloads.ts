import { get, isObj, str, type ComposeService, type K8sObject, type Obj, type PathKey } from './model.js';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC: Record<string, PathKey[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Workloads that run until stopped (as opposed to Jobs, which run to completion). */
export const LONG_RUNNING = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** Workloads whose replica count is theirs to set. */
export const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function podSpec(o: K8sObject): { spec: Obj; path: PathKey[] } | undefined {
  const rel = POD_SPEC[o.kind];
  if (!rel) return undefined;
  const spec = get(o.value, ...rel);
  return isObj(spec) ? { spec, path: [...o.base, ...rel] } : undefined;
}

export interface ContainerRef {
  container: Obj;
  /** Path of the container map in its document. */
  path: PathKey[];
  name: string;
  init: boolean;
  pod: Obj;
  podPath: PathKey[];
}

/** The containers (and init containers) of a workload. */
export function containers(o: K8sObject): ContainerRef[] {
  const ps = podSpec(o);
  if (!ps) return [];
  const out: ContainerRef[] = [];
  for (const field of ['initContainers', 'containers'] as const) {
    const list = ps.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c: unknown, i) => {
      if (isObj(c)) out.push({ container: c, path: [...ps.path, field, i], name: str(c['name']) ?? `#${i + 1}`, init: field === 'initContainers', pod: ps.spec, podPath: ps.path });
    });
  }
  return out;
}

/** Pod-template labels of a workload (a Pod's own labels). */
export function podLabels(o: K8sObject): Record<string, string> {
  const labels = o.kind === 'Pod' ? get(o.value, 'metadata', 'labels') : o.kind === 'CronJob' ? get(o.value, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels') : get(o.value, 'spec', 'template', 'metadata', 'labels');
  const out: Record<string, string> = {};
  if (isObj(labels)) for (const [k, v] of Object.entries(labels)) out[k] = String(v);
  return out;
}

/** Kubernetes label-selector semantics (matchLabels AND matchExpressions). An empty selector matches everything. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObj(selector)) return false;
  const ml = selector['matchLabels'];
  if (isObj(ml)) for (const [k, v] of Object.entries(ml)) if (labels[k] !== String(v)) return false;
  const me = selector['matchExpressions'];
  if (Array.isArray(me)) {
    for (const e of me) {
      if (!isObj(e)) return false;
      const key = str(e['key']) ?? '';
      const values = Array.isArray(e['values']) ? e['values'].map(String) : [];
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (e['operator']) {
        case 'In':
          if (!has || !values.includes(labels[key] ?? '')) return false;
          break;
        case 'NotIn':
          if (has && values.includes(labels[key] ?? '')) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

/** Two objects can refer to each other: same namespace, or one leaves it to the deploy tool. */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace === null || b.namespace === null || a.namespace === b.namespace;
}

/** The HorizontalPodAutoscalers that scale a workload. */
export function autoscalersOf(all: K8sObject[], o: K8sObject): K8sObject[] {
  return all.filter(
    (h) =>
      h.kind === 'HorizontalPodAutoscaler' &&
      sameNamespace(h, o) &&
      get(h.value, 'spec', 'scaleTargetRef', 'kind') === o.kind &&
      get(h.value, 'spec', 'scaleTargetRef', 'name') === o.name,
  );
}

/** Replicas the workload runs at least: the HPA's minReplicas (default 1) when autoscaled, else spec.replicas (default 1). */
export function minReplicas(all: K8sObject[], o: K8sObject): { count: number; hpa: K8sObject | undefined } {
  const hpa = autoscalersOf(all, o)[0];
  if (hpa) {
    const min = get(hpa.value, 'spec', 'minReplicas');
    return { count: typeof min === 'number' ? min : 1, hpa };
  }
  const r = get(o.value, 'spec', 'replicas');
  return { count: typeof r === 'number' ? r : 1, hpa: undefined };
}

// ---- secrets in plain text ----

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN']);
const SECRET_LAST = new Set([...SECRET_WORDS, 'PASS', 'PWD', 'KEY', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY']);
// Names that hold a reference to a secret, or a property of one, rather than the secret itself.
const NOT_SECRET = new Set(['FILE', 'PATH', 'DIR', 'NAME', 'REF', 'ID', 'TTL', 'EXPIRY', 'EXPIRES', 'LENGTH', 'SIZE', 'HEADER', 'ENABLED', 'TYPE', 'ALGORITHM', 'URL', 'ENDPOINT', 'PUBLIC', 'PREFIX', 'FIELD', 'COUNT', 'MIN', 'MAX']);

/** Words of an identifier: `dbPassword` / `DB_PASSWORD` / `db-password` → DB, PASSWORD. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** True for names like DB_PASSWORD, API_KEY, jwtSecret, GITHUB_TOKEN (and not TOKEN_TTL, API_KEY_FILE, PUBLIC_KEY). */
export function secretLikeName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined || NOT_SECRET.has(last) || w.includes('PUBLIC')) return false;
  return SECRET_LAST.has(last) || w.some((x) => SECRET_WORDS.has(x));
}

/** A connection URL with a password in it: scheme://user:password@host. */
export function urlWithPassword(value: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@/\s]+)@/i.exec(value.trim());
  return m !== null && !isReference(m[1] ?? '');
}

/** `$(VAR)` (Kubernetes) or `${VAR}` (Compose) references carry no secret themselves. */
export function isReference(value: string): boolean {
  return /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value) || /^\$\{[^}]+\}$/.test(value) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value);
}

/** A literal that would be a credential: non-empty, not a reference or interpolation. */
export function literalSecret(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return v.length > 0 && !isReference(v) && !v.includes('${');
}

/** Compose `environment:` as entries, from its map or its `KEY=value` list form. */
export function composeEnvironment(svc: ComposeService): { name: string; value: unknown; path: PathKey[] }[] {
  const env = svc.value['environment'];
  const out: { name: string; value: unknown; path: PathKey[] }[] = [];
  if (isObj(env)) {
    for (const [name, value] of Object.entries(env)) out.push({ name, value, path: [...svc.base, 'environment', name] });
  } else if (Array.isArray(env)) {
    env.forEach((entry: unknown, i) => {
      if (typeof entry !== 'string') return;
      const eq = entry.indexOf('=');
      if (eq < 0) return; // `- KEY` passes the host's value through
      out.push({ name: entry.slice(0, eq), value: entry.slice(eq + 1), path: [...svc.base, 'environment', i] });
    });
  }
  return out;
}

/** An image reference split into its parts: `registry/repo:tag@sha256:…`. */
export function parseImage(image: string): { repository: string; tag: string | null; digest: string | null } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  const slash = ref.lastIndexOf('/');
  if (colon > slash) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1), digest };
  return { repository: ref, tag: null, digest };
}

/** Every container of every workload in the set, with its object. */
export function* everyContainer(objects: K8sObject[], kinds?: Set<string>): Generator<{ object: K8sObject; ref: ContainerRef }> {
  for (const object of objects) {
    if (kinds && !kinds.has(object.kind)) continue;
    for (const ref of containers(object)) yield { object, ref };
  }
}

/** A Windows pod: Linux user and privilege settings do not apply. */
export function isWindowsPod(pod: Obj): boolean {
  return get(pod, 'os', 'name') === 'windows' || get(pod, 'securityContext', 'windowsOptions') !== undefined;
}

/** The first container port, for examples in fixes. */
export function firstPort(c: Obj): number | string {
  const p = get(c, 'ports', 0, 'containerPort');
  return typeof p === 'number' || typeof p === 'string' ? p : 8080;
}
