import { formatNumber } from '../brief/units.js';
import type { Capacity, Component, DataStore } from '../model/design.js';
import { chosen, CONVENTIONS, type PlanContext } from './context.js';

/**
 * Composite availability of the synchronous request path: each element's single-node SLA lifted
 * by its redundancy (1 − (1 − a)^n for n independent nodes), multiplied in series. Elements that
 * the design degrades around (cache, broker, search) are left out of the chain and say so.
 */
export function planAvailability(ctx: PlanContext, components: Component[], stores: DataStore[]): Capacity['availability'] {
  const chain: Capacity['availability']['chain'] = [];
  const push = (id: string, name: string, sla: number, nodes: number) => {
    const effective = 1 - (1 - sla) ** nodes;
    chain.push({ id, name, sla, nodes, effective: Number(effective.toFixed(8)) });
  };
  // A second region (warm standby or active-active) makes regional elements redundant behind DNS failover.
  const regions = (chosen(ctx, 'topology') ?? '').startsWith('One') ? 1 : 2;
  for (const c of components) {
    if (c.kind === 'client' || c.kind === 'identity' || c.kind === 'worker' || c.kind === 'cdn') continue;
    if (c.kind === 'gateway') push(c.id, c.name, c.sla, regions);
    else if (c.runtime) push(c.id, c.name, c.sla, c.runtime.replicas.min);
  }
  const primary = stores.find((s) => s.id === 'postgres');
  // A Multi-AZ primary's SLA already counts its standby.
  if (primary) push(primary.id, primary.name, primary.sla, regions);
  const composite = Number(chain.reduce((acc, x) => acc * x.effective, 1).toFixed(8));
  const target = ctx.req.availability.value;
  return {
    target,
    chain,
    composite,
    meetsTarget: composite >= target,
    errorBudgetMinutesPerMonth: Number(((1 - target) * CONVENTIONS.minutesPerMonth).toFixed(2)),
    compositeDowntimeMinutesPerMonth: Number(((1 - composite) * CONVENTIONS.minutesPerMonth).toFixed(2)),
    formula:
      'composite = Π effective(element) over the synchronous path; effective = 1 − (1 − SLA)^nodes for redundant nodes (instances, or regions behind DNS failover); managed services at their published SLA. ' +
      'Cache, broker, search and workers are outside the chain because the design degrades around them (fail-open cache, transactional outbox, async indexing). ' +
      `Error budget = (1 − target) × ${formatNumber(CONVENTIONS.minutesPerMonth)} min/month.`,
  };
}
