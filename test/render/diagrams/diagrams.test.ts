import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/model/design.js';
import { layered, type LayoutNode } from '../../../src/render/diagrams/_layout.js';
import { diagrams, mermaidId, renderDiagramFiles, structurizrId } from '../../../src/render/diagrams/index.js';
import { architectureMermaid, erMermaid, mermaidSections, sequenceMermaid } from '../../../src/render/diagrams/mermaid.js';
import { structurizrDsl } from '../../../src/render/diagrams/structurizr.js';
import { architectureSvg, erSvg, sequenceSvg } from '../../../src/render/diagrams/svg.js';
import { renderArtifacts } from '../../../src/render/index.js';
import { attrsOf, exampleDesigns, golden } from './_examples.js';

let examples: Array<{ name: string; design: Design }> = [];
beforeAll(async () => {
  examples = await exampleDesigns();
});

const deps = (d: Design) => d.components.flatMap((c) => c.dependsOn.map((to) => `${c.id}->${to}`)).sort();

describe('diagrams of every example', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it('the component SVG shows exactly the components and data stores, and one arrow per dependsOn', () => {
    for (const { design: d } of examples) {
      const svg = architectureSvg(d);
      const ids = attrsOf(svg, 'adg-node', 'data-id').sort();
      expect(ids).toEqual([...d.components.map((c) => c.id), ...d.dataStores.map((s) => s.id)].sort());
      const from = attrsOf(svg, 'adg-edge[^"]*', 'data-from');
      const to = attrsOf(svg, 'adg-edge[^"]*', 'data-to');
      expect(from.map((f, i) => `${f}->${to[i]}`).sort()).toEqual(deps(d));
      for (const c of [...d.components, ...d.dataStores]) expect(svg).toContain(`>${c.name.replace(/&/g, '&amp;')}</text>`);
    }
  });

  it('the ER SVG shows every entity and field, and one relationship per reference', () => {
    for (const { design: d } of examples) {
      const svg = erSvg(d);
      expect(attrsOf(svg, 'adg-entity', 'data-entity').sort()).toEqual(d.entities.map((e) => e.name).sort());
      const refs = d.entities.flatMap((e) => e.fields.filter((f) => f.references && d.entities.some((x) => x.name === f.references)).map((f) => `${f.references}->${e.name}.${f.name}`));
      const from = attrsOf(svg, 'adg-edge[^"]*', 'data-from');
      const to = attrsOf(svg, 'adg-edge[^"]*', 'data-to');
      const field = attrsOf(svg, 'adg-edge[^"]*', 'data-field');
      expect(from.map((f, i) => `${f}->${to[i]}.${field[i]}`).sort()).toEqual(refs.sort());
      for (const e of d.entities) for (const f of e.fields) expect(svg).toContain(`data-field="${f.name}"`);
    }
  });

  it('the sequence SVG has one participant per party of the main flow and one message per step, in order', () => {
    for (const { design: d } of examples) {
      const flow = d.flows[0]!;
      const svg = sequenceSvg(d)!;
      const parties = [...new Set(flow.steps.flatMap((s) => [s.from, s.to]))];
      expect(attrsOf(svg, 'adg-participant', 'data-id')).toEqual(parties);
      expect(attrsOf(svg, 'adg-msg', 'data-step')).toEqual(flow.steps.map((_, i) => String(i + 1)));
      expect(attrsOf(svg, 'adg-msg', 'data-from')).toEqual(flow.steps.map((s) => s.from));
    }
  });

  it('SVGs are self-contained, accessible and deterministic, with ids unique across the three', () => {
    for (const { design: d } of examples) {
      const all = diagrams(d);
      const again = diagrams(d);
      expect(again).toEqual(all);
      const ids: string[] = [];
      for (const x of all) {
        expect(x.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(x.svg).toMatch(/role="img" aria-labelledby="[a-z]+-title [a-z]+-desc"/);
        // No fetch of any kind: the only URL is the SVG namespace.
        expect(x.svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|@import|url\((?!#)/);
        expect(x.svg).not.toMatch(/NaN|undefined|Infinity/);
        expect(x.svg).not.toMatch(/[ \t]$/m);
        ids.push(...[...x.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      }
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('Mermaid sources name every element and step', () => {
    for (const { design: d } of examples) {
      const arch = architectureMermaid(d);
      for (const c of [...d.components, ...d.dataStores]) expect(arch).toMatch(new RegExp(`^\\s+${mermaidId(c.id)}[[(]`, 'm'));
      expect(arch.match(/ (-->|-\.->) /g)?.length).toBe(deps(d).length);
      const er = erMermaid(d);
      for (const e of d.entities) expect(er).toContain(`  ${e.name} {`);
      const seq = sequenceMermaid(d)!;
      expect(seq.split('\n').filter((l) => /(->>|-\))/.test(l))).toHaveLength(d.flows[0]!.steps.length);
      expect(seq.replace(/#[0-9a-z]+;/g, "")).not.toMatch(/;/);
    }
  });

  it('ARCHITECTURE.md embeds the three Mermaid diagrams in the overview', () => {
    const d = examples[0]!.design;
    const md = renderArtifacts(d).get('ARCHITECTURE.md')!;
    const overview = md.slice(md.indexOf('## Architecture Overview'), md.indexOf('## Components'));
    expect(overview.match(/```mermaid/g)).toHaveLength(3);
    for (const s of mermaidSections(d)) expect(md).toContain(s);
  });

  it('the Structurizr workspace defines every element before use and balances its braces', () => {
    for (const { design: d } of examples) {
      const dsl = structurizrDsl(d);
      const defined = new Set<string>();
      let depth = 0;
      for (const line of dsl.split('\n')) {
        const t = line.trim();
        const def = /^(\w+) = (person|softwareSystem|container) "/.exec(t);
        if (def) defined.add(def[1]!);
        const rel = /^(\w+) -> (\w+) "/.exec(t);
        if (rel) {
          expect(defined.has(rel[1]!), rel[1]).toBe(true);
          expect(defined.has(rel[2]!), rel[2]).toBe(true);
        }
        if (t.endsWith('{')) depth++;
        if (t === '}') depth--;
        expect(t === '{' || (t.includes('}') && t !== '}')).toBe(false);
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      for (const c of [...d.components, ...d.dataStores]) expect(defined.has(structurizrId(c.id))).toBe(true);
      expect(dsl.match(/ -> /g)?.length).toBe(deps(d).length);
    }
  });

  it('matches the reviewed golden files', async () => {
    for (const { name, design: d } of examples) {
      for (const [path, text] of renderDiagramFiles(d)) {
        const want = await golden('diagrams', name, path.replace(/^diagrams\//, ''));
        expect(want, `missing golden ${name}/${path}: run node --import tsx scripts/update-golden-visual.ts and review`).not.toBeNull();
        expect(text, `${name}/${path} differs from its golden file`).toBe(want);
      }
    }
  });
});

describe('Mermaid escaping', () => {
  it('keeps reserved words and punctuation from breaking the syntax', () => {
    expect(mermaidId('end')).toBe('end_');
    expect(mermaidId('object-storage')).toBe('object_storage');
    const d = examples[0]!.design;
    const tricky: Design = {
      ...d,
      flows: [{ id: 'main', title: 'A "quoted"; flow', steps: [{ from: 'end', to: 'loop', message: 'a; b <c> "d" #e', async: false }] }],
    };
    const seq = sequenceMermaid(tricky)!;
    expect(seq).toContain('participant end_ as end');
    expect(seq).toContain('end_->>loop_: a#59; b #lt;c#gt; #quot;d#quot; #35;e');
  });
});

describe('layered layout', () => {
  const boxesHit = (rows: LayoutNode[][], edges: Array<{ from: string; to: string }>) => {
    const L = layered(rows, edges, { gapX: 30, channel: 40, track: 8, pad: 12, rowPad: 10, margin: { top: 10, right: 20, bottom: 10, left: 20 } });
    const problems: string[] = [];
    edges.forEach((e, i) => {
      const pts = L.routes[i]!;
      if (e.from === e.to) return;
      expect(pts.length).toBeGreaterThanOrEqual(2);
      for (let k = 0; k + 1 < pts.length; k++) {
        const [a, b] = [pts[k]!, pts[k + 1]!];
        // Orthogonal segments only.
        expect(Math.abs(a[0] - b[0]) < 0.01 || Math.abs(a[1] - b[1]) < 0.01).toBe(true);
        for (const [id, bx] of L.boxes) {
          const x0 = Math.min(a[0], b[0]);
          const x1 = Math.max(a[0], b[0]);
          const y0 = Math.min(a[1], b[1]);
          const y1 = Math.max(a[1], b[1]);
          const inside = x1 > bx.x + 0.5 && x0 < bx.x + bx.w - 0.5 && y1 > bx.y + 0.5 && y0 < bx.y + bx.h - 0.5;
          if (inside) problems.push(`edge ${e.from}->${e.to} crosses ${id}`);
        }
      }
    });
    return problems;
  };

  it('never routes an edge through a box (examples)', () => {
    for (const { design: d } of examples) {
      const nodes = [...d.components.map((c) => c.id), ...d.dataStores.map((s) => s.id)];
      const rows = [nodes.slice(0, 2), nodes.slice(2, 5), nodes.slice(5)].map((r) => r.map((id) => ({ id, w: 100 + id.length * 5, h: 40 })));
      const edges = d.components.flatMap((c) => c.dependsOn.map((to) => ({ from: c.id, to })));
      expect(boxesHit(rows, edges)).toEqual([]);
    }
  });

  it('never routes an edge through a box (random graphs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 25 }),
        fc.array(fc.integer({ min: 60, max: 220 }), { minLength: 30, maxLength: 30 }),
        (sizes, pairs, widths) => {
          let k = 0;
          const rows = sizes.map((s) => Array.from({ length: s }, () => ({ id: `n${k}`, w: widths[k % 30]!, h: 30 + (k++ % 3) * 10 })));
          const ids = rows.flat().map((x) => x.id);
          const edges = pairs.map(([a, b]) => ({ from: ids[a % ids.length]!, to: ids[b % ids.length]! }));
          expect(boxesHit(rows, edges)).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});
