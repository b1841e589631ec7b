import type { Design } from '../../model/design.js';
import { renderMarkdown } from '../markdown.js';
import type { Diagram } from '../diagrams/index.js';
import { mermaidSections } from '../diagrams/mermaid.js';
import { capacityCharts } from './charts.js';
import { esc, markdownToHtml } from './_markdown.js';

/**
 * report.html: the whole specification on one self-contained page. The text is ARCHITECTURE.md
 * turned into HTML (pass the Markdown already rendered to avoid rendering it twice), each Mermaid
 * source is replaced by its SVG, and the capacity section gains charts over time. A Content-Security-Policy forbids
 * every network request, there is no script, and the page has light, dark and print styles.
 */

const CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--rule:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;--chart:#0969da;--chart-area:rgba(9,105,218,.10)}
@media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--rule:#3d444d;--soft:#151b23;--accent:#4493f8;--chart:#4493f8;--chart-area:rgba(68,147,248,.16)}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px}
.layout{display:grid;grid-template-columns:minmax(200px,260px) minmax(0,1fr);gap:32px;max-width:1400px;margin:0 auto;padding:24px}
nav.toc{position:sticky;top:16px;align-self:start;max-height:calc(100vh - 32px);overflow:auto;font-size:14px}
nav.toc ol{list-style:none;padding-left:0;margin:0}nav.toc li{margin:2px 0}nav.toc a{color:var(--fg);text-decoration:none}nav.toc a:hover{text-decoration:underline}
main{min-width:0}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.45rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.15rem;margin:1.6rem 0 .6rem}h4{font-size:1rem;margin:1.2rem 0 .4rem}
p,li{max-width:75ch}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid var(--rule);color:var(--muted)}
code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.1em .3em;border-radius:4px}
pre{background:var(--soft);padding:12px;border-radius:6px;overflow:auto;font-size:13px;line-height:1.35}pre code{background:none;padding:0}
.table{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;font-size:14px;min-width:50%}
th,td{border:1px solid var(--rule);padding:6px 9px;text-align:left;vertical-align:top}
th{background:var(--soft)}
li.task{list-style:none;margin-left:-1.2em}li.task .box{margin-right:.3em}
figure.diagram{margin:1.2rem 0;padding:12px;border:1px solid var(--rule);border-radius:8px;overflow-x:auto}
figure.diagram svg{display:block;max-width:100%;height:auto}
figcaption{font-size:13px;color:var(--muted);margin-top:6px}
.chart-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:14px}
.chart-card{margin:0;padding:10px;border:1px solid var(--rule);border-radius:8px;break-inside:avoid}
.chart-card.headline{border-color:var(--chart)}
.chart-card figcaption{font-size:11.5px;overflow-wrap:anywhere}
svg.chart{display:block;width:100%;height:auto}
svg.chart text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}
svg.chart .c-title{font-size:12px;font-weight:600}svg.chart .c-axis{font-size:10px;fill:var(--muted)}svg.chart .c-value{font-size:10px}
svg.chart .c-grid{stroke:var(--rule);stroke-width:1}svg.chart .c-line{fill:none;stroke:var(--chart);stroke-width:2}
svg.chart .c-area{fill:var(--chart-area);stroke:none}svg.chart .c-dot{fill:var(--chart)}
footer{color:var(--muted);font-size:13px;margin:3rem 0 1rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}nav.toc{position:static;max-height:none}}
@media print{
  :root{--bg:#fff;--fg:#000;--muted:#333;--rule:#999;--soft:#f3f3f3}
  body{font-size:10.5pt}.layout{display:block;padding:0;max-width:none}nav.toc,.skip{display:none}
  h2{break-before:page;break-after:avoid}h3,h4{break-after:avoid}
  table,figure,pre,.chart-card{break-inside:avoid}
  .table,figure.diagram{overflow:visible}a{color:inherit;text-decoration:none}
  .chart-grid{grid-template-columns:repeat(3,1fr)}
}
`;

function figure(x: Diagram): string {
  return `<figure class="diagram" id="diagram-${x.name}">\n${x.svg.trim()}\n<figcaption>${esc(x.title)} (also <code>diagrams/${x.name}.svg</code>, source <code>diagrams/${x.name}.mmd</code>).</figcaption>\n</figure>`;
}

export function renderReport(d: Design, diagrams: Diagram[], md = renderMarkdown(d, { overviewExtras: mermaidSections(d) })): string {
  const bySource = new Map(diagrams.map((x) => [x.mermaid.trimEnd(), x]));
  let chartsDone = false;
  let inCapacity = false;
  const charts = capacityCharts(d);
  const { html, headings } = markdownToHtml(md, {
    fence: (lang, body) => {
      const x = lang === 'mermaid' ? bySource.get(body.trimEnd()) : undefined;
      return x ? figure(x) : null;
    },
    beforeHeading: (h) => {
      if (h.level > 2) return '';
      const emit = inCapacity && !chartsDone ? charts : '';
      if (emit) chartsDone = true;
      inCapacity = h.text === 'Capacity Planning';
      return emit;
    },
  });
  const body = chartsDone || !charts ? html : `${html}\n${charts}`;
  const toc = headings.filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${esc(h.text)}</a></li>`);
  const title = `Backend Architecture: ${d.title}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="color-scheme" content="light dark">',
    `<meta name="generator" content="archie ${esc(d.generator.version)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS.trim()}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#content">Skip to the specification</a>',
    '<div class="layout">',
    `<nav class="toc" aria-label="Contents"><ol>${toc.join('')}</ol></nav>`,
    '<main id="content">',
    body,
    `<footer>Generated by archie ${esc(d.generator.version)} from design.json (schemaVersion ${d.schemaVersion}). This page makes no network requests.</footer>`,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
