import type { Finding, Fix, Severity } from '../../model/finding.js';
import type { Rule, RuleMeta } from '../types.js';
import { offsetOf, type ManifestReview, type PathKey, type Source } from './model.js';

/** The rule shape of the manifest domain. */
export type ManifestRule = Rule<ManifestReview>;

export function manifestMeta(m: { name: string; severity: Severity; summary: string; references?: string[] }): RuleMeta {
  return {
    id: `manifest/${m.name}`,
    domain: 'manifest',
    severity: m.severity,
    summary: m.summary,
    docs: `docs/rules/manifest/${m.name}.md`,
    ...(m.references ? { references: m.references } : {}),
  };
}

export interface ReportExtra {
  fix?: Fix;
  evidence?: Record<string, string | number | boolean | null>;
  /** Point at the key of the last path element instead of its value. */
  key?: boolean;
}

/** A finding at a path of a YAML document (or the nearest existing ancestor of that path). */
export function report(meta: RuleMeta, src: Source, path: PathKey[], message: string, extra: ReportExtra = {}): Finding {
  const p = src.file.lines.linePos(offsetOf(src.doc, path, extra.key));
  const f: Finding = {
    ruleId: meta.id,
    severity: meta.severity,
    message,
    location: { kind: 'file', file: src.file.path, line: p.line, column: p.col, pointer: `/${path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` },
  };
  if (extra.evidence) f.evidence = extra.evidence;
  if (extra.fix) f.fix = extra.fix;
  return f;
}

export function yamlFix(description: string, code?: string): Fix {
  return code === undefined ? { description } : { description, code, language: 'yaml' };
}

/** `Deployment web` as a message names it. */
export function objectLabel(o: { kind: string; name: string }): string {
  return `${o.kind} ${o.name || '(unnamed)'}`;
}
