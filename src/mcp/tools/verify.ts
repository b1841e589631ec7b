import { z } from 'zod';
import { VerifyReportSchema } from '../../verify/report.js';
import { defineTool } from '../_tool.js';

export const verifyTool = defineTool({
  name: 'verify',
  title: 'Prove a design folder with real tools',
  description:
    'Re-check a design folder written by the design tool: the SQL schema applied in embedded PostgreSQL, every access pattern served by an index (EXPLAIN), ' +
    'the OpenAPI and AsyncAPI documents valid, the manifests valid against their schemas, and the artifacts agreeing with design.json.',
  input: z.strictObject({
    dir: z.string().min(1).describe('The design folder'),
    only: z.array(z.string()).optional().describe('Run only these check ids'),
  }),
  output: VerifyReportSchema,
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { verify } = await import('../../verify/index.js');
    const report = await verify(args.dir, { ...(args.only && { only: args.only }) });
    const lines = report.checks.map((c) => `${c.status === 'passed' ? 'PASS' : c.status === 'failed' ? 'FAIL' : 'SKIP'} ${c.id}: ${c.summary}`);
    return { structured: report, text: lines.join('\n') };
  },
});
