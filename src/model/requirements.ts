import { z } from 'zod';

import { ProvenanceSchema, type Provenance } from './provenance.js';
import { WorkloadSchema } from './workload.js';

export { ProvenanceSchema, type Provenance };

const num = z.number().finite();

/** A number with its unit and provenance. */
export const QuantitySchema = z.object({ value: num, unit: z.string(), provenance: ProvenanceSchema });
export type Quantity = z.infer<typeof QuantitySchema>;

import { CLOUDS, REGULATIONS } from './constants.js';

export { CLOUDS, REGULATIONS };
export const RegulationSchema = z.enum(REGULATIONS);
export type Regulation = z.infer<typeof RegulationSchema>;

export const CloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof CloudSchema>;

export const FunctionalRequirementSchema = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(['functional', 'non-functional']),
  priority: z.enum(['must', 'should', 'could']),
  provenance: ProvenanceSchema,
});
export type FunctionalRequirement = z.infer<typeof FunctionalRequirementSchema>;

/**
 * Everything the planner decides from. Numeric fields are Quantities; all are present after
 * parsing (missing ones filled from the archetype's defaults and listed as assumptions).
 */
export const RequirementsSchema = z.object({
  title: z.string(),
  /** The brief as given (free text) or a one-line summary of a YAML brief. */
  briefText: z.string(),
  archetype: z.object({
    id: z.string(),
    name: z.string(),
    /** Words of the brief that matched, empty for the generic fallback. */
    matched: z.array(z.string()),
    provenance: ProvenanceSchema,
  }),
  scale: z.object({
    dau: QuantitySchema,
    mau: QuantitySchema,
    /** Users connected or active at the same moment at peak. */
    concurrentUsers: QuantitySchema,
    /** Requests per active user per day (all API calls). */
    requestsPerUserPerDay: QuantitySchema,
    /** Average requests per second over a day. */
    avgRps: QuantitySchema,
    peakFactor: QuantitySchema,
    /** Reads per write. */
    readWriteRatio: QuantitySchema,
    /** Average size of one stored record written by a write request, bytes. */
    recordBytes: QuantitySchema,
    /** Average response size of a read, bytes. */
    responseBytes: QuantitySchema,
    /** Average request body size of a write, bytes. */
    requestBytes: QuantitySchema,
    /** Binary objects (media, files) uploaded per user per day, and their average size. */
    blobsPerUserPerDay: QuantitySchema,
    blobBytes: QuantitySchema,
    /** How long data is kept, days. */
    retentionDays: QuantitySchema,
    /** Data already held at launch, bytes (0 for a new system). */
    initialDataBytes: QuantitySchema,
  }),
  /** Compound growth of load and users per month (0.1 = +10 %/month). */
  growthPerMonth: QuantitySchema,
  latency: z.object({ p50Ms: QuantitySchema, p95Ms: QuantitySchema, p99Ms: QuantitySchema }),
  /** As a fraction, e.g. 0.9995. */
  availability: QuantitySchema,
  errorRate: QuantitySchema,
  team: z.object({ size: QuantitySchema, opsMaturity: z.object({ value: z.enum(['low', 'medium', 'high']), provenance: ProvenanceSchema }) }),
  budgetUsdPerMonth: QuantitySchema.nullable(),
  timelineWeeks: QuantitySchema.nullable(),
  regulations: z.array(z.object({ value: RegulationSchema, provenance: ProvenanceSchema })),
  geography: z.object({
    regions: z.array(z.string()),
    multiRegion: z.boolean(),
    provenance: ProvenanceSchema,
  }),
  cloud: z.object({ value: CloudSchema, provenance: ProvenanceSchema }),
  existingSystem: z.object({ description: z.string(), provenance: ProvenanceSchema }).nullable(),
  /** Planning horizons beyond 6 and 12 months that the brief states, in months (e.g. 36). */
  horizonsMonths: z.array(z.number().int().positive()),
  /** Personal data is processed (drives privacy-by-design items). */
  personalData: z.object({ value: z.boolean(), provenance: ProvenanceSchema }),
  functional: z.array(FunctionalRequirementSchema),
  /** Actors, operations and their rates: what the load figures are summed from. */
  workload: WorkloadSchema,
});
export type Requirements = z.infer<typeof RequirementsSchema>;

export const AssumptionSchema = z.object({
  /** Requirement path, e.g. `scale.peakFactor`. */
  field: z.string(),
  label: z.string(),
  /** The value used, formatted with its unit. */
  value: z.string(),
  reason: z.string(),
  /** How to state it instead: a YAML path and a phrase the text extractor understands. */
  override: z.string(),
});
export type Assumption = z.infer<typeof AssumptionSchema>;

export const OpenQuestionSchema = z.object({
  question: z.string(),
  /** Why the answer matters to the design. */
  why: z.string(),
  /** What the design assumed meanwhile. */
  assumed: z.string(),
});
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;
