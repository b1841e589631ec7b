import { z } from 'zod';
import { CheckResultSchema, VerifyReportSchema, type CheckResult } from '../../verify/report.js';
import { count, defineTool } from '../_tool.js';

const STATUS = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

export const verifyTool = defineTool({
  name: 'verify',
  title: 'Prove a design folder with real tools',
  description:
    'Re-check a design folder written by the design tool (inside the allowed folders): the SQL schema applied in embedded PostgreSQL, every access pattern served by an index (EXPLAIN), ' +
    'the OpenAPI and AsyncAPI documents valid, the manifests valid against their schemas, and the artifacts agreeing with design.json. Summary first; checks are paged (follow page.nextCursor).',
  input: z.strictObject({
    dir: z.string().min(1).describe('The design folder'),
    only: z.array(z.string().min(1)).optional().describe('Run only these check ids, e.g. ["design-json"]'),
  }),
  output: VerifyReportSchema.extend({ checks: z.array(CheckResultSchema).optional() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const dir = await ctx.path('dir', args.dir, 'file-or-dir');
    const { verify } = await import('../../verify/index.js');
    const report = await verify(dir, { ...(args.only && { only: args.only }) });
    const { checks, ...head } = report;
    const c = report.counts;
    const verdict = c.failed > 0 ? 'FAIL' : c.passed === 0 ? 'NOTHING CHECKED' : 'PASS';
    const summary = [
      `${verdict}: ${args.dir}: ${count(c.passed, 'check')} passed, ${c.failed} failed, ${c.skipped} skipped${c.passed === 0 && c.failed === 0 ? ' (no check could run: see the hints below)' : ''}.`,
      ...(report.tools.length ? [`Tools: ${report.tools.map((t) => `${t.name} ${t.version}`).join(', ')}.`] : []),
    ].join('\n');
    // Failing evidence first, so that a check cut to fit a page keeps what went wrong.
    const ordered = checks.map((x) => ({ ...x, evidence: [...x.evidence.filter((e) => !e.ok), ...x.evidence.filter((e) => e.ok)] }));
    const line = (x: CheckResult) => {
      const bad = x.evidence.filter((e) => !e.ok);
      return [
        `- ${STATUS[x.status]} ${x.id}: ${x.summary}`,
        ...bad.map((e) => `  ✗ ${e.subject}${e.file ? ` (${e.file}${e.line ? `:${e.line}` : ''})` : ''}: ${e.message}`),
        ...(x.hint && x.status !== 'passed' ? [`  hint: ${x.hint}`] : []),
      ].join('\n');
    };
    return { head, summary, sections: [{ path: 'checks', title: 'Checks', items: ordered, line }] };
  },
});
