import { z } from 'zod';

/**
 * The strangler-fig plan of `archie migrate`: bounded contexts found in the monolith's API, the
 * order to extract them, the facade's routing table per phase, the data each context takes over
 * (with expand-and-contract steps), and how each phase is verified and rolled back.
 */

export const ReferenceSchema = z.object({
  /** Context id referenced. */
  to: z.string(),
  /** Schemas or `*_id` fields through which it is referenced. */
  via: z.array(z.string()),
  /** Operations that make the reference. */
  count: z.number().int().min(1),
});

export const ContextSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Tags or path resources merged into it, with the reason for each merge. */
  members: z.array(z.object({ unit: z.string(), reason: z.string() })),
  operations: z.number().int().min(1),
  /** Operations that write (POST, PUT, PATCH, DELETE). */
  writes: z.number().int().min(0),
  paths: z.array(z.string()),
  /** Schemas (or entities) whose data this context owns after extraction. */
  owns: z.array(z.string()),
  references: z.array(ReferenceSchema),
  referencedBy: z.array(ReferenceSchema),
  /** Cross-context references, in and out: lower is easier to extract. */
  coupling: z.number().int().min(0),
  identity: z.boolean(),
});
export type Context = z.infer<typeof ContextSchema>;

export const RouteSchema = z.object({
  /** Path prefix pattern; `*` is one path parameter, a trailing `/**` everything below. */
  pattern: z.string(),
  methods: z.array(z.string()),
  target: z.string(),
});
export type Route = z.infer<typeof RouteSchema>;

export const PhaseSchema = z.object({
  number: z.number().int().min(0),
  name: z.string(),
  context: z.string().nullable(),
  why: z.string(),
  /** Routes that change target in this phase. */
  routes: z.array(RouteSchema),
  /** The whole facade table after this phase, most specific first; everything else goes to the monolith. */
  facade: z.array(RouteSchema),
  data: z.array(z.object({ step: z.enum(['expand', 'migrate', 'switch', 'contract']), action: z.string() })),
  verification: z.array(z.string()),
  rollback: z.array(z.string()),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const MigrationPlanSchema = z.object({
  title: z.string(),
  source: z.object({ kind: z.enum(['openapi', 'brief']), path: z.string().nullable(), operations: z.number().int(), paths: z.number().int() }),
  method: z.string(),
  contexts: z.array(ContextSchema),
  /** Shared schemas used by most contexts (pagination, errors): a shared kernel, not coupling. */
  sharedKernel: z.array(z.string()),
  order: z.array(z.string()),
  phases: z.array(PhaseSchema),
  warnings: z.array(z.string()),
});
export type MigrationPlan = z.infer<typeof MigrationPlanSchema>;
