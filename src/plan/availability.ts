import { formatNumber, formatPercent } from '../brief/units.js';
import type { Capacity, Component, DataStore } from '../model/design.js';
import { chosen, CONVENTIONS, type PlanContext } from './context.js';

/**
 * Availability of the synchronous request path, composed honestly: redundant instances are
 * independent only for the failures that hit one instance. What reaches every instance of a fleet at
 * once (a bad release, a bad configuration push) is counted as a correlated factor of its own, so a
 * fleet of N nodes at 99% is never "100%". A second region lifts the regional path only by the
 * share of its downtime that failover removes.
 */

/** Availability of a deployable against its own bad releases: canary analysis and automatic rollback catch one within minutes (~4 min a month). */
export const DEPLOY_CORRELATED = 0.9999;

/**
 * Share of one region's downtime still felt with a second region: a warm standby is promoted only
 * for outages longer than its failover (detection, promotion, DNS TTL: ~15 min), so blips, Multi-AZ
 * failovers and short incidents are felt in full (half of the downtime is counted as still felt);
 * active-active regions shift traffic on a health-checked DNS record within a minute or two (a tenth).
 */
export const STILL_FELT = { 'one-region': 1, 'active-passive': 0.5, 'active-active': 0.1 } as const;

export type Strategy = keyof typeof STILL_FELT;
type Element = Capacity['availability']['chain'][number];

/** The strategy a topology decision names. */
export function strategyOf(topology: string | undefined): Strategy {
  if (!topology || topology.startsWith('One')) return 'one-region';
  return topology.startsWith('Active-active') ? 'active-active' : 'active-passive';
}

/** Changes a cheaper variant makes to the path: fewer API nodes, a single-AZ database. */
export interface PathOverrides {
  serviceNodes?: number;
  /** SLA of the primary database (single-AZ instead of Multi-AZ). */
  databaseSla?: number;
}

/** The elements of the request path in one region, each with its redundancy and correlated factor. */
export function pathChain(components: Component[], stores: DataStore[], overrides: PathOverrides = {}): Element[] {
  const chain: Element[] = [];
  const push = (id: string, name: string, sla: number, nodes: number, correlated: number) => {
    const effective = (1 - (1 - sla) ** nodes) * correlated;
    chain.push({ id, name, sla, nodes, correlated, effective: Number(effective.toFixed(8)) });
  };
  for (const c of components) {
    if (c.kind === 'client' || c.kind === 'identity' || c.kind === 'worker' || c.kind === 'cdn') continue;
    if (c.kind === 'gateway') push(c.id, c.name, c.sla, 1, 1);
    else if (c.runtime) push(c.id, c.name, c.sla, c.kind === 'service' && overrides.serviceNodes !== undefined ? overrides.serviceNodes : c.runtime.replicas.min, DEPLOY_CORRELATED);
  }
  // Stores holding the system of record; a managed store's SLA already counts its standby.
  for (const s of stores) {
    if (s.id === 'postgres') push(s.id, s.name, overrides.databaseSla ?? s.sla, 1, 1);
    else if (s.id === 'cassandra' || s.id === 'timescaledb') push(s.id, s.name, s.sla, 1, 1);
  }
  return chain;
}

export interface Composition {
  oneRegion: number;
  stillFelt: number;
  composite: number;
}

export function compose(chain: Element[], strategy: Strategy): Composition {
  const oneRegion = chain.reduce((acc, x) => acc * x.effective, 1);
  const stillFelt = STILL_FELT[strategy];
  const composite = 1 - (1 - oneRegion) * stillFelt;
  return { oneRegion: Number(oneRegion.toFixed(8)), stillFelt, composite: Number(composite.toFixed(8)) };
}

/** Composite availability of the path as built, for the strategy the topology decision chose. */
export function planAvailability(ctx: PlanContext, components: Component[], stores: DataStore[], strategy: Strategy = strategyOf(chosen(ctx, 'topology'))): Capacity['availability'] {
  const chain = pathChain(components, stores);
  const { oneRegion, stillFelt, composite } = compose(chain, strategy);
  const target = ctx.req.availability.value;
  return {
    target,
    chain,
    regions: strategy === 'one-region' ? 1 : 2,
    strategy,
    oneRegion,
    stillFelt,
    composite,
    meetsTarget: composite >= target,
    errorBudgetMinutesPerMonth: Number(((1 - target) * CONVENTIONS.minutesPerMonth).toFixed(2)),
    compositeDowntimeMinutesPerMonth: Number(((1 - composite) * CONVENTIONS.minutesPerMonth).toFixed(2)),
    formula:
      `one region = Π effective over the synchronous path; effective = (1 − (1 − SLA)^nodes) × correlated, where correlated = ${formatPercent(DEPLOY_CORRELATED)} for a fleet (a bad release reaches every node) and 1 for a managed service. ` +
      `composite = 1 − (1 − one region) × still felt: ${formatNumber(STILL_FELT['one-region'])} with one region, ${formatNumber(STILL_FELT['active-passive'])} with a warm standby, ${formatNumber(STILL_FELT['active-active'])} active-active. ` +
      'Cache, broker, search and workers are off the path (fail-open cache, outbox, async indexing). ' +
      `Error budget = (1 − target) × ${formatNumber(CONVENTIONS.minutesPerMonth)} min/month.`,
  };
}
