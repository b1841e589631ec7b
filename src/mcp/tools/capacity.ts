import { z } from 'zod';
import { AvailabilitySchema, CapacityFigureSchema } from '../../model/design.js';
import { AssumptionSchema } from '../../model/requirements.js';
import { defineTool } from '../_tool.js';

const flag = (d: string) => z.union([z.string().min(1), z.number()]).optional().describe(d);

export const capacityTool = defineTool({
  name: 'capacity',
  title: 'Back-of-envelope capacity plan',
  description:
    'Requests/s, bandwidth, storage, cache, instances, connection pools, replicas, shards and SLA math, each figure with its formula, at launch, 6 months and 1 year. ' +
    'Give a brief, load figures, or both (figures override the brief). Use this instead of estimating numbers yourself.',
  input: z.strictObject({
    brief: z.string().min(1).max(65_536).optional().describe('Brief text or a brief file path'),
    archetype: z.string().optional().describe('Kind of system, e.g. chat, url-shortener, ecommerce'),
    dau: flag('Daily active users, e.g. "2M"'),
    mau: flag('Monthly active users'),
    concurrent: flag('Concurrent users at peak'),
    rps: flag('Average requests per second'),
    peakRps: flag('Peak requests per second'),
    peakFactor: flag('Peak ÷ average, e.g. 3'),
    readWrite: flag('Reads per write, e.g. "10:1"'),
    recordSize: flag('Stored bytes per written record, e.g. "1KB"'),
    retention: flag('How long data is kept, e.g. "3 years"'),
    growth: flag('Monthly growth, e.g. "10%"'),
    availability: flag('Availability target, e.g. "99.95%"'),
    rpsPerInstance: flag('Measured requests/s per API instance'),
  }),
  output: z.object({
    title: z.string(),
    archetype: z.string(),
    figures: z.array(CapacityFigureSchema),
    availability: AvailabilitySchema,
    assumptions: z.array(AssumptionSchema),
    openQuestions: z.array(z.string()),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { capacity } = await import('../../capacity.js');
    const { brief, ...rest } = args;
    const flags = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const r = await capacity(brief, flags);
    const { renderCapacityText } = await import('../../render/capacity-text.js');
    return {
      structured: { title: r.title, archetype: r.archetype, figures: r.capacity.figures, availability: r.capacity.availability, assumptions: r.assumptions, openQuestions: r.openQuestions.map((q) => q.question) },
      text: renderCapacityText(r),
    };
  },
});
