import { z } from 'zod';

/**
 * Where a value came from. Every requirement and figure carries one, so a reader can tell a number
 * the user gave from one archie worked out or one it had to assume.
 */
export const ProvenanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stated'),
    /** The words of the brief the value was read from, verbatim. */
    quote: z.string(),
  }),
  z.object({
    kind: z.literal('derived'),
    /** The inputs it was computed from (requirement paths or capacity ids). */
    from: z.array(z.string()),
    /** How, in one line. */
    how: z.string(),
  }),
  z.object({
    kind: z.literal('assumed'),
    /** Why this default. */
    reason: z.string(),
  }),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;
