import type { Decision } from '../../../model/design.js';
import type { CoherenceRule, Contradiction } from '../_types.js';
import { show, valueOf } from '../_values.js';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Names of what a decision chose: its chosen options' names and the head of its `chosen` text. */
export function chosenNames(x: Decision): string[] {
  const head = (s: string) => norm(s.split(/[(:;,]/)[0]!);
  const names = [...x.considered.filter((o) => o.verdict === 'chosen').map((o) => head(o.option)), head(x.chosen)];
  return [...new Set(names.filter((v) => v.length >= 3))];
}

/** Clauses of `wouldChange` that name what the choice would become ("would favour X", "would call for X"). */
function changeTargets(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(/[.;]\s/)) {
    const m = /\b(?:favou?rs?|calls? for|justif(?:y|ies)|makes?|brings?|adds?|moves?|start on|switch(?:es)? to|uses?)\b(.*)$/i.exec(clause);
    // What follows "than" or "instead of" is what the change is measured against, not where it goes.
    if (m) out.push(norm(m[1]!.split(/\b(?:than|instead of|rather than)\b/i)[0]!));
  }
  return out;
}

/**
 * "What would change it" must not already be true: a threshold the design's own figure has passed
 * while the choice stands, or the chosen option named as what the decision would move to.
 */
export const wouldChange: CoherenceRule = {
  id: 'would-change',
  summary: 'what would change a decision is not already true of the design, and is not the option it chose',
  check(d) {
    const out: Contradiction[] = [];
    for (const x of d.decisions) {
      const names = chosenNames(x);
      const isChosen = (s: string) => names.some((n) => n.includes(norm(s)) || norm(s).includes(n));
      for (const t of x.thresholds) {
        const v = valueOf(d, t.figure, t.at);
        if (isChosen(t.leadsTo)) {
          out.push({ rule: this.id, places: [`decisions.${x.id}.thresholds`, `decisions.${x.id}.chosen`], message: `the ${x.title.toLowerCase()} decision chose ${x.chosen} and names ${t.leadsTo} as what would change it`, fix: 'name the option the decision would move to, not the one it chose' });
        } else if (v !== undefined && v > t.above) {
          out.push({
            rule: this.id, places: [`decisions.${x.id}.wouldChange`, `capacity.figures.${t.figure}`],
            message: `the ${x.title.toLowerCase()} decision says ${t.figure} above ${show(t.figure, t.above)} would change the choice to ${t.leadsTo}, and the design's ${t.figure} is already ${show(t.figure, v)}${t.at === 'oneYear' ? ' at 1 year' : ''}, yet it chose ${x.chosen}`,
            fix: `take the decision from ${t.figure} (choose ${t.leadsTo}), or say why the choice stands past that point instead of naming it as what would change it`,
          });
        }
      }
      for (const target of changeTargets(x.wouldChange)) {
        const named = names.find((n) => target.includes(n));
        if (named) {
          out.push({ rule: this.id, places: [`decisions.${x.id}.wouldChange`, `decisions.${x.id}.chosen`], message: `the ${x.title.toLowerCase()} decision chose "${named}" and names it as what would change the choice: "${x.wouldChange}"`, fix: 'say what would move the decision away from its choice' });
        }
      }
    }
    return out;
  },
};
