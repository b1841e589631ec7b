import type { CostLine, Design } from '../../../model/design.js';
import type { CoherenceRule, Contradiction } from '../_types.js';
import { valueOf } from '../_values.js';

/** Units that grow with the load: a line priced in one of them must follow a capacity figure. */
const LOAD_UNITS = new Set(['GB-month', 'GB', 'MAU', 'million requests', 'GB-seconds', 'thousand requests']);
const money = (v: number) => Math.round(v * 100) / 100;
const sum = (lines: CostLine[]) => money(lines.reduce((a, l) => a + l.monthlyUsd, 0));

function checkLines(d: Design, rule: string, where: string, lines: CostLine[], at: 'current' | 'sixMonths' | 'oneYear', out: Contradiction[]) {
  const sized = new Set(d.dataStores.filter((s) => s.sizing).map((s) => s.id));
  lines.forEach((l, i) => {
    const place = `${where}.${i}`;
    if (!l.basis) {
      if (LOAD_UNITS.has(l.unit) || sized.has(l.target)) {
        out.push({ rule, places: [place, 'capacity.figures'], message: `"${l.item}" is priced at a fixed ${l.quantity} ${l.unit}, though it grows with the load`, fix: 'price it from the capacity figure that sizes it' });
      }
    } else {
      const v = valueOf(d, l.basis.figure, at);
      if (v === undefined) {
        out.push({ rule, places: [place, `capacity.figures.${l.basis.figure}`], message: `"${l.item}" is priced from ${l.basis.figure}, which the capacity plan does not have`, fix: 'price it from a figure of the capacity plan' });
      } else {
        const expected = money(Math.max(l.basis.floor, v * l.basis.factor + l.basis.offset));
        if (Math.abs(expected - l.quantity) > Math.max(0.011, 1e-6 * expected)) {
          out.push({ rule, places: [place, `capacity.figures.${l.basis.figure}`], message: `"${l.item}" prices ${l.quantity} ${l.unit}; ${l.basis.figure} (${v}) gives ${expected}`, fix: 'recompute the quantity from its basis' });
        }
      }
    }
    if (Math.abs(money(l.quantity * l.unitPriceUsd) - l.monthlyUsd) > 0.011) {
      out.push({ rule, places: [place, `${place}.monthlyUsd`], message: `"${l.item}": ${l.quantity} × $${l.unitPriceUsd} is not $${l.monthlyUsd}`, fix: 'monthly = quantity × unit price' });
    }
  });
}

/** Every cost line is priced from the capacity figure that sizes it, at its horizon, and the totals add up. */
export const costBasis: CoherenceRule = {
  id: 'cost-basis',
  summary: 'every cost line that grows with the load is priced from its capacity figure, and the totals add up',
  check(d) {
    const out: Contradiction[] = [];
    const c = d.cost;
    checkLines(d, this.id, 'cost.lines', c.lines, 'current', out);
    if (Math.abs(sum(c.lines) - c.totalMonthlyUsd) > 0.02) out.push({ rule: this.id, places: ['cost.lines', 'cost.totalMonthlyUsd'], message: `the launch lines add up to $${sum(c.lines)}, the total says $${c.totalMonthlyUsd}`, fix: 'total = Σ lines' });
    for (const h of c.horizons) {
      checkLines(d, this.id, `cost.horizons.${h.at}.lines`, h.lines, h.at, out);
      const stated = h.at === 'oneYear' ? c.oneYearMonthlyUsd : c.sixMonthsMonthlyUsd;
      if (Math.abs(sum(h.lines) - h.totalMonthlyUsd) > 0.02 || Math.abs(h.totalMonthlyUsd - stated) > 0.02) {
        out.push({ rule: this.id, places: [`cost.horizons.${h.at}`, h.at === 'oneYear' ? 'cost.oneYearMonthlyUsd' : 'cost.sixMonthsMonthlyUsd'], message: `the ${h.at} lines add up to $${sum(h.lines)}, the total says $${stated}`, fix: 'total = Σ lines at that horizon' });
      }
    }
    if (!c.horizons.some((h) => h.at === 'oneYear')) out.push({ rule: this.id, places: ['cost.horizons', 'capacity.figures'], message: 'the cost has no lines at 1 year of growth', fix: 'price the design at launch, 6 months and 1 year' });
    for (const v of c.variants) {
      checkLines(d, this.id, `cost.variants.${v.id}.lines`, v.lines, 'current', out);
      if (Math.abs(sum(v.lines) - v.totalMonthlyUsd) > 0.02) out.push({ rule: this.id, places: [`cost.variants.${v.id}.lines`, `cost.variants.${v.id}.totalMonthlyUsd`], message: `the ${v.name} lines add up to $${sum(v.lines)}, its total says $${v.totalMonthlyUsd}`, fix: 'total = Σ lines' });
    }
    return out;
  },
};
