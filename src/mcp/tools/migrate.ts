import { z } from 'zod';
import { MigrationPlanSchema } from '../../migrate/model.js';
import { defineTool } from '../_tool.js';

export const migrateTool = defineTool({
  name: 'migrate',
  title: 'Strangler-fig plan for leaving a monolith',
  description:
    'From the monolith\'s OpenAPI document (path) or a brief describing the existing system: bounded contexts (grouped by tags, paths and shared schemas), ' +
    'the extraction order (identity first, then least coupled), the facade routing table per phase, data ownership with expand-and-contract steps, and verification and rollback per phase.',
  input: z.strictObject({
    openapi: z.string().min(1).optional().describe('Path to the monolith\'s OpenAPI 3 or Swagger 2.0 document'),
    brief: z.string().min(1).max(65_536).optional().describe('A brief describing the existing system, instead of an OpenAPI document'),
  }),
  output: MigrationPlanSchema,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { migrate, renderMigrationText } = await import('../../migrate/index.js');
    const plan = await migrate({ ...(args.openapi !== undefined && { openapi: args.openapi }), ...(args.brief !== undefined && { brief: args.brief }) });
    return { structured: plan, text: renderMigrationText(plan) };
  },
});
