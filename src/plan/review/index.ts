import { ArchieError } from '../../errors.js';
import type { Design } from '../../model/design.js';
import type { CoherenceRule, Contradiction } from './_types.js';
import { availability } from './rules/availability.js';
import { budget } from './rules/budget.js';
import { costBasis } from './rules/cost-basis.js';
import { databaseShards } from './rules/database-shards.js';
import { deploymentPlatform } from './rules/deployment-platform.js';
import { quotedFigures } from './rules/quoted-figures.js';
import { rationaleNumbers } from './rules/rationale-numbers.js';
import { singleValue } from './rules/single-value.js';
import { storeSizing } from './rules/store-sizing.js';
import { traceability } from './rules/traceability.js';
import { wouldChange } from './rules/would-change.js';

export type { CoherenceRule, Contradiction } from './_types.js';
export { planTraceability } from './traceability.js';

/** Every coherence rule, in the order they run and are reported. */
export const RULES: readonly CoherenceRule[] = [
  quotedFigures,
  rationaleNumbers,
  wouldChange,
  storeSizing,
  databaseShards,
  costBasis,
  availability,
  deploymentPlatform,
  singleValue,
  budget,
  traceability,
];

/** The contradictions of a design: every rule, in registry order. */
export function reviewDesign(d: Design, rules: readonly CoherenceRule[] = RULES): Contradiction[] {
  return rules.flatMap((r) => r.check(d));
}

/**
 * The review step of the planner: settle what the rules can settle by themselves (recording how),
 * then refuse a design that still contradicts itself: it is not written.
 */
export function reviewed(d: Design): Design {
  let design = d;
  const resolutions: Design['review']['resolutions'] = [...d.review.resolutions];
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (const rule of RULES) {
      if (!rule.resolve) continue;
      for (const c of rule.check(design)) {
        const r = rule.resolve(design, c);
        if (!r) continue;
        design = r.design;
        resolutions.push({ rule: rule.id, found: c.message, resolution: r.resolution });
        changed = true;
      }
    }
    if (!changed) break;
  }
  design = { ...design, review: { rules: RULES.map((r) => ({ id: r.id, summary: r.summary })), resolutions } };
  const left = reviewDesign(design);
  if (left.length > 0) {
    const shown = left.slice(0, 5).map((c) => `${c.rule}: ${c.message} (${c.places.join(' vs ')})`).join('; ');
    throw new ArchieError('CONTRADICTION', `archie's design contradicts itself in ${left.length} place${left.length === 1 ? '' : 's'}, so it is not written: ${shown}${left.length > 5 ? '; …' : ''}`, {
      path: 'design',
      hint: 'This is a fault in archie\'s planner, not in the brief: please report it with the brief. Meanwhile, stating the figure the message names (load, team, budget) in the brief may avoid it.',
    });
  }
  return design;
}
