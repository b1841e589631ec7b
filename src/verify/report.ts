import { z } from 'zod';

/**
 * The verify report: one result per check, each with the evidence it rests on. Evidence items are
 * the unit a person reads ("users.user-by-email: Index Scan using users_email_key, cost 8.44") and
 * a machine filters (`ok`, `file`, `line`, `plan`).
 */

export const CheckStatusSchema = z.enum(['passed', 'failed', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** What the planner chose for one access pattern (from EXPLAIN (FORMAT JSON)). */
export const PlanEvidenceSchema = z.object({
  /** The query as explained, with $n parameters. */
  sql: z.string(),
  /** Values bound to $1..$n, as text, taken from the generated rows. */
  params: z.array(z.string()),
  /** The plan's shape from the root, e.g. `Limit > Index Scan`. */
  shape: z.string(),
  /** The scan node that reads the pattern's table, e.g. `Index Scan`, `Bitmap Index Scan`. */
  node: z.string(),
  /** Indexes the plan uses (partition indexes mapped to the index declared on the parent). */
  indexes: z.array(z.string()),
  /** The index the design says serves the pattern. */
  expectedIndex: z.string().nullable(),
  /** Estimated cost of the root node: startup..total, in the planner's units. */
  startupCost: z.number(),
  totalCost: z.number(),
  /** Estimated rows the root returns. */
  rows: z.number(),
  /** Sequential scans on tables with at least the large-table threshold of rows. */
  seqScans: z.array(z.object({ relation: z.string(), rows: z.number() })),
});
export type PlanEvidence = z.infer<typeof PlanEvidenceSchema>;

export const EvidenceSchema = z.object({
  /** What the item is about: a file, an access pattern id, a component id. */
  subject: z.string(),
  /** Whether this item holds; a check fails when any of its items does not. */
  ok: z.boolean(),
  message: z.string(),
  /** Path relative to the design folder, with a 1-based line and column where known. */
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  plan: PlanEvidenceSchema.optional(),
  /** Milliseconds, for items that time a step (data generation, a validator run). */
  durationMs: z.number().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const CheckResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: CheckStatusSchema,
  /** One line: what was checked and the verdict. */
  summary: z.string(),
  evidence: z.array(EvidenceSchema),
  /** What to do when it failed or was skipped. */
  hint: z.string().optional(),
  durationMs: z.number(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const ToolSchema = z.object({ name: z.string(), version: z.string() });

export const VerifyReportSchema = z.object({
  /** The design folder as given. */
  dir: z.string(),
  ok: z.boolean(),
  counts: z.object({ passed: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  /** The real tools the checks ran, with their versions (PostgreSQL, Kubernetes schemas, Chromium, …). */
  tools: z.array(ToolSchema),
  checks: z.array(CheckResultSchema),
  durationMs: z.number(),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

/** What a check returns; the runner adds id, title and timing. */
export interface CheckOutcome {
  status: CheckStatus;
  summary: string;
  evidence: Evidence[];
  hint?: string;
}

/** Passed when every item is ok, failed otherwise; the summary is chosen by the verdict. */
export function outcome(evidence: Evidence[], summaries: { passed: string; failed: (failures: number) => string }, hint?: string): CheckOutcome {
  const failures = evidence.filter((e) => !e.ok).length;
  if (failures === 0) return { status: 'passed', summary: summaries.passed, evidence };
  return { status: 'failed', summary: summaries.failed(failures), evidence, ...(hint !== undefined && { hint }) };
}

export function skipped(summary: string, hint?: string, evidence: Evidence[] = []): CheckOutcome {
  return { status: 'skipped', summary, evidence, ...(hint !== undefined && { hint }) };
}

export function failed(summary: string, evidence: Evidence[], hint?: string): CheckOutcome {
  return { status: 'failed', summary, evidence, ...(hint !== undefined && { hint }) };
}

/** Singular or plural noun with its count: `plural(1, 'table')` → `1 table`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
