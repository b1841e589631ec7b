import { STILL_FELT, strategyOf } from '../../availability.js';
import type { CoherenceRule, Contradiction } from '../_types.js';

const close = (a: number, b: number, eps = 2e-7) => Math.abs(a - b) <= eps;

/**
 * Availability composed honestly: each element's figure follows its formula, a fleet's redundancy
 * is never taken as independent against what hits every node at once, the composite never reads
 * 100% or 0 minutes of downtime, and it is built for the regions the topology decision chose.
 */
export const availability: CoherenceRule = {
  id: 'availability',
  summary: 'availability is composed with correlated failure, never reads 100%, and matches the regions decision',
  check(d) {
    const out: Contradiction[] = [];
    const a = d.capacity.availability;
    const push = (places: [string, string], message: string, fix: string) => out.push({ rule: this.id, places, message, fix });
    for (const e of a.chain) {
      const expected = (1 - (1 - e.sla) ** e.nodes) * e.correlated;
      if (!close(expected, e.effective, 2e-8)) push([`capacity.availability.chain.${e.id}`, 'capacity.availability.formula'], `${e.name}: effective ${e.effective} is not (1 − (1 − ${e.sla})^${e.nodes}) × ${e.correlated}`, 'recompute the element from its formula');
      const fleet = d.components.find((c) => c.id === e.id && c.runtime && (c.kind === 'service' || c.kind === 'realtime'));
      if (fleet && e.nodes > 1 && e.correlated >= 1) push([`capacity.availability.chain.${e.id}`, `components.${e.id}`], `${e.name}: ${e.nodes} nodes are counted as independent (${(e.effective * 100).toFixed(4)}%), but one bad deploy takes them all`, 'count the fleet\'s correlated failures (deploys, configuration) as a factor of their own');
    }
    const one = a.chain.reduce((acc, e) => acc * e.effective, 1);
    if (!close(one, a.oneRegion, 1e-6)) push(['capacity.availability.oneRegion', 'capacity.availability.chain'], `one region is given as ${a.oneRegion}, the chain multiplies to ${one.toFixed(8)}`, 'one region = Π effective');
    const topology = d.decisions.find((x) => x.id === 'topology');
    const strategy = strategyOf(topology?.chosen);
    if (topology && strategy !== a.strategy) push(['capacity.availability.strategy', 'decisions.topology.chosen'], `the availability is composed for ${a.strategy}, the regions decision chose ${topology.chosen}`, 'compose the availability for the chosen topology');
    if (a.stillFelt !== STILL_FELT[a.strategy] || a.regions !== (a.strategy === 'one-region' ? 1 : 2)) push(['capacity.availability.stillFelt', 'capacity.availability.strategy'], `${a.strategy} is composed with ${a.regions} region(s) and ${a.stillFelt} of a region's downtime still felt`, 'use the convention for the strategy');
    const composite = 1 - (1 - a.oneRegion) * a.stillFelt;
    if (!close(composite, a.composite, 1e-6)) push(['capacity.availability.composite', 'capacity.availability.oneRegion'], `the composite ${a.composite} is not 1 − (1 − ${a.oneRegion}) × ${a.stillFelt}`, 'recompute the composite');
    if (a.composite > a.oneRegion + 1e-9 && a.strategy === 'one-region') push(['capacity.availability.composite', 'capacity.availability.chain'], `the composite ${a.composite} is above what one region gives (${a.oneRegion})`, 'a single region is never more available than its weakest element');
    if ((a.composite * 100).toFixed(4) === '100.0000' || a.compositeDowntimeMinutesPerMonth < 0.05) push(['capacity.availability.composite', 'capacity.availability.chain'], `the composite reads ${(a.composite * 100).toFixed(4)}% and ${a.compositeDowntimeMinutesPerMonth} min/month of downtime: nothing built from servers is that available`, 'count correlated failures (zones, deploys) and the failover time');
    if (a.meetsTarget !== a.composite >= a.target) push(['capacity.availability.meetsTarget', 'capacity.availability.target'], `meetsTarget is ${a.meetsTarget} for a composite of ${a.composite} against ${a.target}`, 'meetsTarget = composite ≥ target');
    if (Math.abs((1 - a.composite) * 43_200 - a.compositeDowntimeMinutesPerMonth) > 0.011) push(['capacity.availability.compositeDowntimeMinutesPerMonth', 'capacity.availability.composite'], `the downtime ${a.compositeDowntimeMinutesPerMonth} min/month does not follow from ${a.composite}`, 'downtime = (1 − composite) × 43,200 min');
    return out;
  },
};
