import { z } from 'zod';
import { DesignSchema } from '../../model/design.js';
import { defineTool } from '../_tool.js';

const KEY_FIGURES = ['dau', 'peak-rps', 'peak-write-rps', 'db-storage', 'object-storage', 'app-instances', 'ws-nodes', 'cache-memory', 'db-read-replicas', 'db-write-primaries', 'queue-peak'];

const Figure = z.object({ id: z.string(), label: z.string(), unit: z.string(), current: z.number(), sixMonths: z.number(), oneYear: z.number(), formula: z.string() });

export const designTool = defineTool({
  name: 'design',
  title: 'Design a backend from a brief',
  description:
    'Turn a brief (free text such as "real-time chat for 2M daily users, team of 6, GDPR", or a path to a brief.yaml) into an architecture: ' +
    'style, stores, capacity figures with formulas, decisions with the options weighed, failure modes and a monthly cost. ' +
    'Returns a summary with the key numbers and decisions; `full: true` adds the whole design.json; `out` writes the design folder (ARCHITECTURE.md, design.json, artifacts) there.',
  input: z.strictObject({
    brief: z.string().min(1).max(65_536).describe('The brief as text, or a path to a YAML/JSON brief file'),
    text: z.boolean().optional().describe('Treat `brief` as text even if it looks like a file path'),
    full: z.boolean().optional().describe('Include the whole design (design.json) in the result'),
    out: z.string().min(1).optional().describe('Write the design folder to this directory (must not exist or be empty unless force)'),
    force: z.boolean().optional().describe('Replace a non-empty `out` directory'),
  }),
  output: z.object({
    title: z.string(),
    summary: z.string(),
    archetype: z.string(),
    style: z.string(),
    keyNumbers: z.array(Figure),
    decisions: z.array(z.object({ id: z.string(), title: z.string(), chosen: z.string(), rationale: z.string() })),
    availability: z.object({ target: z.number(), composite: z.number(), meetsTarget: z.boolean() }),
    cost: z.object({ monthlyUsd: z.number(), oneYearMonthlyUsd: z.number(), priceTableAsOf: z.string() }),
    failureModes: z.array(z.object({ component: z.string(), failure: z.string(), mitigation: z.string() })),
    openQuestions: z.array(z.string()),
    warnings: z.array(z.string()),
    out: z.object({ dir: z.string(), files: z.array(z.string()) }).nullable(),
    design: DesignSchema.optional(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { design } = await import('../../design.js');
    const d = await design(args.brief, { text: args.text ?? /\s/.test(args.brief.trim()) });
    let out: { dir: string; files: string[] } | null = null;
    if (args.out) {
      const { renderArtifacts } = await import('../../render/index.js');
      const { writeDirAtomic } = await import('../../util/fs.js');
      const files = renderArtifacts(d);
      await writeDirAtomic(args.out, files, { force: Boolean(args.force) });
      out = { dir: args.out, files: [...files.keys()] };
    }
    const figures = d.capacity.figures.filter((f) => KEY_FIGURES.includes(f.id)).map(({ id, label, unit, current, sixMonths, oneYear, formula }) => ({ id, label, unit, current, sixMonths, oneYear, formula }));
    const structured = {
      title: d.title,
      summary: d.summary,
      archetype: d.requirements.archetype.id,
      style: d.overview.style,
      keyNumbers: figures,
      decisions: d.decisions.map((x) => ({ id: x.id, title: x.title, chosen: x.chosen, rationale: x.rationale })),
      availability: { target: d.capacity.availability.target, composite: d.capacity.availability.composite, meetsTarget: d.capacity.availability.meetsTarget },
      cost: { monthlyUsd: d.cost.totalMonthlyUsd, oneYearMonthlyUsd: d.cost.oneYearMonthlyUsd, priceTableAsOf: d.cost.priceTable.asOf },
      failureModes: d.failureModes.map((f) => ({ component: f.component, failure: f.failure, mitigation: f.mitigation })),
      openQuestions: d.openQuestions.map((q) => q.question),
      warnings: d.warnings,
      out,
      ...(args.full && { design: d }),
    };
    const text = [
      d.summary,
      '',
      'Key numbers (now → 1 year):',
      ...figures.map((f) => `- ${f.label}: ${f.current} → ${f.oneYear} ${f.unit}  [${f.formula}]`),
      '',
      'Decisions:',
      ...d.decisions.map((x) => `- ${x.title}: ${x.chosen}`),
      ...(out ? ['', `Wrote ${out.files.length} files to ${out.dir}: ${out.files.join(', ')}`] : []),
    ].join('\n');
    return { structured, text };
  },
});
