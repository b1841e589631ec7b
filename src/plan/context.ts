import type { Resolved } from '../brief/resolve.js';
import type { Archetype } from '../knowledge/archetypes/_types.js';
import { LIMITS, type NodeLimit } from '../knowledge/limits.js';
import type { Decision } from '../model/design.js';
import type { Assumption, OpenQuestion, Requirements } from '../model/requirements.js';

/** Conventions stated once in the output; every formula uses these. */
export const CONVENTIONS = {
  secondsPerDay: 86_400,
  /** A month is 30 days for rates and budgets. */
  secondsPerMonth: 2_592_000,
  minutesPerMonth: 43_200,
  daysPerMonth: 30,
  /** Copies of database data: primary plus one synchronous standby plus one backup copy. */
  replicationFactor: 3,
  /** Index and table overhead on top of raw row bytes. */
  indexOverhead: 0.3,
  /** Share of daily item reads that form the hot set (80/20). */
  hotShare: 0.2,
  /** Memory per cached byte: keys, structures, fragmentation. */
  cacheOverhead: 1.5,
  /** Headroom above the peak for pool sizes. */
  poolHeadroom: 1.5,
  /** Messages fanned out per event for systems that fan out (a group's online members). */
  fanoutFactor: 10,
} as const;

/** The load numbers every figure and decision starts from, at launch. */
export interface Load {
  avgRps: number;
  peakRps: number;
  avgReads: number;
  avgWrites: number;
  peakReads: number;
  peakWrites: number;
  /** Share of requests that write. */
  writeShare: number;
}

export interface Limits {
  appRpsPerInstance: NodeLimit;
  pgWritesPerPrimary: NodeLimit;
  pgReadsPerNode: NodeLimit;
  wsConnectionsPerNode: NodeLimit;
}

/** What a decision module sees: the requirements, the load, and the decisions made before it. */
export interface PlanContext {
  req: Requirements;
  archetype: Archetype;
  load: Load;
  limits: Limits;
  /** Decisions already taken, by id. */
  decided: Map<string, Decision>;
  assumptions: Assumption[];
  openQuestions: OpenQuestion[];
  warnings: string[];
}

/** One module per decision. */
export interface DecisionModule {
  id: string;
  title: string;
  question: string;
  /** Null when the decision does not arise for this system (e.g. search for a URL shortener). */
  decide(ctx: PlanContext): Omit<Decision, 'id' | 'title' | 'question'> | null;
}

export function computeLoad(req: Requirements): Load {
  const s = req.scale;
  const writeShare = 1 / (1 + s.readWriteRatio.value);
  const avgRps = s.avgRps.value;
  const peakRps = avgRps * s.peakFactor.value;
  return {
    avgRps,
    peakRps,
    avgWrites: avgRps * writeShare,
    avgReads: avgRps * (1 - writeShare),
    peakWrites: peakRps * writeShare,
    peakReads: peakRps * (1 - writeShare),
    writeShare,
  };
}

export function makeContext(resolved: Resolved, limitOverrides: Partial<Record<keyof Limits, number>> = {}): PlanContext {
  const withOverride = (l: NodeLimit, key: keyof Limits): NodeLimit =>
    limitOverrides[key] !== undefined ? { ...l, value: limitOverrides[key]!, source: 'stated in the brief' } : l;
  // Some kinds of system are much cheaper (or dearer) per request than a typical JSON API.
  const own = resolved.archetype.defaults.appRpsPerInstance;
  const appLimit: NodeLimit = own ? { ...LIMITS.appRpsPerInstance, value: own.value, source: `typical for ${resolved.archetype.name.toLowerCase()}: ${own.reason}` } : LIMITS.appRpsPerInstance;
  return {
    req: resolved.requirements,
    archetype: resolved.archetype,
    load: computeLoad(resolved.requirements),
    limits: {
      appRpsPerInstance: withOverride(appLimit, 'appRpsPerInstance'),
      pgWritesPerPrimary: withOverride(LIMITS.pgWritesPerPrimary, 'pgWritesPerPrimary'),
      pgReadsPerNode: withOverride(LIMITS.pgReadsPerNode, 'pgReadsPerNode'),
      wsConnectionsPerNode: withOverride(LIMITS.wsConnectionsPerNode, 'wsConnectionsPerNode'),
    },
    decided: new Map(),
    assumptions: [...resolved.assumptions],
    openQuestions: [...resolved.openQuestions],
    warnings: [...resolved.warnings],
  };
}

/** Growth multiplier after `months` of compound growth. */
export function growthAt(req: Requirements, months: number): number {
  return (1 + req.growthPerMonth.value) ** months;
}

export function chosen(ctx: PlanContext, id: string): string | undefined {
  return ctx.decided.get(id)?.chosen;
}

/**
 * What is stored after `months` months when month m adds `perMonth(m)` and data older than
 * `retentionMonths` is deleted: the sum of the months still inside the retention window.
 */
export function accumulated(perMonth: (m: number) => number, months: number, retentionMonths: number): number {
  let total = 0;
  for (let m = 0; m < months; m++) {
    const age = months - m; // months since month m began, at the end of the period
    const kept = Math.max(0, Math.min(1, retentionMonths - (age - 1)));
    total += perMonth(m) * kept;
  }
  return total;
}
