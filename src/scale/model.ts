import { z } from 'zod';

/**
 * The report of `archie scale`: what the design's deployed capacity can carry at a multiple of
 * today's load, what saturates first, and the plan that removes each bottleneck. The MCP `scale`
 * tool returns the same object as its structured output.
 */

const num = z.number().finite();

/** Largest factor accepted: see MAX_FACTOR_REASON. */
export const MAX_FACTOR = 10_000;
export const MAX_FACTOR_REASON =
  'four orders of magnitude is where per-node planning figures stop meaning anything: a system at 10,000× its load is a different system, so design it again with the new numbers (archie design)';

export const LimitUsedSchema = z.object({
  /** Id in the knowledge base (src/knowledge/limits.ts). */
  id: z.string(),
  label: z.string(),
  /** Per-node value as used here (after any adjustment for the node size in the design). */
  value: num,
  unit: z.string(),
  source: z.string(),
  /** How the knowledge-base figure was adapted to this design, if at all. */
  adjustment: z.string().nullable(),
});
export type LimitUsed = z.infer<typeof LimitUsedSchema>;

export const ResourceStatusSchema = z.enum(['ok', 'over-target', 'saturated']);
export type ResourceStatus = z.infer<typeof ResourceStatusSchema>;

export const ResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Component or data store id in the design. */
  target: z.string(),
  unit: z.string(),
  limit: LimitUsedSchema,
  /** Nodes (instances, primaries, brokers…) the design runs for this resource. */
  nodes: z.number().int().min(0),
  nodesBasis: z.string(),
  /** nodes × per-node limit. */
  capacity: num,
  /** Utilisation the design sizes for (headroom for a lost zone, bursts, autoscaling lag). */
  targetUtilisation: num,
  loadNow: num,
  loadAtFactor: num,
  loadFormula: z.string(),
  utilisationNow: num,
  utilisationAtFactor: num,
  /** Multiple of today's load at which the load reaches the capacity; null when beyond MAX_FACTOR. */
  saturatesAt: num.nullable(),
  /** Multiple of today's load at which the load passes the target utilisation. */
  overTargetAt: num.nullable(),
  status: ResourceStatusSchema,
  note: z.string().nullable(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const HorizonSchema = z.enum(['immediate', 'months-1-3', 'months-3-6']);
export type Horizon = z.infer<typeof HorizonSchema>;

export const HORIZON_LABELS: Record<Horizon, string> = {
  immediate: 'Immediate (days): horizontal scaling, replicas, caching, CDN',
  'months-1-3': '1–3 months: decomposition, queues, sharding, autoscaling',
  'months-3-6': '3–6 months: multi-region, event-driven, CQRS',
};

export const StepSchema = z.object({
  id: z.string(),
  horizon: HorizonSchema,
  action: z.string(),
  /** Resource ids whose bottleneck this step removes. */
  removes: z.array(z.string()),
  /** Why, with the numbers. */
  rationale: z.string(),
  /** Change to the monthly bill, USD (negative saves money). */
  monthlyCostDeltaUsd: num,
  /** How the cost change was priced, from the dated price table. */
  costBasis: z.string(),
});
export type Step = z.infer<typeof StepSchema>;

export const DecisionChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  rationale: z.string(),
});

export const LoadSummarySchema = z.object({
  peakRps: num,
  peakReadsPerSecond: num,
  peakWritesPerSecond: num,
  concurrentUsers: num,
  dailyActiveUsers: num,
});
export type LoadSummary = z.infer<typeof LoadSummarySchema>;

export const ScaleReportSchema = z.object({
  title: z.string(),
  source: z.object({ kind: z.enum(['design', 'brief']), path: z.string().nullable() }),
  factor: num,
  /** How the new load was computed, in words. */
  method: z.string(),
  loadNow: LoadSummarySchema,
  loadAtFactor: LoadSummarySchema,
  /** Every sized resource, in saturation order (first to saturate first). */
  resources: z.array(ResourceSchema),
  /** The first resource to saturate, or null when none does below MAX_FACTOR. */
  firstBottleneck: z
    .object({ resource: z.string(), saturatesAt: num, summary: z.string() })
    .nullable(),
  plan: z.object({
    immediate: z.array(StepSchema),
    'months-1-3': z.array(StepSchema),
    'months-3-6': z.array(StepSchema),
  }),
  /** Decisions the planner takes differently when it designs for the new load from scratch. */
  decisionChanges: z.array(DecisionChangeSchema),
  cost: z.object({
    currentMonthlyUsd: num,
    /** Sum of the steps that add capacity. */
    addedMonthlyUsd: num,
    /** Sum of the steps that save money against growing in place at the new load (negative or zero). */
    savedMonthlyUsd: num,
    /** What archie's cost model says a design made for the new load would cost. */
    redesignMonthlyUsd: num,
    priceTable: z.object({ name: z.string(), asOf: z.string() }),
  }),
  /** Components that are not sized here and why (managed services, unknown shares). */
  notes: z.array(z.string()),
});
export type ScaleReport = z.infer<typeof ScaleReportSchema>;
