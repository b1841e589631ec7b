import { z } from 'zod';
import { ArchieError } from '../../errors.js';
import { DesignSchema } from '../../model/design.js';
import type { Section } from '../_page.js';
import { count, defineTool } from '../_tool.js';

const KEY_FIGURES = ['dau', 'peak-rps', 'peak-write-rps', 'db-storage', 'object-storage', 'app-instances', 'ws-nodes', 'cache-memory', 'db-read-replicas', 'db-write-primaries', 'queue-peak'];

const Figure = z.object({ id: z.string(), label: z.string(), unit: z.string(), current: z.number(), sixMonths: z.number(), oneYear: z.number(), formula: z.string() });
const Decision = z.object({ id: z.string(), title: z.string(), chosen: z.string(), rationale: z.string() });
const FailureMode = z.object({ component: z.string(), failure: z.string(), mitigation: z.string() });

/** The writer's hints name the CLI's flags; over MCP they are arguments. */
function mcpWords(s: string): string {
  return s.replace(/--force/g, '"force": true').replace(/--out\b/g, '"out"');
}

/** An object of design.json larger than this (characters of JSON) is paged list by list. */
const SPLIT_OBJECT_CHARS = 8_000;

export const designTool = defineTool({
  name: 'design',
  title: 'Design a backend from a brief',
  description:
    'Turn a brief (free text such as "real-time chat for 2M daily users, team of 6, GDPR", or the path of a brief.yaml inside the allowed folders) into an architecture: ' +
    'style, stores, capacity figures with formulas, decisions with the options weighed, failure modes and a monthly cost. ' +
    'Returns a summary with the key numbers and decisions; `full: true` adds the whole design.json, over as many pages as it needs (follow page.nextCursor). ' +
    '`out` writes the design folder (ARCHITECTURE.md, design.json, artifacts) inside the allowed folders: a new or empty folder is filled; a folder that already holds files is written only with `force`, ' +
    'which overwrites the files archie wrote there before (listed in its .archie-manifest.json) and removes archie\'s own earlier files the new design no longer has. Nothing else in the folder is ever touched: a file archie did not write stops the call before anything is written.',
  input: z.strictObject({
    brief: z.string().min(1).max(65_536).describe('The brief as text, or the path of a YAML/JSON/text brief file (a brief without spaces is read as a path)'),
    text: z.boolean().optional().describe('Treat `brief` as text even if it has no spaces'),
    full: z.boolean().optional().describe('Include the whole design (design.json), paged'),
    out: z.string().min(1).optional().describe('Write the design folder here (inside the allowed folders)'),
    force: z.boolean().optional().describe("With `out`: overwrite archie's own earlier files in a folder that already holds files; other files are never touched"),
  }),
  output: z.object({
    title: z.string(),
    summary: z.string(),
    archetype: z.string(),
    style: z.string(),
    availability: z.object({ target: z.number(), composite: z.number(), meetsTarget: z.boolean() }),
    cost: z.object({ monthlyUsd: z.number(), oneYearMonthlyUsd: z.number(), priceTableAsOf: z.string() }),
    openQuestions: z.array(z.string()),
    warnings: z.array(z.string()),
    out: z.object({ dir: z.string(), files: z.array(z.string()), removed: z.array(z.string()), kept: z.array(z.string()) }).nullable(),
    keyNumbers: z.array(Figure).optional(),
    decisions: z.array(Decision).optional(),
    failureModes: z.array(FailureMode).optional(),
    design: DesignSchema.partial().optional().describe('With full: design.json, a part per page (page.sections says which)'),
  }),
  // Writing `out` with `force` overwrites archie's own earlier outputs there: that is destructive.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const brief = await ctx.brief('brief', args.brief, args.text);
    const out = args.out === undefined ? undefined : await ctx.path('out', args.out, 'out');
    const { design } = await import('../../design.js');
    const d = await design(brief.value, { text: brief.text });
    let written: { dir: string; files: string[]; removed: string[]; kept: string[] } | null = null;
    if (out !== undefined) {
      const { renderArtifacts } = await import('../../render/index.js');
      const { writeDirAtomic } = await import('../../util/fs.js');
      try {
        const r = await writeDirAtomic(out, renderArtifacts(d), { force: Boolean(args.force) });
        written = { dir: args.out!, files: r.written, removed: r.removed, kept: r.kept };
      } catch (e) {
        if (e instanceof ArchieError) throw new ArchieError(e.code, mcpWords(e.message), { cause: e, ...(e.path !== undefined && { path: e.path }), ...(e.hint !== undefined && { hint: mcpWords(e.hint) }) });
        throw e;
      }
    }
    const { figureValue } = await import('../../render/markdown.js');
    const { formatPercent } = await import('../../brief/units.js');
    const figures = d.capacity.figures.filter((f) => KEY_FIGURES.includes(f.id));
    const a = d.capacity.availability;
    const summary = [
      d.summary,
      `Style: ${d.overview.style}; ${d.overview.dataPattern}; ${d.overview.deployment}.`,
      `Cost: $${Math.round(d.cost.totalMonthlyUsd).toLocaleString('en-US')}/month now, $${Math.round(d.cost.oneYearMonthlyUsd).toLocaleString('en-US')}/month in a year (prices as of ${d.cost.priceTable.asOf}). Availability: ${formatPercent(a.composite, 4)} composite vs ${formatPercent(a.target, 3)} target${a.meetsTarget ? '' : ' (NOT met)'}.`,
      ...(d.warnings.length ? [`Warnings: ${d.warnings.join(' ')}`] : []),
      ...(d.openQuestions.length ? [`Open questions: ${d.openQuestions.map((q) => q.question).join(' ')}`] : []),
      ...(written ? [`Wrote ${count(written.files.length, 'file')} to ${written.dir}${written.removed.length ? `, removed ${count(written.removed.length, 'earlier file')} of archie's` : ''}${written.kept.length ? `, kept ${count(written.kept.length, 'earlier file')} changed since archie wrote ${written.kept.length === 1 ? 'it' : 'them'}` : ''}.`] : []),
    ].join('\n');
    const sections: Section[] = [
      {
        path: 'keyNumbers', title: 'Key numbers (now → 1 year)',
        items: figures.map(({ id, label, unit, current, sixMonths, oneYear, formula }) => ({ id, label, unit, current, sixMonths, oneYear, formula })),
        line: (f: z.infer<typeof Figure>) => {
          const o = figures.find((x) => x.id === f.id)!;
          return `- ${f.label}: ${figureValue(o, f.current)} → ${figureValue(o, f.oneYear)}  [${f.formula}]`;
        },
      },
      {
        path: 'decisions', title: 'Decisions',
        items: d.decisions.map((x) => ({ id: x.id, title: x.title, chosen: x.chosen, rationale: x.rationale })),
        line: (x: z.infer<typeof Decision>) => `- ${x.title}: ${x.chosen}. ${x.rationale}`,
      },
      {
        path: 'failureModes', title: 'Failure modes',
        items: d.failureModes.map((f) => ({ component: f.component, failure: f.failure, mitigation: f.mitigation })),
        line: (f: z.infer<typeof FailureMode>) => `- ${f.component}: ${f.failure} → ${f.mitigation}`,
      },
    ];
    if (args.full) {
      // design.json, key by key; lists go item by item so that no page holds more than fits. A large
      // object (capacity, cost) goes without its lists, and each list of it item by item after it.
      const list = (path: string, items: unknown[]): Section => ({ path, title: `design.json ${path.slice(7)}`, items, line: (x: unknown) => JSON.stringify(x) });
      for (const [key, value] of Object.entries(d)) {
        if (Array.isArray(value) && value.length > 0) sections.push(list(`design.${key}`, value));
        else if (value && typeof value === 'object' && !Array.isArray(value) && JSON.stringify(value).length > SPLIT_OBJECT_CHARS) {
          const lists = Object.entries(value).filter((e): e is [string, unknown[]] => Array.isArray(e[1]) && e[1].length > 0);
          const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !lists.some(([l]) => l === k)));
          sections.push({ path: `design.${key}`, title: `design.json ${key}`, items: [rest], single: true, line: (x: unknown) => JSON.stringify(x) });
          for (const [k, items] of lists) sections.push(list(`design.${key}.${k}`, items));
        } else sections.push({ path: `design.${key}`, title: `design.json ${key}`, items: [value], single: true, line: (x: unknown) => JSON.stringify(x) });
      }
    }
    return {
      head: {
        title: d.title,
        summary: d.summary,
        archetype: d.requirements.archetype.id,
        style: d.overview.style,
        availability: { target: a.target, composite: a.composite, meetsTarget: a.meetsTarget },
        cost: { monthlyUsd: d.cost.totalMonthlyUsd, oneYearMonthlyUsd: d.cost.oneYearMonthlyUsd, priceTableAsOf: d.cost.priceTable.asOf },
        openQuestions: d.openQuestions.map((q) => q.question),
        warnings: d.warnings,
        out: written,
      },
      summary,
      sections,
    };
  },
});
