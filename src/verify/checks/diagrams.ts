import type { Check } from '../_check.js';
import { outcome, skipped, type Evidence } from '../report.js';
import type { VerifyContext } from '../_context.js';
import { erEntities, flowchartNodes, mermaidId, sequenceParticipants, svgAttributeValues, svgText, workspaceElements } from '../_diagrams.js';

function diff(expected: readonly string[], actual: readonly string[]): { missing: string[]; extra: string[] } {
  const a = new Set(actual);
  const e = new Set(expected);
  return { missing: [...e].filter((x) => !a.has(x)).sort(), extra: [...a].filter((x) => !e.has(x)).sort() };
}

function describe(what: string, d: { missing: string[]; extra: string[] }): string {
  const parts: string[] = [];
  if (d.missing.length) parts.push(`lacks ${d.missing.join(', ')}`);
  if (d.extra.length) parts.push(`shows ${d.extra.join(', ')}, which the design does not have`);
  return `${what} ${parts.join(' and ')}`;
}

async function text(ctx: VerifyContext, rel: string, evidence: Evidence[]): Promise<string | undefined> {
  const f = await ctx.read(rel);
  if (f.ok) return f.text;
  evidence.push({ subject: rel, ok: false, file: rel, message: f.missing ? `${rel} is missing` : f.message });
  return undefined;
}

function compare(evidence: Evidence[], rel: string, what: string, expected: readonly string[], actual: readonly string[], okMessage: string, line?: number): void {
  const d = diff(expected, actual);
  if (d.missing.length || d.extra.length) evidence.push({ subject: rel, ok: false, file: rel, ...(line !== undefined && { line, column: 1 }), message: describe(what, d) });
  else evidence.push({ subject: rel, ok: true, file: rel, message: okMessage });
}

/**
 * The diagrams show exactly the model: the component diagram (Mermaid and SVG) and the C4
 * workspace hold every component and data store and nothing else, the ER diagram every entity,
 * the sequence diagram the participants of the design's main flow; ARCHITECTURE.md embeds the
 * same Mermaid sources.
 */
export const check: Check = {
  id: 'diagrams',
  title: 'the diagrams show exactly the components, stores and entities of the design',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const evidence: Evidence[] = [];
    const elements = [...d.components, ...d.dataStores];
    const ids = elements.map((x) => x.id);

    const arch = await text(ctx, 'diagrams/architecture.mmd', evidence);
    if (arch !== undefined) {
      const nodes = flowchartNodes(arch);
      compare(evidence, 'diagrams/architecture.mmd', 'the component flowchart', ids.map(mermaidId), nodes.map((n) => n.id), `all ${ids.length} components and data stores, nothing else`);
      const unlabelled = elements.filter((x) => {
        const n = nodes.find((m) => m.id === mermaidId(x.id));
        return n && !n.label.replace(/<br\s*\/?>/g, ' ').includes(x.name);
      });
      if (unlabelled.length) evidence.push({ subject: 'diagrams/architecture.mmd', ok: false, file: 'diagrams/architecture.mmd', message: `nodes not labelled with their names: ${unlabelled.map((x) => `${mermaidId(x.id)} (${x.name})`).join(', ')}` });
    }
    const archSvg = await text(ctx, 'diagrams/architecture.svg', evidence);
    if (archSvg !== undefined) {
      const dataIds = svgAttributeValues(archSvg, 'data-id');
      if (dataIds.length) compare(evidence, 'diagrams/architecture.svg', 'the component SVG', ids, dataIds, `all ${ids.length} components and data stores, nothing else`);
      const words = svgText(archSvg);
      const absent = elements.filter((x) => !words.includes(x.name));
      if (absent.length) evidence.push({ subject: 'diagrams/architecture.svg', ok: false, file: 'diagrams/architecture.svg', message: `no text names ${absent.map((x) => x.name).join(', ')}` });
    }

    const entities = d.entities.map((e) => e.name);
    const er = await text(ctx, 'diagrams/er.mmd', evidence);
    if (er !== undefined) compare(evidence, 'diagrams/er.mmd', 'the ER diagram', entities, erEntities(er), `all ${entities.length} entities, nothing else`);
    const erSvg = await text(ctx, 'diagrams/er.svg', evidence);
    if (erSvg !== undefined) {
      const drawn = svgAttributeValues(erSvg, 'data-entity');
      if (drawn.length) compare(evidence, 'diagrams/er.svg', 'the ER SVG', entities, drawn, `all ${entities.length} entities, nothing else`);
      else {
        const absent = entities.filter((n) => !svgText(erSvg).includes(n));
        evidence.push(absent.length ? { subject: 'diagrams/er.svg', ok: false, file: 'diagrams/er.svg', message: `no text names ${absent.join(', ')}` } : { subject: 'diagrams/er.svg', ok: true, file: 'diagrams/er.svg', message: 'names every entity' });
      }
    }

    const flow = d.flows[0];
    let seq: string | undefined;
    if (flow) {
      const participants = [...new Set(flow.steps.flatMap((s) => [s.from, s.to]))];
      seq = await text(ctx, 'diagrams/sequence-main.mmd', evidence);
      if (seq !== undefined) compare(evidence, 'diagrams/sequence-main.mmd', `the sequence diagram of "${flow.title}"`, participants.map(mermaidId), sequenceParticipants(seq), `the ${participants.length} participants of "${flow.title}"`);
      const seqSvg = await text(ctx, 'diagrams/sequence-main.svg', evidence);
      if (seqSvg !== undefined) {
        const drawn = svgAttributeValues(seqSvg, 'data-id');
        if (drawn.length) compare(evidence, 'diagrams/sequence-main.svg', 'the sequence SVG', participants, drawn, `the ${participants.length} participants of "${flow.title}"`);
      }
      const unknown = participants.filter((p) => !ids.includes(p));
      if (unknown.length) evidence.push({ subject: 'design.json', ok: false, file: 'design.json', message: `the main flow names ${unknown.join(', ')}, which are neither components nor data stores` });
    }

    const dsl = await text(ctx, 'diagrams/workspace.dsl', evidence);
    if (dsl !== undefined) {
      const declared = workspaceElements(dsl).filter((x) => x.kind !== 'softwareSystem');
      compare(evidence, 'diagrams/workspace.dsl', 'the C4 workspace', elements.map((x) => x.name), declared.map((x) => x.name), `all ${elements.length} components and data stores as people and containers, nothing else`);
    }

    const md = await ctx.read('ARCHITECTURE.md');
    if (md.ok) {
      const blocks = [...md.text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
      const sources: [string, string | undefined][] = [
        ['diagrams/architecture.mmd', arch],
        ['diagrams/er.mmd', er],
        ['diagrams/sequence-main.mmd', seq],
      ];
      for (const [rel, src] of sources) {
        if (src === undefined) continue;
        if (!blocks.includes(src.trim())) evidence.push({ subject: 'ARCHITECTURE.md', ok: false, file: 'ARCHITECTURE.md', message: `ARCHITECTURE.md does not embed the Mermaid source of ${rel} (one of them was edited)` });
      }
    }
    return outcome(evidence, { passed: 'every diagram shows exactly the model', failed: (n) => `${n === 1 ? '1 diagram disagrees' : `${n} diagrams disagree`} with the model` }, 'regenerate the diagrams with archie design, or edit the design and regenerate');
  },
};
