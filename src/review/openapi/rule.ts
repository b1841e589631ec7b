import type { Finding, Fix, Severity } from '../../model/finding.js';
import type { Rule } from '../types.js';
import type { OpenApiInput } from './model.js';
import { toPointer } from './source.js';
import type { SpecVersion } from './structure.js';
import type { NodeRef } from './workspace.js';

export interface Extra {
  evidence?: Record<string, string | number | boolean | null>;
  fix?: Fix;
  related?: { node: NodeRef; message?: string }[];
}

export interface RuleContext<Input = OpenApiInput> {
  readonly input: Input;
  /** Report a problem at a node (the position of the key that names it). */
  report(node: NodeRef, message: string, extra?: Extra): void;
}

export interface OpenApiRuleSpec {
  /** Kebab-case name; the id is `openapi/<name>`. */
  name: string;
  severity: Severity;
  summary: string;
  references?: string[];
  /** Off unless `.archie.yaml` gives it a severity. */
  optIn?: boolean;
  /**
   * The specification versions the rule reads (default: 3.0, 3.1 and 3.2). Swagger 2.0 lays out
   * bodies, servers and components differently, so a rule lists it only when it reads it right.
   */
  versions?: readonly SpecVersion[];
}

/** The location of a node as a Finding location. */
export function locationOf(node: NodeRef): Finding['location'] & { kind: 'file' } {
  const pos = node.doc.position(node.path);
  return { kind: 'file', file: node.doc.display, line: pos.line, column: pos.column, pointer: toPointer(node.path) };
}

const OPENAPI_3: readonly SpecVersion[] = ['3.0', '3.1', '3.2'];
/** Every version archie reads. */
export const ALL_VERSIONS: readonly SpecVersion[] = ['2.0', '3.0', '3.1', '3.2'];

/** Build a rule over an OpenAPI description (or a pair of them, for breaking-change rules). */
export function defineRule<Input = OpenApiInput>(spec: OpenApiRuleSpec, run: (ctx: RuleContext<Input>) => void): Rule<Input> {
  const id = `openapi/${spec.name}`;
  const severity = spec.severity;
  return {
    meta: {
      id,
      domain: 'openapi',
      severity,
      summary: spec.summary,
      docs: `docs/rules/openapi/${spec.name}.md`,
      ...(spec.references && { references: spec.references }),
      ...(spec.optIn && { optIn: true }),
    },
    check(input) {
      const findings: Finding[] = [];
      const version = (input as { version?: SpecVersion }).version;
      if (version !== undefined && !(spec.versions ?? OPENAPI_3).includes(version)) return findings;
      run({
        input,
        report(node, message, extra) {
          const f: Finding = { ruleId: id, severity, message, location: locationOf(node) };
          if (extra?.evidence) f.evidence = extra.evidence;
          if (extra?.fix) f.fix = extra.fix;
          if (extra?.related) f.related = extra.related.map((r) => ({ ...locationOf(r.node), ...(r.message !== undefined && { message: r.message }) }));
          findings.push(f);
        },
      });
      return findings;
    },
  };
}
