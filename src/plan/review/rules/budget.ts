import type { CoherenceRule, Contradiction } from '../_types.js';

/**
 * A design over its stated budget offers the design that fits (a cheaper variant and what it gives
 * up), or says exactly why none can; under budget, nothing claims it is over.
 */
export const budget: CoherenceRule = {
  id: 'budget',
  summary: 'a design over its stated budget offers the variant that fits, or says why none can',
  check(d) {
    const out: Contradiction[] = [];
    const c = d.cost;
    const escalated = d.escalations.some((e) => e.topic === 'Budget exceeded');
    if (c.budgetUsdPerMonth === null) {
      if (c.withinBudget !== null || c.variants.length > 0) out.push({ rule: this.id, places: ['cost.withinBudget', 'requirements.budgetUsdPerMonth'], message: 'the cost judges a budget the brief did not state', fix: 'withinBudget is null without a budget' });
      return out;
    }
    const over = c.totalMonthlyUsd > c.budgetUsdPerMonth;
    if (c.withinBudget !== !over) out.push({ rule: this.id, places: ['cost.withinBudget', 'cost.totalMonthlyUsd'], message: `withinBudget is ${c.withinBudget} for $${c.totalMonthlyUsd} against $${c.budgetUsdPerMonth}`, fix: 'withinBudget = total ≤ budget' });
    if (over) {
      const v = c.variants.find((x) => x.id === 'budget');
      if (!v) out.push({ rule: this.id, places: ['cost.variants', 'requirements.budgetUsdPerMonth'], message: `the design costs $${c.totalMonthlyUsd}/month against a budget of $${c.budgetUsdPerMonth} and offers no variant that fits (only an escalation)`, fix: 'build the cheaper variant (fewer, smaller, self-run or PostgreSQL-backed parts) and say what each change gives up' });
      else {
        if (v.fits !== v.totalMonthlyUsd <= c.budgetUsdPerMonth) out.push({ rule: this.id, places: [`cost.variants.${v.id}.fits`, 'requirements.budgetUsdPerMonth'], message: `the variant says fits=${v.fits} at $${v.totalMonthlyUsd} against $${c.budgetUsdPerMonth}`, fix: 'fits = variant total ≤ budget' });
        if (!v.fits && !/No design archie can build fits/.test(v.note)) out.push({ rule: this.id, places: [`cost.variants.${v.id}.note`, 'requirements.budgetUsdPerMonth'], message: 'no variant fits the budget and the design does not say why', fix: 'say what keeps the smallest design over the budget' });
        if (v.changes.some((x) => x.givesUp.length < 10)) out.push({ rule: this.id, places: [`cost.variants.${v.id}.changes`, 'cost.lines'], message: 'a change of the budget variant does not say what it gives up', fix: 'say what each change gives up' });
      }
      if (!escalated) out.push({ rule: this.id, places: ['escalations', 'cost.totalMonthlyUsd'], message: 'the design is over budget and no escalation says so', fix: 'escalate the budget decision' });
    } else if (escalated) {
      out.push({ rule: this.id, places: ['escalations', 'cost.totalMonthlyUsd'], message: 'an escalation says the budget is exceeded, but the design fits it', fix: 'drop the escalation' });
    }
    return out;
  },
};
