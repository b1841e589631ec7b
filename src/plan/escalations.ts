import type { Cost, Decision, Design } from '../model/design.js';
import { lowerFirst, n } from './decisions/_util.js';
import type { PlanContext } from './context.js';

/** What a human must decide before the team builds: the triggers come from the architect's escalation rules. */
export function planEscalations(ctx: PlanContext, decisions: Decision[], cost: Cost): Design['escalations'] {
  const out: Design['escalations'] = [];
  if (cost.totalMonthlyUsd > 1000 || cost.oneYearMonthlyUsd > 1000) {
    out.push({
      topic: 'Infrastructure cost',
      reason: `Estimated $${n(cost.totalMonthlyUsd)}/month at launch and $${n(cost.oneYearMonthlyUsd)}/month after a year${cost.budgetUsdPerMonth !== null ? ` against a budget of $${n(cost.budgetUsdPerMonth)}/month` : ''}.`,
      trigger: 'cost above $1,000/month',
    });
  }
  if (cost.withinBudget === false) {
    const v = cost.variants.find((x) => x.id === 'budget');
    const over = `The preferred design exceeds the stated budget of $${n(cost.budgetUsdPerMonth ?? 0)}/month by $${n(cost.totalMonthlyUsd - (cost.budgetUsdPerMonth ?? 0))}/month.`;
    const offer = !v
      ? ' No economy archie knows applies to this design: reduce scope, accept the cost, or relax targets (availability, retention).'
      : v.fits
        ? ` The budget variant in the Cost Estimate costs $${n(v.totalMonthlyUsd)}/month (${v.changes.map((c) => lowerFirst(c.part)).join(', ')} changed; it gives up ${v.changes.map((c) => c.givesUp.split(/[;:]/)[0]!).join('; ')}): choose it or the preferred design.`
        : ` ${v.note}`;
    out.push({ topic: 'Budget exceeded', reason: over + offer, trigger: 'cost above the stated budget' });
  }
  const bets = decisions.filter((d) => ['primary-database', 'messaging', 'architecture-style', 'deployment'].includes(d.id));
  for (const d of bets) {
    out.push({ topic: `${d.title}: ${d.chosen}`, reason: `A long-lived technology bet: changing it later means a migration. ${d.wouldChange}`, trigger: 'technology selection with long-term impact' });
  }
  const style = decisions.find((d) => d.id === 'architecture-style');
  if (ctx.req.existingSystem && style) {
    out.push({ topic: 'Migration off the existing system', reason: `Replacing "${ctx.req.existingSystem.description}" is a major architectural change that touches every team and the data.`, trigger: 'major architectural change' });
  }
  const auth = decisions.find((d) => d.id === 'auth');
  if (auth) out.push({ topic: 'Identity and access design', reason: `${auth.chosen}. Token lifetimes, role model and admin access are security-sensitive and need a security review.`, trigger: 'security-sensitive decision' });
  if (ctx.req.regulations.length > 0) {
    out.push({ topic: `Compliance: ${ctx.req.regulations.map((r) => r.value).join(', ')}`, reason: 'Legal and security owners must confirm scope, data residency, retention and processor agreements.', trigger: 'security-sensitive decision' });
  }
  if (ctx.req.existingSystem) {
    out.push({ topic: 'Public API changes during migration', reason: 'Clients of the existing system will see new endpoints or behaviours; any breaking change needs a deprecation plan and sign-off.', trigger: 'breaking changes to public APIs' });
  }
  return out;
}
