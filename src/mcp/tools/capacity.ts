import { z } from 'zod';
import { AvailabilitySchema, CapacityFigureSchema } from '../../model/design.js';
import { AssumptionSchema } from '../../model/requirements.js';
import { count, defineTool } from '../_tool.js';

const flag = (d: string) => z.union([z.string().min(1), z.number()]).optional().describe(d);

/** Figures quoted in the summary, when the plan has them. */
const HEADLINE = ['peak-rps', 'peak-write-rps', 'db-storage', 'app-instances', 'db-write-primaries'];

export const capacityTool = defineTool({
  name: 'capacity',
  title: 'Back-of-envelope capacity plan',
  description:
    'Requests/s, bandwidth, storage, cache, instances, connection pools, replicas, shards and SLA math, each figure with its formula, at launch, 6 months and 1 year. ' +
    'Give a brief, load figures, or both (figures override the brief). Use this instead of estimating numbers yourself.',
  input: z.strictObject({
    brief: z.string().min(1).max(65_536).optional().describe('Brief text, or the path of a brief file inside the allowed folders'),
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
    availability: AvailabilitySchema,
    openQuestions: z.array(z.string()),
    figures: z.array(CapacityFigureSchema).optional(),
    assumptions: z.array(AssumptionSchema).optional(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const { capacity } = await import('../../capacity.js');
    const { figureValue } = await import('../../render/markdown.js');
    const { formatNumber, formatPercent } = await import('../../brief/units.js');
    const { brief, ...rest } = args;
    let input: string | undefined;
    if (brief !== undefined) {
      const b = await ctx.brief('brief', brief);
      // capacity() reads a brief without a space as a path: text with only other whitespace keeps its words apart with spaces.
      input = b.text && !b.value.includes(' ') ? b.value.replace(/\s/g, ' ') : b.value;
    }
    const flags = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const r = await capacity(input, flags);
    const figures = r.capacity.figures;
    const a = r.capacity.availability;
    const line = (f: (typeof figures)[number]) => `- ${f.label}: ${figureValue(f, f.current)} now, ${figureValue(f, f.sixMonths)} in 6 months, ${figureValue(f, f.oneYear)} in 1 year [${f.formula}]`;
    const headline = HEADLINE.map((id) => figures.find((f) => f.id === id)).filter((f) => f !== undefined);
    const summary = [
      `Capacity plan: ${r.title || r.archetype} (${r.archetype}), ${count(figures.length, 'figure')}, ${count(r.assumptions.length, 'assumption')}.`,
      ...headline.map((f) => `- ${f.label}: ${figureValue(f, f.current)} now → ${figureValue(f, f.oneYear)} in 1 year`),
      `- Availability: composite ${formatPercent(a.composite, 4)} vs target ${formatPercent(a.target, 3)} (${a.meetsTarget ? 'meets it' : 'does NOT meet it'}); error budget ${formatNumber(a.errorBudgetMinutesPerMonth, 1)} min/month.`,
      ...(r.openQuestions.length ? [`Open questions: ${r.openQuestions.map((q) => q.question).join(' ')}`] : []),
    ].join('\n');
    return {
      head: { title: r.title, archetype: r.archetype, availability: a, openQuestions: r.openQuestions.map((q) => q.question) },
      summary,
      sections: [
        { path: 'figures', title: 'Figures: now, in 6 months, in 1 year, with the formula', items: figures, line },
        { path: 'assumptions', title: 'Assumed: override with the load arguments or in the brief', items: r.assumptions, line: (x: (typeof r.assumptions)[number]) => `- ${x.label}: ${x.value} (${x.reason}; ${x.override})` },
      ],
    };
  },
});
