import { z } from 'zod';
import { MAX_FACTOR, ScaleReportSchema } from '../../scale/model.js';
import { defineTool } from '../_tool.js';

export const scaleTool = defineTool({
  name: 'scale',
  title: 'Plan for N× the traffic',
  description:
    'For a design folder (written by the design tool or `archie design --out`) or a brief: the load at `factor` × today\'s, every component\'s load against its per-node limit (with the limit\'s source), ' +
    'what saturates first and at what multiple, and the plan in three horizons (immediate; 1–3 months; 3–6 months), each step tied to the bottleneck it removes and its monthly cost.',
  input: z.strictObject({
    dir: z.string().min(1).optional().describe('Design folder (or its design.json)'),
    brief: z.string().min(1).max(65_536).optional().describe('A brief instead of a design folder'),
    factor: z.number().describe(`Multiple of today's load, 1 to ${MAX_FACTOR}`),
    rpsPerInstance: z.number().positive().optional().describe('Measured requests/s per API instance'),
  }),
  output: ScaleReportSchema,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { scale, renderScaleText } = await import('../../scale/index.js');
    const r = await scale(
      { ...(args.dir !== undefined && { dir: args.dir }), ...(args.brief !== undefined && { brief: args.brief }) },
      { factor: args.factor, limits: args.rpsPerInstance ? { appRpsPerInstance: args.rpsPerInstance } : {} },
    );
    return { structured: r, text: renderScaleText(r) };
  },
});
