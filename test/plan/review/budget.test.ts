import { describe, expect, it } from 'vitest';
import { budget } from '../../../src/plan/review/rules/budget.js';
import { designOf } from '../_helpers.js';
import { HR_BRIEF, planned, ruleTable } from './_fixtures.js';

ruleTable(budget, [
  {
    name: 'a design over its budget offers only an escalation',
    brief: HR_BRIEF,
    seed: (d) => { d.cost.variants = []; },
    places: ['cost.variants', 'requirements.budgetUsdPerMonth'],
    message: /offers no variant that fits/,
  },
  {
    name: 'the variant says it fits but costs more than the budget',
    brief: HR_BRIEF,
    seed: (d) => { d.cost.variants[0]!.totalMonthlyUsd = 999; },
    places: ['cost.variants.budget.fits', 'requirements.budgetUsdPerMonth'],
    message: /fits=true at \$999/,
  },
  {
    name: 'an escalation says "budget exceeded" for a design within budget',
    brief: 'examples/ecommerce.yaml',
    seed: (d) => { d.escalations.push({ topic: 'Budget exceeded', reason: 'over', trigger: 'cost above the stated budget' }); },
    places: ['escalations', 'cost.totalMonthlyUsd'],
    message: /but the design fits it/,
  },
  {
    name: 'withinBudget judged without a budget',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.cost.withinBudget = true; },
    places: ['cost.withinBudget', 'requirements.budgetUsdPerMonth'],
    message: /did not state/,
  },
]);

describe('design to budget', () => {
  it('the $300/month HR tool gets a variant that fits, each change with what it gives up', async () => {
    const d = await planned(HR_BRIEF);
    expect(d.cost.withinBudget).toBe(false);
    const v = d.cost.variants.find((x) => x.id === 'budget')!;
    expect(v.fits).toBe(true);
    expect(v.totalMonthlyUsd).toBeLessThanOrEqual(300);
    expect(v.changes.map((c) => c.part)).toContain('Message broker');
    for (const c of v.changes) expect(c.givesUp.length).toBeGreaterThan(20);
    expect(d.escalations.find((e) => e.topic === 'Budget exceeded')!.reason).toMatch(/budget variant .* costs \$\d+\/month/);
    expect(d.traceability.find((t) => t.requirement === 'budget')).toMatchObject({ verdict: 'not-met', wouldMeet: expect.stringMatching(/^The budget variant: /) });
  });

  it('a budget no design can meet says exactly why', () => {
    const d = designOf('chat app for 2M daily users, team of 6, budget $500/month');
    const v = d.cost.variants.find((x) => x.id === 'budget')!;
    expect(v.fits).toBe(false);
    expect(v.note).toMatch(/^No design archie can build fits \$500\/month at this load: the smallest costs \$[\d,.]+\/month, mostly /);
  });

  it('a design within its budget has no variant', async () => {
    expect((await planned('examples/ecommerce.yaml')).cost.variants).toEqual([]);
  });
});
