import { z } from 'zod';
import { FindingSchema, SeveritySchema } from '../../model/finding.js';
import { defineTool } from '../_tool.js';

export const reviewTool = defineTool({
  name: 'review',
  title: 'Review API specs, SQL and manifests',
  description:
    'Audit OpenAPI documents, SQL schemas and migrations, Kubernetes and Compose manifests (files or directories): findings with rule id, severity, location, evidence and fix. ' +
    'Give `base` and one path to report breaking changes between two versions of an OpenAPI document instead.',
  input: z.strictObject({
    paths: z.array(z.string().min(1)).min(1).max(1000).describe('Files or directories to review'),
    base: z.string().min(1).optional().describe('Previous version of the OpenAPI document: report breaking changes from it to paths[0]'),
    minSeverity: SeveritySchema.optional().describe('Drop findings below this severity (default: keep all)'),
    maxFindings: z.number().int().min(1).max(5000).optional().describe('Most findings to return (default 200); the summary counts them all'),
  }),
  output: z.object({
    summary: z.object({ files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number(), fileErrors: z.number(), suppressed: z.number() }),
    findings: z.array(FindingSchema),
    omitted: z.number().int(),
    fileErrors: z.array(z.object({ file: z.string(), message: z.string() })),
    files: z.array(z.object({ path: z.string(), kind: z.string() })),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { review, reviewDiff } = await import('../../review/index.js');
    const r = args.base ? await reviewDiff(args.base, args.paths[0]!) : await review(args.paths);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const kept = args.minSeverity ? r.findings.filter((f) => rank[f.severity] <= rank[args.minSeverity!]) : r.findings;
    const max = args.maxFindings ?? 200;
    const findings = kept.slice(0, max);
    const { formatText } = await import('../../review/format/text.js');
    const text = formatText({ ...r, findings }, { color: false });
    return {
      structured: {
        summary: r.summary,
        findings,
        omitted: kept.length - findings.length,
        fileErrors: r.errors.map((e) => ({ file: e.file, message: e.message })),
        files: r.files.map((f) => ({ path: f.path, kind: f.kind })),
      },
      text: kept.length > max ? `${text}\n(${kept.length - max} more findings omitted; raise maxFindings)` : text,
    };
  },
});
