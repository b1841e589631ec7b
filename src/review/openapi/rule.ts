import type { Finding, Fix, Severity } from '../../model/finding.js';
import type { Rule } from '../types.js';
import type { OpenApiInput } from './model.js';
import { toPointer } from './source.js';
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
}

/** The location of a node as a Finding location. */
export function locationOf(node: NodeRef): Finding['location'] & { kind: 'file' } {
  const pos = node.doc.position(node.path);
  return { kind: 'file', file: node.doc.display, line: pos.line, column: pos.column, pointer: toPointer(node.path) };
}

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
    },
    check(input) {
      const findings: Finding[] = [];
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
