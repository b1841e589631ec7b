import type { CapacityFigure, Design } from '../../model/design.js';
import { figureValue } from '../markdown.js';
import { clip, n, textWidth, xml } from '../diagrams/_text.js';

/**
 * Charts of the capacity plan over time, drawn as inline SVG: one small line chart per capacity
 * figure, months on the x axis (now, 6 months, 1 year and the brief's horizons) and the value on
 * the y axis, on a log scale when the values span more than two orders of magnitude (growth is
 * usually exponential). The headline figures (peak load, storage, instances) come first.
 */

const HEADLINE = ['peak-rps', 'db-storage', 'app-instances'];

export interface ChartPoint {
  months: number;
  value: number;
}

export function figurePoints(f: CapacityFigure): ChartPoint[] {
  const pts: ChartPoint[] = [
    { months: 0, value: f.current },
    { months: 6, value: f.sixMonths },
    { months: 12, value: f.oneYear },
    ...f.horizons.filter((h) => h.months > 12).map((h) => ({ months: h.months, value: h.value })),
  ];
  return pts.filter((p) => Number.isFinite(p.value)).sort((a, b) => a.months - b.months);
}

function monthLabel(m: number): string {
  if (m === 0) return 'now';
  if (m % 12 === 0) return `${m / 12} yr`;
  return `${m} mo`;
}

const W = 300;
const H = 170;
const PAD = { left: 14, right: 14, top: 30, bottom: 30 };

/** One chart as an SVG string (no ids, so any number can sit on one page). */
export function figureChart(f: CapacityFigure): string {
  const pts = figurePoints(f);
  const values = pts.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const log = min > 0 && max / min > 100;
  const lo = log ? Math.log10(min) : Math.min(0, min);
  const hi = log ? Math.log10(max) : max === lo ? lo + 1 : max;
  const span = hi - lo || 1;
  const maxM = Math.max(12, ...pts.map((p) => p.months));
  const x = (m: number) => PAD.left + ((W - PAD.left - PAD.right) * m) / maxM;
  const y = (v: number) => {
    const t = log ? Math.log10(v) : v;
    return H - PAD.bottom - ((H - PAD.top - PAD.bottom) * (t - lo)) / span;
  };
  const summary = `${f.label}: ${pts.map((p) => `${monthLabel(p.months)} ${figureValue(f, p.value)}`).join(', ')}${log ? ' (log scale)' : ''}.`;
  const out: string[] = [];
  out.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xml(summary)}" xmlns="http://www.w3.org/2000/svg">`);
  const unit = log ? `${f.unit}, log` : f.unit;
  const unitW = textWidth(unit, 10);
  out.push(`<text class="c-title" x="${PAD.left}" y="14">${xml(clip(f.label, 12, W - PAD.left - PAD.right - unitW - 10, true))}</text>`);
  out.push(`<text class="c-axis" x="${W - PAD.right}" y="14" text-anchor="end">${xml(unit)}</text>`);
  // Baseline, a vertical tick per point, and month labels where they do not collide (first and last always).
  out.push(`<path class="c-grid" d="M${PAD.left} ${n(H - PAD.bottom)} H${W - PAD.right}"/>`);
  const ticks: Array<{ x0: number; x1: number; svg: string }> = [];
  pts.forEach((p, i) => {
    out.push(`<path class="c-grid" d="M${n(x(p.months))} ${PAD.top - 6} V${n(H - PAD.bottom)}"/>`);
    const label = monthLabel(p.months);
    const tw = textWidth(label, 10);
    const anchor = i === 0 ? 'start' : i === pts.length - 1 ? 'end' : 'middle';
    const px = x(p.months);
    const x0 = anchor === 'start' ? px : anchor === 'end' ? px - tw : px - tw / 2;
    const tick = { x0, x1: x0 + tw, svg: `<text class="c-axis" x="${n(px)}" y="${H - PAD.bottom + 14}" text-anchor="${anchor}">${label}</text>` };
    const prev = ticks[ticks.length - 1];
    if (prev && tick.x0 < prev.x1 + 4) {
      if (i !== pts.length - 1) return;
      ticks.pop();
    }
    ticks.push(tick);
  });
  for (const t of ticks) out.push(t.svg);
  const line = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(x(p.months))} ${n(y(p.value))}`).join(' ');
  out.push(`<path class="c-area" d="${line} L${n(x(pts[pts.length - 1]!.months))} ${H - PAD.bottom} L${n(x(pts[0]!.months))} ${H - PAD.bottom} Z"/>`);
  out.push(`<path class="c-line" d="${line}"/>`);
  // Value labels left to right, skipping any that would overlap the previous one; the last point
  // is always labelled (every value is also in the aria-label and in the capacity table).
  const labelled: Array<{ i: number; x0: number; x1: number; y: number; anchor: string; lx: number; text: string }> = [];
  pts.forEach((p, i) => {
    const px = x(p.months);
    const py = y(p.value);
    const text = figureValue(f, p.value);
    const tw = textWidth(text, 10);
    const anchor = i === 0 ? 'start' : i === pts.length - 1 ? 'end' : 'middle';
    const lx = i === 0 ? Math.max(px - 2, 2) : i === pts.length - 1 ? Math.min(px + 2, W - 2) : Math.min(Math.max(px, tw / 2 + 2), W - tw / 2 - 2);
    const x0 = anchor === 'start' ? lx : anchor === 'end' ? lx - tw : lx - tw / 2;
    const ly = py - 7 < PAD.top - 4 ? py + 14 : py - 7;
    const label = { i, x0, x1: x0 + tw, y: ly, anchor, lx, text };
    const clash = (a: typeof label, b: typeof label) => a.x0 < b.x1 + 4 && b.x0 < a.x1 + 4 && Math.abs(a.y - b.y) < 12;
    const prev = labelled[labelled.length - 1];
    if (prev && clash(prev, label)) {
      if (i !== pts.length - 1) return;
      labelled.pop();
    }
    labelled.push(label);
  });
  for (const p of pts) out.push(`<circle class="c-dot" cx="${n(x(p.months))}" cy="${n(y(p.value))}" r="3"/>`);
  for (const l of labelled) out.push(`<text class="c-value" x="${n(l.lx)}" y="${n(l.y)}" text-anchor="${l.anchor}">${xml(l.text)}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** The capacity figures in chart order: headline figures first, then the model's order. */
export function chartFigures(d: Design): CapacityFigure[] {
  const head = HEADLINE.map((id) => d.capacity.figures.find((f) => f.id === id)).filter((f): f is CapacityFigure => f !== undefined);
  return [...head, ...d.capacity.figures.filter((f) => !HEADLINE.includes(f.id))];
}

/** The charts section body: a grid of figures, each with a caption. */
export function capacityCharts(d: Design): string {
  const figs = chartFigures(d);
  if (figs.length === 0) return '';
  const cards = figs.map((f) => `<figure class="chart-card${HEADLINE.includes(f.id) ? ' headline' : ''}" data-figure="${xml(f.id)}">${figureChart(f)}<figcaption><strong>${xml(f.label)}</strong> (${xml(f.unit)}): ${xml(f.formula)}</figcaption></figure>`);
  return [
    '<section class="charts" aria-labelledby="capacity-charts">',
    '<h3 id="capacity-charts">Capacity over time</h3>',
    '<p>Each figure of the capacity plan now, in 6 months, in 1 year and at the brief\'s horizons. Values are labelled where they fit; every value is in the table above and in each chart\'s text alternative. Charts switch to a log scale when values span more than two orders of magnitude.</p>',
    `<div class="chart-grid">${cards.join('\n')}</div>`,
    '</section>',
  ].join('\n');
}
