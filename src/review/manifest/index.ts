import { LineCounter } from 'yaml';
import { rules as manifestRules } from '../rules/manifest/index.js';
import type { DomainResult, FileError, Rule } from '../types.js';
import { classify, ManifestReview, parseManifestFile, type ManifestFile, type Source } from './model.js';
import { runRules } from '../_run-rules.js';

export type { ManifestReview, K8sObject, ComposeService } from './model.js';

/**
 * Review Kubernetes manifests (Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob, Service,
 * HPA, PDB, ConfigMap, Secret, and `List`s of them) and Compose files with the manifest rules.
 *
 * All files are one set: a PodDisruptionBudget or HorizontalPodAutoscaler in one file counts for
 * a Deployment in another. A file with malformed YAML is reported as a FileError with its line and
 * column; the others are still reviewed. Every finding carries its rule's default severity.
 *
 * @example
 * const { findings } = await reviewManifests([{ path: 'k8s/web.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\n…' }]);
 */
export async function reviewManifests(
  files: { path: string; text: string }[],
  rules: readonly Rule<ManifestReview>[] = manifestRules,
): Promise<DomainResult> {
  const ordered = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const errors: FileError[] = [];
  const reviewed: ManifestFile[] = [];
  const sources: Source[] = [];
  ordered.forEach((f, index) => {
    const file: ManifestFile = { path: f.path, index, lines: new LineCounter() };
    const parsed = parseManifestFile(file, f.text);
    if (!parsed.ok) {
      errors.push(parsed.error);
      return;
    }
    reviewed.push(file);
    sources.push(...parsed.sources);
  });
  const { objects, services } = classify(sources);
  const review = new ManifestReview(reviewed, objects, services);
  const findings = runRules(rules, review, reviewed[0]?.path ?? ordered[0]?.path ?? '', errors);
  return { findings, errors, files: ordered.map((f) => f.path) };
}
