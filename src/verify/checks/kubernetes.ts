import type { Check } from '../_check.js';
import { outcome, plural, type Evidence } from '../report.js';
import { isFileRead, unreadable, type VerifyContext } from '../_context.js';
import { packageVersion } from '../_pkg.js';
import { isObject, pointerToPath, positionOf, type YamlDoc, type YamlFile } from '../_yaml.js';

export const K8S_DIR = 'deploy/k8s';

/** The Kubernetes API whose OpenAPI schemas kubernetes-models 4.5.1 was generated from. */
export const KUBERNETES_SCHEMAS = '1.27.1';

type Model = new (data: object) => { validate(): void };

async function modelFor(apiVersion: string, kind: string): Promise<Model | undefined> {
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  // One model's module (its schema validators only), not the whole API group.
  for (const spec of [`kubernetes-models/${apiVersion}/${kind}`, `kubernetes-models/${apiVersion}`]) {
    try {
      const mod = (await import(spec)) as Record<string, unknown>;
      const model = mod[kind];
      if (typeof model === 'function') return model as Model;
    } catch {
      // try the group's index next
    }
  }
  return undefined;
}

export interface K8sObject {
  rel: string;
  file: YamlFile;
  doc: YamlDoc;
  value: Record<string, unknown>;
}

/** Every document of every YAML file under deploy/k8s, with its file for positions. */
export async function k8sObjects(ctx: VerifyContext): Promise<{ objects: K8sObject[]; problems: Evidence[]; files: string[] }> {
  const files = await ctx.list(K8S_DIR, ['.yaml', '.yml']);
  const objects: K8sObject[] = [];
  const problems: Evidence[] = [];
  for (const rel of files) {
    const parsed = await ctx.yaml(rel);
    if (isFileRead(parsed)) {
      problems.push(unreadable(parsed as Extract<typeof parsed, { ok: false }>));
      continue;
    }
    if (parsed.error) {
      problems.push({ subject: rel, ok: false, file: rel, line: parsed.error.line, column: parsed.error.column, message: `YAML syntax error: ${parsed.error.message}` });
      continue;
    }
    for (const doc of parsed.docs) {
      if (!isObject(doc.value)) {
        problems.push({ subject: rel, ok: false, file: rel, ...positionOf(parsed, doc, []), message: 'a Kubernetes manifest must be a mapping' });
        continue;
      }
      objects.push({ rel, file: parsed, doc, value: doc.value });
    }
  }
  return { objects, problems, files };
}

interface ValidationErrorLike {
  errors?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  message?: string;
}

/**
 * Every manifest under deploy/k8s validates against the Kubernetes schemas of its apiVersion and
 * kind (kubernetes-models, generated from the Kubernetes 1.27.1 OpenAPI), and kustomization.yaml
 * lists exactly the manifests in the folder.
 */
export const check: Check = {
  id: 'kubernetes',
  title: `k8s manifests validate against the Kubernetes ${KUBERNETES_SCHEMAS} schemas`,
  async run(ctx) {
    ctx.tools.set('Kubernetes schemas', `Kubernetes ${KUBERNETES_SCHEMAS} (kubernetes-models ${packageVersion('kubernetes-models')})`);
    const { objects, problems, files } = await k8sObjects(ctx);
    if (files.length === 0) {
      return outcome([{ subject: K8S_DIR, ok: false, file: `${K8S_DIR}/`, message: `${K8S_DIR}/ holds no manifests; archie design writes a Deployment, Service, HPA and PDB per deployable component there` }], { passed: '', failed: () => 'no Kubernetes manifests' });
    }
    const evidence: Evidence[] = [...problems];
    let valid = 0;
    let kustomization: K8sObject | undefined;
    for (const o of objects) {
      const apiVersion = String(o.value.apiVersion ?? '');
      const kind = String(o.value.kind ?? '');
      const name = isObject(o.value.metadata) ? String(o.value.metadata.name ?? '') : '';
      const subject = `${kind || '?'}/${name || '?'}`;
      if (kind === 'Kustomization' && apiVersion.startsWith('kustomize.config.k8s.io/')) {
        kustomization = o;
        continue;
      }
      const Model = await modelFor(apiVersion, kind);
      if (!Model) {
        evidence.push({ subject, ok: false, file: o.rel, ...positionOf(o.file, o.doc, ['kind']), message: `${subject}: no Kubernetes ${KUBERNETES_SCHEMAS} schema for apiVersion ${JSON.stringify(apiVersion)} kind ${JSON.stringify(kind)}` });
        continue;
      }
      try {
        new Model(structuredClone(o.value)).validate();
        if (!name) throw Object.assign(new Error('metadata.name is required'), { errors: [{ instancePath: '/metadata', message: 'must have required property name' }] });
        valid++;
      } catch (e) {
        const err = e as ValidationErrorLike;
        for (const x of (err.errors ?? [{ instancePath: '', message: err.message ?? String(e) }]).slice(0, 5)) {
          const extra = x.params && 'allowedValues' in x.params ? ` (${(x.params.allowedValues as unknown[]).join(', ')})` : '';
          evidence.push({
            subject,
            ok: false,
            file: o.rel,
            ...positionOf(o.file, o.doc, pointerToPath(x.instancePath ?? '')),
            message: `${subject}: not valid for Kubernetes ${KUBERNETES_SCHEMAS} at ${x.instancePath || '/'}: ${x.message ?? 'invalid'}${extra}`,
          });
        }
      }
    }
    if (valid > 0) evidence.unshift({ subject: K8S_DIR, ok: true, file: `${K8S_DIR}/`, message: `${plural(valid, 'object')} in ${plural(files.length, 'file')} valid against the Kubernetes ${KUBERNETES_SCHEMAS} schemas` });
    // kustomization.yaml: no published schema in the npm packages; check what it must get right.
    const kustomizationRel = files.find((f) => /\/kustomization\.ya?ml$/.test(f));
    if (kustomization) {
      const resources = kustomization.value.resources;
      const listed = Array.isArray(resources) ? resources.filter((r): r is string => typeof r === 'string') : [];
      if (!Array.isArray(resources)) {
        evidence.push({ subject: 'kustomization', ok: false, file: kustomization.rel, ...positionOf(kustomization.file, kustomization.doc, ['resources']), message: 'kustomization.yaml has no resources list' });
      }
      const manifests = files.filter((f) => f !== kustomizationRel).map((f) => f.slice(K8S_DIR.length + 1));
      for (const r of listed) {
        if (!manifests.includes(r) && !r.includes('/')) {
          evidence.push({ subject: 'kustomization', ok: false, file: kustomization.rel, ...positionOf(kustomization.file, kustomization.doc, ['resources', listed.indexOf(r)]), message: `kustomization.yaml lists ${r}, which is not in ${K8S_DIR}/` });
        }
      }
      for (const m of manifests) {
        if (!listed.includes(m)) evidence.push({ subject: 'kustomization', ok: false, file: kustomization.rel, ...positionOf(kustomization.file, kustomization.doc, ['resources']), message: `${K8S_DIR}/${m} is not listed in kustomization.yaml resources, so kubectl apply -k skips it` });
      }
      if (evidence.every((e) => e.subject !== 'kustomization')) {
        evidence.push({ subject: 'kustomization', ok: true, file: kustomization.rel, message: `kustomization.yaml lists all ${plural(manifests.length, 'manifest')} (kustomize has no schema in the npm packages: resources checked against the folder)` });
      }
    }
    return outcome(evidence, { passed: `the manifests are valid Kubernetes ${KUBERNETES_SCHEMAS} objects`, failed: (n) => `${plural(n, 'manifest problem')} in ${K8S_DIR}` }, 'fix the field at the line shown, or regenerate the manifests');
  },
};
