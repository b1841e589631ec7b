import { z } from 'zod';
import { HORIZON_LABELS, MAX_FACTOR, ScaleReportSchema, type Horizon, type Resource, type Step } from '../../scale/model.js';
import type { Section } from '../_page.js';
import { defineTool } from '../_tool.js';

const shape = ScaleReportSchema.shape;

const pct = (v: number) => `${Math.round(v * 100).toLocaleString('en-US')}%`;
const usd = (v: number) => `${v < 0 ? '−' : '+'}$${Math.abs(Math.round(v)).toLocaleString('en-US')}/month`;

export const scaleTool = defineTool({
  name: 'scale',
  title: 'Plan for N× the traffic',
  description:
    'For a design folder (written by the design tool or `archie design --out`) or a brief: the load at `factor` × today\'s, every component\'s load against its per-node limit (with the limit\'s source), ' +
    'what saturates first and at what multiple, and the plan in three horizons (immediate; 1–3 months; 3–6 months), each step tied to the bottleneck it removes and its monthly cost. ' +
    'Summary first; resources and steps are paged (follow page.nextCursor).',
  input: z.strictObject({
    dir: z.string().min(1).optional().describe('Design folder (or its design.json) inside the allowed folders'),
    brief: z.string().min(1).max(65_536).optional().describe('A brief instead of a design folder: text, or the path of a brief file'),
    factor: z.number().describe(`Multiple of today's load, 1 to ${MAX_FACTOR.toLocaleString('en-US')}, e.g. 10`),
    rpsPerInstance: z.number().positive().optional().describe('Measured requests/s per API instance'),
  }),
  output: ScaleReportSchema.extend({
    resources: shape.resources.optional(),
    plan: shape.plan.partial().optional(),
    decisionChanges: shape.decisionChanges.optional(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const dir = args.dir === undefined ? undefined : await ctx.path('dir', args.dir, 'file-or-dir');
    const brief = args.brief === undefined ? undefined : await ctx.brief('brief', args.brief);
    const { scale } = await import('../../scale/index.js');
    const r = await scale(
      { ...(dir !== undefined && { dir }), ...(brief && { brief: brief.value, text: brief.text }) },
      { factor: args.factor, limits: args.rpsPerInstance ? { appRpsPerInstance: args.rpsPerInstance } : {} },
    );
    const { resources, plan, decisionChanges, ...head } = r;
    const steps = Object.values(plan).flat();
    const added = steps.reduce((s, x) => s + x.monthlyCostDeltaUsd, 0);
    const summary = [
      `${r.title} at ${r.factor}× today's load: ${r.firstBottleneck ? r.firstBottleneck.summary : `nothing saturates below ${MAX_FACTOR.toLocaleString('en-US')}×`}`,
      `Peak ${Math.round(r.loadNow.peakRps).toLocaleString('en-US')} → ${Math.round(r.loadAtFactor.peakRps).toLocaleString('en-US')} req/s (writes ${Math.round(r.loadNow.peakWritesPerSecond).toLocaleString('en-US')} → ${Math.round(r.loadAtFactor.peakWritesPerSecond).toLocaleString('en-US')}/s).`,
      `${resources.filter((x) => x.status !== 'ok').length} of ${resources.length} resources over target or saturated at ${r.factor}×; ${steps.length} steps, ${usd(added)} in all on today's $${Math.round(r.cost.currentMonthlyUsd).toLocaleString('en-US')}/month.`,
      ...(r.notes.length ? [`Notes: ${r.notes.join(' ')}`] : []),
    ].join('\n');
    const resourceLine = (x: Resource) =>
      `- ${x.name} (${x.target}): ${pct(x.utilisationNow)} now → ${pct(x.utilisationAtFactor)} at ${r.factor}× of ${x.nodes} × ${x.limit.value.toLocaleString('en-US')} ${x.unit} (${x.limit.label}; ${x.limit.source}); ` +
      `${x.saturatesAt === null ? 'does not saturate' : `saturates at ${x.saturatesAt}×`} [${x.status}]`;
    const stepLine = (x: Step) => `- ${x.action} (removes ${x.removes.join(', ') || 'nothing named'}; ${usd(x.monthlyCostDeltaUsd)}): ${x.rationale}`;
    const sections: Section[] = [
      { path: 'resources', title: 'Resources, first to saturate first', items: resources, line: resourceLine },
      ...(Object.keys(plan) as Horizon[]).map((h): Section => ({ path: `plan.${h}`, title: HORIZON_LABELS[h] ?? h, items: plan[h], line: stepLine })),
      { path: 'decisionChanges', title: 'Decisions taken differently at the new load', items: decisionChanges, line: (x: (typeof decisionChanges)[number]) => `- ${x.title}: ${x.from} → ${x.to}. ${x.rationale}` },
    ];
    return { head, summary, sections };
  },
});
