import { z } from 'zod';
import { byCodeUnit } from '../util/compare.js';

/**
 * One shape for everything review and diagnose report. A finding names the rule that produced it,
 * where the problem is (a file position or a database object), the evidence (numbers, snippets),
 * and the fix.
 */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Ordered from most to least severe; index is the rank. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as severe as `threshold`. */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

export const FileLocationSchema = z.object({
  kind: z.literal('file'),
  file: z.string(),
  /** 1-based. */
  line: z.number().int().min(1),
  /** 1-based. */
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  /** JSON pointer or SQL statement reference inside the file, when useful. */
  pointer: z.string().optional(),
});

export const ObjectLocationSchema = z.object({
  kind: z.literal('object'),
  /** e.g. table, index, query, setting, session, sequence. */
  objectType: z.string(),
  /** Qualified name, e.g. `public.orders` or a query id. */
  name: z.string(),
  database: z.string().optional(),
});

export const LocationSchema = z.discriminatedUnion('kind', [FileLocationSchema, ObjectLocationSchema]);
export type Location = z.infer<typeof LocationSchema>;
export type FileLocation = z.infer<typeof FileLocationSchema>;
export type ObjectLocation = z.infer<typeof ObjectLocationSchema>;

export const FixSchema = z.object({
  /** What to do, in words. */
  description: z.string(),
  /** Exact SQL, YAML or setting to apply, when there is one. */
  code: z.string().optional(),
  language: z.enum(['sql', 'yaml', 'json', 'text', 'conf']).optional(),
});
export type Fix = z.infer<typeof FixSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  location: LocationSchema,
  /** Facts behind the finding: numbers with units, a snippet, a plan node. */
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  fix: FixSchema.optional(),
  /** Secondary locations, e.g. the base file in a breaking-change report. */
  related: z.array(LocationSchema.and(z.object({ message: z.string().optional() }))).optional(),
  /** Larger is more important, for ordering diagnose output by impact. */
  impact: z.number().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Deterministic order: file, line, column, rule id; object findings by impact then name. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location;
  const lb = b.location;
  if (la.kind === 'file' && lb.kind === 'file') {
    return (
      byCodeUnit(la.file, lb.file) ||
      la.line - lb.line ||
      la.column - lb.column ||
      byCodeUnit(a.ruleId, b.ruleId) ||
      byCodeUnit(a.message, b.message)
    );
  }
  if (la.kind !== lb.kind) return la.kind === 'file' ? -1 : 1;
  return (
    (b.impact ?? 0) - (a.impact ?? 0) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    byCodeUnit(a.ruleId, b.ruleId) ||
    (la.kind === 'object' && lb.kind === 'object' ? byCodeUnit(la.name, lb.name) : 0) ||
    byCodeUnit(a.message, b.message)
  );
}
