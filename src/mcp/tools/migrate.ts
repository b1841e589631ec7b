import { z } from 'zod';
import { MigrationPlanSchema, PhaseSchema, RouteSchema, type Context, type Route } from '../../migrate/model.js';
import { count, defineTool } from '../_tool.js';

/** A phase as MCP returns it: the routes it changes, not the whole facade table again (that is `facade`, once). */
const McpPhaseSchema = PhaseSchema.omit({ facade: true });
type McpPhase = z.infer<typeof McpPhaseSchema>;

const route = (r: Route) => `${r.pattern} ${r.methods.join(',')} → ${r.target}`;

export const migrateTool = defineTool({
  name: 'migrate',
  title: 'Strangler-fig plan for leaving a monolith',
  description:
    'From the monolith\'s OpenAPI document (a path inside the allowed folders) or a brief describing the existing system: bounded contexts (grouped by tags, paths and shared schemas), ' +
    'the extraction order (identity first, then least coupled), the routes each phase moves at the facade, data ownership with expand-and-contract steps, and verification and rollback per phase. ' +
    'Summary first; contexts, phases and the final facade table are paged (follow page.nextCursor).',
  input: z.strictObject({
    openapi: z.string().min(1).optional().describe('Path of the monolith\'s OpenAPI 3 or Swagger 2.0 document'),
    brief: z.string().min(1).max(65_536).optional().describe('A brief describing the existing system (text, or the path of a brief file), instead of an OpenAPI document'),
  }),
  output: MigrationPlanSchema.extend({
    contexts: MigrationPlanSchema.shape.contexts.optional(),
    phases: z.array(McpPhaseSchema).optional().describe('Each phase with the routes it changes; the table after the last phase is `facade`'),
    facade: z.array(RouteSchema).optional().describe('The facade routing table after the last phase, most specific first; anything unmatched goes to the monolith'),
    counts: z.object({ contexts: z.number().int(), phases: z.number().int(), routes: z.number().int() }),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const openapi = args.openapi === undefined ? undefined : await ctx.path('openapi', args.openapi, 'file');
    const brief = args.brief === undefined ? undefined : await ctx.brief('brief', args.brief);
    const { migrate } = await import('../../migrate/index.js');
    const plan = await migrate({ ...(openapi !== undefined && { openapi }), ...(brief && { brief: brief.value, text: brief.text }) });
    const { contexts, phases: fullPhases, ...head } = plan;
    const facade = fullPhases.length ? fullPhases[fullPhases.length - 1]!.facade : [];
    const phases: McpPhase[] = fullPhases.map(({ facade: _table, ...p }) => p);
    const byId = new Map(contexts.map((c) => [c.id, c.name]));
    const summary = [
      `${plan.title}: ${count(plan.source.operations, 'operation')} on ${count(plan.source.paths, 'path')} (from ${plan.source.kind === 'openapi' ? plan.source.path ?? 'the OpenAPI document' : 'the brief'}) fall into ${count(contexts.length, 'bounded context')}.`,
      `Extraction order: ${plan.order.map((id) => byId.get(id) ?? id).join(' → ') || 'none'}.`,
      ...(plan.sharedKernel.length ? [`Shared kernel (not coupling): ${plan.sharedKernel.join(', ')}.`] : []),
      ...(plan.warnings.length ? [`Warnings: ${plan.warnings.join(' ')}`] : []),
    ].join('\n');
    const contextLine = (c: Context) =>
      `- ${c.name} (${c.id})${c.identity ? ' [identity]' : ''}: ${count(c.operations, 'operation')} (${c.writes} writes), coupling ${c.coupling}; owns ${c.owns.join(', ') || 'nothing'}; ` +
      `uses ${c.references.map((r) => `${r.to} (${r.count})`).join(', ') || 'nothing'}; used by ${c.referencedBy.map((r) => `${r.to} (${r.count})`).join(', ') || 'nothing'}; paths ${c.paths.join(' ')}`;
    const phaseLine = (p: McpPhase) =>
      [
        `- Phase ${p.number}: ${p.name}. ${p.why}`,
        ...(p.routes.length ? [`  routes: ${p.routes.map(route).join('; ')}`] : []),
        ...(p.data.length ? [`  data: ${p.data.map((d) => `${d.step}: ${d.action}`).join(' ')}`] : []),
        ...(p.verification.length ? [`  verify: ${p.verification.join(' ')}`] : []),
        ...(p.rollback.length ? [`  rollback: ${p.rollback.join(' ')}`] : []),
      ].join('\n');
    return {
      head: { ...head, counts: { contexts: contexts.length, phases: phases.length, routes: facade.length } },
      summary,
      sections: [
        { path: 'contexts', title: 'Bounded contexts', items: contexts, line: contextLine },
        { path: 'phases', title: 'Phases', items: phases, line: phaseLine },
        { path: 'facade', title: 'Facade after the last phase, most specific first; anything unmatched goes to the monolith', items: facade, line: (r: Route) => `- ${route(r)}` },
      ],
    };
  },
});
