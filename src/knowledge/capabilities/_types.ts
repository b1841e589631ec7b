import type { PlanContext } from '../../plan/context.js';

/**
 * A capability: one thing a system does that has its own central decision (fan-out for a feed,
 * short-code generation for a URL shortener, SFU vs MCU vs mesh for group calls). It is data: the
 * evidence that shows a brief needs it, and the decision with its options, each judged from the
 * workload numbers. Several capabilities can apply to one brief.
 */
export type Verdict = 'chosen' | 'viable' | 'rejected';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

/** A number a decision reads, with where it came from (quoted in the rationale). */
export interface Reading {
  value: number;
  /** `stated` (in the brief's words), `workload` (the workload model's operation), `derived` or `assumed`. */
  source: 'stated' | 'workload' | 'derived' | 'assumed';
  /** The words or the operation it was read from, or why it was assumed. */
  from: string;
  /**
   * The capacity figure that holds this number (`op-<id>-peak`, `peak-write-rps`), when there is one:
   * the decision quotes it, and its text writes it as `N/s`. A rate with no figure is written `N per second`.
   */
  figure?: string;
}

/** What a capability's `numbers` reads from: the plan context and the brief's words. */
export interface CapabilityInput {
  ctx: PlanContext;
  /** The brief text and the functional requirements, lower-cased. */
  text: string;
  /** Record an assumed value so it lands in the design's assumptions. */
  assume(field: string, label: string, value: string, reason: string, override: string): void;
}

export interface CapabilityOption<N> {
  option: string;
  /** The verdict on this option for these numbers; exactly one option of a decision is chosen. */
  when(n: N): Judgement;
}

export interface CapabilityDecision<N> {
  /** Stable id of the decision, e.g. `feed-fanout`. */
  id: string;
  title: string;
  question: string;
  /** The numbers the choice is made from: workload operations, scale and the capacity conventions. */
  numbers(input: CapabilityInput): N;
  options: ReadonlyArray<CapabilityOption<N>>;
  /** Why, quoting the numbers. */
  rationale(n: N): string;
  /** The numbers at which the choice would change. */
  wouldChange(n: N): string;
  /** Requirement paths and workload operations the decision reads. */
  drivers: readonly string[];
  significant: boolean;
}

export interface Evidence {
  /**
   * Phrases of a brief and their weight. A phrase matches on word boundaries, case-insensitively,
   * with an optional plural `s`, a space or hyphen matching either (`ride hailing` is also `ride-hailing`);
   * a phrase ending in `*` matches as a prefix (`crawl*`: crawler, crawling).
   */
  terms: ReadonlyArray<readonly [phrase: string, weight: number]>;
  /** Matched against the names of the workload operations; each operation that matches adds `operationWeight`. */
  operations?: readonly RegExp[];
}

export interface Capability<N = unknown> {
  id: string;
  name: string;
  evidence: Evidence;
  decision: CapabilityDecision<N>;
}
