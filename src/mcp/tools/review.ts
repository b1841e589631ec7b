import { z } from 'zod';
import { ArchieError } from '../../errors.js';
import { compareFindings, FindingSchema, severityRank, SeveritySchema, type Finding } from '../../model/finding.js';
import { count, defineTool } from '../_tool.js';

const FileError = z.object({ file: z.string(), message: z.string() });
const ReviewedFile = z.object({ path: z.string(), kind: z.string() });
const RuleCount = z.object({ ruleId: z.string(), severity: SeveritySchema, count: z.number().int() });

/** Rules listed in the summary, most frequent first. */
const TOP_RULES = 15;

function where(f: Finding): string {
  const l = f.location;
  return l.kind === 'file' ? `${l.file}:${l.line}:${l.column}` : `${l.objectType} ${l.name}`;
}

export const reviewTool = defineTool({
  name: 'review',
  title: 'Review API specs, SQL and manifests',
  description:
    'Audit OpenAPI documents, SQL schemas and migrations, Kubernetes and Compose manifests (files or folders inside the allowed folders): a summary by rule, then findings most severe first, each with rule id, severity, location, evidence and fix, ' +
    'paged (follow page.nextCursor). Give `base` and one path to report breaking changes between two versions of an OpenAPI document instead.',
  input: z.strictObject({
    paths: z.array(z.string().min(1)).min(1).max(1000).describe('Files or folders to review, e.g. ["openapi.yaml", "migrations/"]'),
    base: z.string().min(1).optional().describe('Previous version of the OpenAPI document: report breaking changes from it to paths[0]'),
    minSeverity: SeveritySchema.optional().describe('Drop findings below this severity (default: keep all)'),
    maxFindings: z.number().int().min(1).max(100_000).optional().describe('At most this many findings over all pages (default: all); the summary counts them all'),
  }),
  output: z.object({
    summary: z.object({ files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number(), fileErrors: z.number(), suppressed: z.number() }),
    byRule: z.array(RuleCount).describe(`The ${TOP_RULES} most frequent rules among the findings kept`),
    /** Findings dropped by minSeverity or maxFindings. */
    omitted: z.number().int(),
    fileErrors: z.array(FileError).optional(),
    findings: z.array(FindingSchema).optional(),
    files: z.array(ReviewedFile).optional(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    if (args.base !== undefined && args.paths.length !== 1) {
      throw new ArchieError('USAGE', `with base, give exactly one path (the new version of the OpenAPI document); got ${args.paths.length}`, { hint: 'e.g. {"base": "v1/openapi.yaml", "paths": ["openapi.yaml"]}' });
    }
    const paths: string[] = [];
    for (const [i, p] of args.paths.entries()) paths.push(await ctx.path(`paths[${i}]`, p, 'file-or-dir'));
    const base = args.base === undefined ? undefined : await ctx.path('base', args.base, 'file');
    const { review, reviewDiff } = await import('../../review/index.js');
    const r = base !== undefined ? await reviewDiff(base, paths[0]!) : await review(paths);
    if (r.summary.files === 0) {
      const why = r.errors.slice(0, 5).map((e) => `${e.file}: ${e.message}`).join('; ');
      throw new ArchieError('INPUT', `nothing was reviewed: ${count(r.errors.length, 'file')} could not be read${why ? ` (${why})` : ''}`, { hint: 'give OpenAPI, SQL, Kubernetes or Compose files archie can parse' });
    }
    const keptAll = (args.minSeverity ? r.findings.filter((f) => severityRank(f.severity) <= severityRank(args.minSeverity!)) : r.findings)
      .slice()
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || compareFindings(a, b));
    const kept = args.maxFindings ? keptAll.slice(0, args.maxFindings) : keptAll;
    const rules = new Map<string, { ruleId: string; severity: Finding['severity']; count: number }>();
    for (const f of keptAll) {
      const k = `${f.ruleId}\u0000${f.severity}`;
      const e = rules.get(k) ?? { ruleId: f.ruleId, severity: f.severity, count: 0 };
      e.count++;
      rules.set(k, e);
    }
    const byRule = [...rules.values()].sort((a, b) => b.count - a.count || severityRank(a.severity) - severityRank(b.severity) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)).slice(0, TOP_RULES);
    const s = r.summary;
    const omitted = r.findings.length - kept.length;
    const summary = [
      base !== undefined ? `Breaking-change review of ${args.paths[0]} against ${args.base}:` : `Reviewed ${count(s.files, 'file')}:`,
      s.errors + s.warnings + s.infos === 0
        ? `no problems found${s.suppressed ? ` (${count(s.suppressed, 'finding')} suppressed by configuration)` : ''}.`
        : `${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}, ${count(s.infos, 'info')}${s.suppressed ? `, ${s.suppressed.toLocaleString('en-US')} suppressed` : ''}.`,
      ...(s.fileErrors ? [`Could not review ${count(s.fileErrors, 'file')} (listed below): the counts above leave them out.`] : []),
      ...(byRule.length ? [`Most frequent: ${byRule.map((x) => `${x.ruleId} (${x.severity}) ${x.count.toLocaleString('en-US')}`).join(', ')}.`] : []),
      ...(omitted ? [`${count(omitted, 'finding')} left out by ${[args.minSeverity && `minSeverity "${args.minSeverity}"`, args.maxFindings && `maxFindings ${args.maxFindings}`].filter(Boolean).join(' and ')}.`] : []),
    ].join(' ');
    return {
      head: { summary: s, byRule, omitted },
      summary,
      sections: [
        { path: 'fileErrors', title: 'Could not review', items: r.errors.map((e) => ({ file: e.file, message: e.message })), line: (e: z.infer<typeof FileError>) => `- ${e.file}: ${e.message}` },
        {
          path: 'findings', title: 'Findings, most severe first', items: kept,
          line: (f: Finding) => `- ${f.severity} ${f.ruleId} ${where(f)}: ${f.message}${f.fix ? ` Fix: ${f.fix.description}` : ''}`,
        },
        { path: 'files', title: 'Files reviewed', items: r.files.map((f) => ({ path: f.path, kind: f.kind })), line: (f: z.infer<typeof ReviewedFile>) => `- ${f.path} (${f.kind})` },
      ],
    };
  },
});
