import { formatNumber } from '../brief/units.js';
import { HORIZON_LABELS, type Horizon, type ScaleReport } from './model.js';

/** Markdown that reads as plain text in a terminal: the scale report for people. */

const fmt = (v: number) => formatNumber(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
const pct = (v: number) => `${formatNumber(v * 100, 0)}%`;
const usd = (v: number) => `${v < 0 ? '−' : '+'}$${formatNumber(Math.abs(v), 0)}`;
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderScaleText(r: ScaleReport): string {
  const out: string[] = [];
  const f = formatNumber(r.factor);
  out.push(`# Scaling plan: ${r.title} at ${f}×`, '');
  const a = r.loadNow;
  const b = r.loadAtFactor;
  out.push(
    `Peak load ${fmt(a.peakRps)} → ${fmt(b.peakRps)} req/s (${fmt(a.peakReadsPerSecond)} → ${fmt(b.peakReadsPerSecond)} reads/s, ${fmt(a.peakWritesPerSecond)} → ${fmt(b.peakWritesPerSecond)} writes/s); ` +
      `${fmt(a.dailyActiveUsers)} → ${fmt(b.dailyActiveUsers)} daily users, ${fmt(a.concurrentUsers)} → ${fmt(b.concurrentUsers)} concurrent.`,
    '',
  );
  out.push(r.firstBottleneck ? `**What breaks first:** ${r.firstBottleneck.summary}` : `Nothing the design deploys saturates below 10,000× today's load.`, '');

  out.push('## Saturation order', '');
  out.push('| # | Resource | Load at 1× → ' + f + '× | Capacity (nodes × per node) | Utilisation at ' + f + '× | Saturates at | Status |');
  out.push('|---|---|---|---|---|---|---|');
  r.resources.forEach((x, i) => {
    out.push(
      `| ${i + 1} | ${cell(x.name)} | ${fmt(x.loadNow)} → ${fmt(x.loadAtFactor)} ${x.unit} | ${x.nodes} × ${fmt(x.limit.value)} = ${fmt(x.capacity)} ${x.unit} | ${pct(x.utilisationAtFactor)} (target ${pct(x.targetUtilisation)}) | ` +
        `${x.saturatesAt === null ? '> 10,000×' : `${fmt(x.saturatesAt)}×`} | ${x.status} |`,
    );
  });
  out.push('');
  for (const x of r.resources) {
    const parts = [`load = ${x.loadFormula}`, `nodes: ${x.nodesBasis}`, `limit: ${x.limit.label} — ${x.limit.source}${x.limit.adjustment ? `; ${x.limit.adjustment}` : ''}`];
    if (x.note) parts.push(x.note);
    out.push(`- **${x.name}**: ${parts.join('. ')}.`);
  }
  out.push('');

  out.push('## Plan', '');
  const total = (['immediate', 'months-1-3', 'months-3-6'] as Horizon[]).reduce((n, h) => n + r.plan[h].length, 0);
  if (total === 0) out.push(`No step is needed at ${f}×: every resource stays within its target utilisation.`, '');
  for (const h of ['immediate', 'months-1-3', 'months-3-6'] as Horizon[]) {
    const steps = r.plan[h];
    out.push(`### ${HORIZON_LABELS[h]}`, '');
    if (steps.length === 0) {
      out.push('Nothing needed at this load.', '');
      continue;
    }
    for (const s of steps) {
      out.push(`- **${s.action}** (${usd(s.monthlyCostDeltaUsd)}/month)${s.removes.length ? ` — removes: ${s.removes.join(', ')}` : ''}`);
      out.push(`  ${s.rationale}`);
      out.push(`  Cost: ${s.costBasis}.`);
    }
    out.push('');
  }

  if (r.decisionChanges.length) {
    out.push(`## Decisions archie takes differently at ${f}×`, '');
    for (const c of r.decisionChanges) out.push(`- **${c.title}**: ${c.from} → ${c.to}`);
    out.push('');
  }

  out.push('## Cost', '');
  out.push(`- Today: $${formatNumber(r.cost.currentMonthlyUsd, 0)}/month.`);
  out.push(`- Steps that add capacity: ${usd(r.cost.addedMonthlyUsd)}/month.`);
  if (r.cost.savedMonthlyUsd < 0) out.push(`- Steps that save against growing in place at ${f}×: ${usd(r.cost.savedMonthlyUsd)}/month (see each step's cost basis).`);
  out.push(`- archie's cost model for a design made for ${f}× the load: $${formatNumber(r.cost.redesignMonthlyUsd, 0)}/month (it also grows storage, egress, logs and identity with the load).`);
  out.push(`- Prices: ${r.cost.priceTable.name}, ${r.cost.priceTable.asOf}.`, '');

  out.push('## Method', '', r.method, '');
  if (r.notes.length) {
    out.push('## Notes', '');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  return out.join('\n');
}
