import { LIMITS } from '../../../knowledge/limits.js';
import type { CoherenceRule, Contradiction } from '../_types.js';
import { ratesIn } from '../_values.js';

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.5, 0.01 * Math.abs(b));

/**
 * Every rate a decision states (in its rationale or an option's reason) is one of the numbers it
 * quotes, a per-node limit, or a value of the capacity plan: a rate with no path back to a figure is
 * how "3,333 msg/s" ends up next to a capacity table that says 1,667.
 */
export const rationaleNumbers: CoherenceRule = {
  id: 'rationale-numbers',
  summary: 'every rate a decision states is a figure of the capacity plan, a number it quotes or a per-node limit',
  check(d) {
    const out: Contradiction[] = [];
    const limits = [...d.capacity.limits.map((l) => l.value), ...Object.values(LIMITS).map((l) => l.value)];
    const figures = d.capacity.figures.flatMap((f) => [f.current, f.sixMonths, f.oneYear, ...f.horizons.map((h) => h.value)]);
    for (const x of d.decisions) {
      const known = [...x.quotes.map((q) => q.value), ...limits, ...figures];
      const texts: Array<[string, string]> = [[`decisions.${x.id}.rationale`, x.rationale], ...x.considered.map((o, i): [string, string] => [`decisions.${x.id}.considered.${i}.reason`, o.reason])];
      for (const [place, text] of texts) {
        for (const r of ratesIn(text)) {
          if (known.some((k) => close(r.value, k))) continue;
          const sameUnit = d.capacity.figures.filter((f) => f.unit === r.unit).map((f) => `${f.id} ${f.current} ${f.unit}`);
          out.push({
            rule: this.id, places: [place, `decisions.${x.id}.quotes`],
            message: `the ${x.title.toLowerCase()} decision states "${r.text}", which is no figure of the capacity plan${sameUnit.length ? ` (the capacity plan has ${sameUnit.slice(0, 3).join(', ')})` : ''}`,
            fix: 'state the capacity figure the decision read and list it in the decision\'s quotes',
          });
        }
      }
    }
    return out;
  },
};
