import type { Cloud, Regulation } from '../model/requirements.js';
import type { WorkloadFacts } from './workload.js';

/** A value read from the brief, with the brief's own words it came from. */
export interface Stated<T> {
  value: T;
  quote: string;
}

/**
 * What a brief states, before defaults. Free text and YAML briefs both become a BriefInput;
 * `resolve` then fills the gaps from the archetype and records every assumption.
 */
export interface BriefInput {
  title?: string;
  /** Free-text description (the whole brief for text input). */
  text: string;
  archetype?: Stated<string>;
  dau?: Stated<number>;
  mau?: Stated<number>;
  concurrentUsers?: Stated<number>;
  requestsPerUserPerDay?: Stated<number>;
  /** Average total requests per second. */
  avgRps?: Stated<number>;
  /** Peak total requests per second. */
  peakRps?: Stated<number>;
  /** Average writes (records created) per second. */
  writesPerSecond?: Stated<number>;
  /** Average reads per second. */
  readsPerSecond?: Stated<number>;
  peakFactor?: Stated<number>;
  readWriteRatio?: Stated<number>;
  recordBytes?: Stated<number>;
  responseBytes?: Stated<number>;
  requestBytes?: Stated<number>;
  blobsPerUserPerDay?: Stated<number>;
  blobBytes?: Stated<number>;
  retentionDays?: Stated<number>;
  initialDataBytes?: Stated<number>;
  /** Bytes of new data a day, when the brief states a volume rate ("we add 100 PB of data per year"). */
  dataBytesPerDay?: Stated<number>;
  growthPerMonth?: Stated<number>;
  p50Ms?: Stated<number>;
  p95Ms?: Stated<number>;
  p99Ms?: Stated<number>;
  /** A latency target whose percentile the brief did not name. */
  latencyUnlabelledMs?: Stated<number>;
  availability?: Stated<number>;
  errorRate?: Stated<number>;
  teamSize?: Stated<number>;
  opsMaturity?: Stated<'low' | 'medium' | 'high'>;
  budgetUsdPerMonth?: Stated<number>;
  timelineWeeks?: Stated<number>;
  regulations: Array<Stated<Regulation>>;
  regions?: Stated<string[]>;
  multiRegion?: Stated<boolean>;
  cloud?: Stated<Cloud>;
  existingSystem?: Stated<string>;
  horizonsMonths: Array<Stated<number>>;
  personalData?: Stated<boolean>;
  functional: Array<Stated<string> & { priority: 'must' | 'should' | 'could' }>;
  /** Per-node limit overrides (see knowledge/limits.ts). */
  limits: Partial<Record<'appRpsPerInstance' | 'pgWritesPerPrimary' | 'pgReadsPerNode' | 'wsConnectionsPerNode', Stated<number>>>;
  /** Actors, operations and the shape of the load, as the brief states them (free text or YAML). */
  workload?: WorkloadFacts;
  /** Why the brief is refused, when it is. */
  refusal?: Stated<string>;
}

export function emptyInput(text: string): BriefInput {
  return { text, regulations: [], horizonsMonths: [], functional: [], limits: {} };
}
