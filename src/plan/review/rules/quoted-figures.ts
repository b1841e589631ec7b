import type { CoherenceRule, Contradiction } from '../_types.js';
import { agrees, show, valueOf } from '../_values.js';

/** Every number a decision quotes equals the capacity figure (or limit, or availability value) it names. */
export const quotedFigures: CoherenceRule = {
  id: 'quoted-figures',
  summary: 'every number a decision quotes equals the capacity figure it names',
  check(d) {
    const out: Contradiction[] = [];
    for (const x of d.decisions) {
      for (const q of x.quotes) {
        const actual = valueOf(d, q.figure, q.at);
        const place = q.figure.startsWith('limits.') || q.figure.startsWith('availability.') ? `capacity.${q.figure}` : `capacity.figures.${q.figure}`;
        if (actual === undefined) {
          out.push({
            rule: this.id, places: [`decisions.${x.id}.quotes`, place],
            message: `the ${x.title.toLowerCase()} decision quotes ${show(q.figure, q.value)} as ${q.figure}, but the design has no ${q.figure}`,
            fix: `quote a figure the capacity plan computes, or add ${q.figure} to it`,
          });
        } else if (!agrees(q.figure, q.value, actual)) {
          out.push({
            rule: this.id, places: [`decisions.${x.id}.rationale`, place],
            message: `the ${x.title.toLowerCase()} decision says ${show(q.figure, q.value)} for ${q.figure}${q.at === 'current' ? '' : ` at ${q.at === 'oneYear' ? '1 year' : '6 months'}`}; the capacity plan says ${show(q.figure, actual)}`,
            fix: `compute the decision's number from the same formula as ${q.figure} (or read the figure), so both places say one number`,
          });
        }
      }
    }
    return out;
  },
};
