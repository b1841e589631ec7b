/**
 * Render time of the visual and deployment artifacts (diagrams, deploy/, report.html) per example
 * brief: the first call in a fresh process (what `archie design --out` pays) and the median of
 * warm calls. Run: node --import tsx bench/render-visual.ts
 */
import { join } from 'node:path';
import { design } from '../src/design.js';
import { diagrams, renderDiagramFiles } from '../src/render/diagrams/index.js';
import { renderDeployFiles } from '../src/render/deploy/index.js';
import { renderReport } from '../src/render/html/report.js';
import { exampleBriefs } from '../scripts/update-golden-visual.js';

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const rows: string[] = [];
let first = true;
for (const { file, name } of await exampleBriefs()) {
  const d = await design(join('examples', file));
  const [drawn, tDiagrams] = time(() => diagrams(d));
  const [, tFiles] = time(() => renderDiagramFiles(d, drawn));
  const [, tDeploy] = time(() => renderDeployFiles(d));
  const [, tReport] = time(() => renderReport(d, drawn));
  const warm = { diagrams: [] as number[], deploy: [] as number[], report: [] as number[] };
  for (let i = 0; i < 15; i++) {
    warm.diagrams.push(time(() => diagrams(d))[1]);
    warm.deploy.push(time(() => renderDeployFiles(d))[1]);
    warm.report.push(time(() => renderReport(d, drawn))[1]);
  }
  rows.push(
    `${name.padEnd(16)} ${first ? 'cold' : 'next'}: diagrams ${tDiagrams.toFixed(1)} ms (+ files ${tFiles.toFixed(1)}), deploy ${tDeploy.toFixed(1)} ms, report ${tReport.toFixed(1)} ms | warm median: diagrams ${median(warm.diagrams).toFixed(2)} ms, deploy ${median(warm.deploy).toFixed(2)} ms, report ${median(warm.report).toFixed(2)} ms`,
  );
  first = false;
}
console.log('visual and deploy renderers (first example is the cold, first-call cost):');
for (const r of rows) console.log(`  ${r}`);
