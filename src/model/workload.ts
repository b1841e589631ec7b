import { z } from 'zod';
import { ProvenanceSchema } from './provenance.js';

/**
 * The workload model: who uses the system, what they do and how often, and what is kept. The
 * capacity plan sums its operations; every rate carries the formula that produced it and the
 * words of the brief it came from (or the reason it was assumed).
 */

const num = z.number().finite();

export const ActorSchema = z.object({
  id: z.string(),
  /** Singular noun: "player", "courier", "tenant company". */
  name: z.string(),
  count: num,
  /** How the count is meant: active on a day, in a month, at the same moment, or signed up. */
  kind: z.enum(['daily', 'monthly', 'concurrent', 'registered']),
  nature: z.enum(['people', 'devices', 'organisations']),
  provenance: ProvenanceSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

export const OperationSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** What is done: "post tweet", "create short link", "location update". */
  name: z.string(),
  kind: z.enum(['write', 'read']),
  /** The actor that performs it (id), or null for a rate stated for the whole system. */
  actor: z.string().nullable(),
  /** Average and peak operations per second at launch. */
  averagePerSecond: num,
  peakPerSecond: num,
  /** How the average was computed, with the numbers. */
  formula: z.string(),
  /** Database rows written by one operation (2 for a transfer between two accounts). */
  rowsWritten: num,
  /** Bytes one operation stores (a page, an email, a location fix) when the brief says; null = the design's record size. */
  payloadBytes: num.nullable(),
  /** Recipients each operation is delivered to (online followers, friends, members); null when it is not fanned out. */
  fanout: num.nullable(),
  provenance: ProvenanceSchema,
});
export type Operation = z.infer<typeof OperationSchema>;

/** A count the brief's numbers make that is not a rate: metric series (machines × metrics each), minutes of use a day. */
export const InventorySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  count: num,
  unit: z.string(),
  formula: z.string(),
  provenance: ProvenanceSchema,
});
export type Inventory = z.infer<typeof InventorySchema>;

export const WorkloadSchema = z.object({
  actors: z.array(ActorSchema),
  operations: z.array(OperationSchema),
  inventory: z.array(InventorySchema),
  /** Seconds per day the system is in use when the brief says so (trading hours); null = all day. */
  activeSecondsPerDay: num.nullable(),
  /** Clauses of the brief with a number that the reader did not use, for the reader to check. */
  unread: z.array(z.string()),
});
export type Workload = z.infer<typeof WorkloadSchema>;
