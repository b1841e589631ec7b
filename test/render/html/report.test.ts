import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/model/design.js';
import { diagrams } from '../../../src/render/diagrams/index.js';
import { figureChart, figurePoints } from '../../../src/render/html/charts.js';
import { inline, markdownToHtml } from '../../../src/render/html/_markdown.js';
import { renderReport } from '../../../src/render/html/report.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { exampleDesigns } from '../diagrams/_examples.js';

let examples: Array<{ name: string; design: Design; html: string }> = [];
beforeAll(async () => {
  examples = (await exampleDesigns()).map((x) => ({ ...x, html: renderReport(x.design, diagrams(x.design)) }));
});

/** Text of the page outside <pre>, <code> and <svg> (where Markdown syntax would be a leftover). */
function prose(html: string): string {
  return html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
}

describe('report.html', () => {
  it('is one self-contained page that cannot make a request', () => {
    for (const { name, html } of examples) {
      expect(html.startsWith('<!doctype html>\n<html lang="en">'), name).toBe(true);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|\ssrc=/i);
      expect(html).not.toMatch(/url\((?!#)/);
      expect(html).not.toMatch(/href="(?!#)/);
    }
  });

  it('holds the whole specification: every section, table row and list item of ARCHITECTURE.md', () => {
    for (const { name, design: d, html } of examples) {
      const md = renderMarkdown(d);
      const body = md.replace(/^```[\s\S]*?^```$/gm, '');
      for (const h of md.match(/^## .+$/gm)!) expect(html, `${name}: ${h}`).toMatch(new RegExp(`<h2 id="[a-z0-9-]+">${inline(h.slice(3)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h2>`));
      const mdRows = body.split('\n').filter((l) => /^\|/.test(l) && !/^\|(---\|)+$/.test(l)).length;
      expect((html.match(/<tr>/g) ?? []).length, name).toBe(mdRows);
      const mdItems = body.split('\n').filter((l) => /^(- |\d+\. )/.test(l)).length;
      expect((html.match(/<li[ >]/g) ?? []).length, name).toBe(mdItems + (md.match(/^## .+$/gm)?.length ?? 0));
      for (const a of d.assumptions) expect(html).toContain(inline(a.label));
      const text = prose(html);
      expect(text, name).not.toMatch(/\*\*|^\||^#+ |```/m);
    }
  });

  it('inlines the diagrams and one chart per capacity figure, with text alternatives', () => {
    for (const { name, design: d, html } of examples) {
      for (const x of diagrams(d)) {
        expect(html, `${name}: ${x.name}`).toContain(x.svg.trim());
        expect(html).toContain(`<figure class="diagram" id="diagram-${x.name}">`);
      }
      expect((html.match(/<svg class="chart"/g) ?? []).length).toBe(d.capacity.figures.length);
      expect((html.match(/<svg class="chart"[^>]*role="img" aria-label="[^"]+"/g) ?? []).length).toBe(d.capacity.figures.length);
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(ids).size, `${name}: duplicate ids`).toBe(ids.length);
      expect(html).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('has light, dark and print styles and a contents list', () => {
    const html = examples[0]!.html;
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('@media print');
    expect(html).toMatch(/<nav class="toc" aria-label="Contents"><ol><li><a href="#requirements-analysis">/);
  });

  it('is deterministic', () => {
    const { design: d, html } = examples[0]!;
    expect(renderReport(d, diagrams(d))).toBe(html);
  });
});

describe('capacity charts', () => {
  it('plot now, 6 months, 1 year and every horizon beyond', () => {
    const d = examples.find((x) => x.design.requirements.horizonsMonths.length > 0)?.design ?? examples[0]!.design;
    const f = d.capacity.figures[0]!;
    expect(figurePoints(f).map((p) => p.months)).toEqual([0, 6, 12, ...f.horizons.filter((h) => h.months > 12).map((h) => h.months)]);
    const svg = figureChart(f);
    expect((svg.match(/<circle /g) ?? []).length).toBe(figurePoints(f).length);
  });

  it('switch to a log scale only when values span more than 100×', () => {
    const base = examples[0]!.design.capacity.figures[0]!;
    const flat = figureChart({ ...base, current: 5, sixMonths: 5, oneYear: 5, horizons: [] });
    expect(flat).not.toContain(', log<');
    const steep = figureChart({ ...base, current: 1, sixMonths: 10, oneYear: 1000, horizons: [] });
    expect(steep).toContain(', log<');
  });
});

describe('Markdown to HTML', () => {
  it('converts the constructs renderMarkdown writes', () => {
    const { html, headings } = markdownToHtml(
      ['# T', '', '> quote **b**', '', '| A | B \\| C |', '|---|---|', '| `x\\|y` | *i* |', '', '- [ ] **task**: do _it_', '1. one', '2. two', '', '```sql', 'SELECT 1 < 2;', '```', 'line one', 'line two'].join('\n'),
    );
    expect(headings).toEqual([{ level: 1, text: 'T', id: 't' }]);
    expect(html).toContain('<blockquote><p>quote <strong>b</strong></p></blockquote>');
    expect(html).toContain('<th scope="col">B | C</th>');
    expect(html).toContain('<td><code>x|y</code></td><td><em>i</em></td>');
    expect(html).toContain('<li class="task"><span class="box" aria-hidden="true">☐</span> <strong>task</strong>: do <em>it</em></li>');
    expect(html).toContain('<ol><li>one</li>\n<li>two</li></ol>');
    expect(html).toContain('<pre data-lang="sql"><code>SELECT 1 &lt; 2;</code></pre>');
    expect(html).toContain('<p>line one<br>\nline two</p>');
  });
});
