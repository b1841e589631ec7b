import type { Component, DataStore, Design, EnvVar, Runtime } from '../../model/design.js';

/** A component or data store that the design deploys (it has a runtime). */
export interface Deployable {
  id: string;
  name: string;
  kind: string;
  store: boolean;
  runtime: Runtime;
  dependsOn: string[];
  /** The managed offering that replaces a store in production. */
  managed: string | null;
}

export function deployables(d: Design): Deployable[] {
  const out: Deployable[] = [];
  const comp = (c: Component) => c.runtime && out.push({ id: c.id, name: c.name, kind: c.kind, store: false, runtime: c.runtime, dependsOn: c.dependsOn, managed: null });
  const store = (s: DataStore) => s.runtime && out.push({ id: s.id, name: s.name, kind: s.kind, store: true, runtime: s.runtime, dependsOn: [], managed: s.managed });
  d.components.forEach(comp);
  d.dataStores.forEach(store);
  return out;
}

/** Components and stores that have no runtime in the design, so no container here. */
export function notDeployed(d: Design): Array<{ id: string; name: string; why: string }> {
  return [
    ...d.components.filter((c) => !c.runtime).map((c) => ({ id: c.id, name: c.name, why: `${c.technology}; the design gives it no container runtime` })),
    ...d.dataStores.filter((s) => !s.runtime).map((s) => ({ id: s.id, name: s.name, why: `${s.managed}; managed only, no local image in the design` })),
  ];
}

/**
 * Short name of the system for namespaces, project names and labels: the archetype id (a DNS
 * label), or `app` for the generic archetype.
 */
export function systemName(d: Design): string {
  const id = d.requirements.archetype.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return id && id !== 'generic' && /^[a-z]/.test(id) ? id.slice(0, 40).replace(/-+$/, '') : 'app';
}

/** Name of the Kubernetes Secret every secret reference points at (created outside the repository). */
export const SECRET_NAME = 'app-secrets';

/**
 * Compose passes a secret as a file under /run/secrets and tells the program where it is with
 * `<NAME>_FILE` (the convention of the official database images); this is that variable's name.
 */
export function composeSecretVariable(e: EnvVar): string {
  return e.fileVariable ?? e.name;
}

/** Every secret key the design references, with who uses it (sorted by key). */
export function secretKeys(d: Design): Array<{ key: string; uses: Array<{ id: string; env: string; description: string }> }> {
  const map = new Map<string, Array<{ id: string; env: string; description: string }>>();
  for (const x of deployables(d)) {
    for (const e of x.runtime.env) {
      if (e.source !== 'secret') continue;
      const list = map.get(e.value) ?? [];
      list.push({ id: x.id, env: e.name, description: e.description });
      map.set(e.value, list);
    }
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, uses]) => ({ key, uses }));
}
