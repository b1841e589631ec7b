import { compose, pathChain, type Strategy } from '../availability.js';
import { planCapacity } from '../capacity.js';
import { planTopology, withSizing } from '../components.js';
import type { DecisionModule } from '../context.js';
import { n, options, pct, quote } from './_util.js';

/**
 * Single region across zones unless the availability target or the users' geography requires more.
 * The availability of each option is composed from the request path the design will have (the
 * same chain Capacity Planning shows), so the decision and the Availability section agree.
 */
export const topology: DecisionModule = {
  id: 'topology',
  title: 'Regions and availability zones',
  question: 'One region or several, and how does the system survive losing a zone or a region?',
  decide(ctx) {
    const target = ctx.req.availability.value;
    const multi = ctx.req.geography.multiRegion;
    const regions = ctx.req.geography.regions;
    const budget = (1 - target) * 43_200;
    // Every earlier decision is taken, so the request path is known: compose it for each option.
    const { components, dataStores } = planTopology(ctx, withSizing(ctx, planCapacity(ctx)));
    const chain = pathChain(components, dataStores);
    const of = (s: Strategy) => compose(chain, s).composite;
    const one = of('one-region');
    const passive = of('active-passive');
    const active = of('active-active');
    let strategy: Strategy;
    if (multi) strategy = target >= 0.9999 || passive < target ? 'active-active' : 'active-passive';
    else if (one >= target) strategy = 'one-region';
    else if (passive >= target) strategy = 'active-passive';
    else strategy = 'active-active';
    const choice = {
      'one-region': 'One region across three availability zones',
      'active-passive': 'Primary region across three zones + warm standby region (active-passive)',
      'active-active': 'Active-active in two regions (writes homed per user or tenant)',
    }[strategy];
    const composite = of(strategy);
    const weakest = [...chain].sort((a, b) => a.effective - b.effective)[0];
    const path = chain.map((c) => `${c.name} ${pct(c.effective)}`).join(' × ');
    const met = composite >= target;
    const rationale =
      `The target is ${pct(target)} availability, an error budget of ${n(budget)} minutes a month${multi ? `, and users are in ${regions.join(', ')}` : ''}. ` +
      `One region composes to ${pct(one)} (${path}; the weakest element is ${weakest ? `${weakest.name} at ${pct(weakest.effective)}` : 'none'}). ` +
      (strategy === 'one-region'
        ? 'That meets the target; a zone failure is survived inside the region.'
        : `${one < target ? 'That is short of the target' : 'Users are spread across regions'}, so a second region is added: ${strategy === 'active-passive' ? `a warm standby with replicated data and DNS failover composes to ${pct(composite)}` : `active-active regions compose to ${pct(composite)}`}` +
          (met ? '.' : `, still short of the target: no topology archie builds reaches ${pct(target)} with this request path; the Review section says what would.`));
    return {
      considered: options([
        ['One region, three zones', strategy === 'one-region' ? 'chosen' : 'viable', `composes to ${pct(one)}: survives a zone failure; a region outage (rare, hours) would exceed a ${pct(target)} target's ${n(budget)}-minute monthly budget`],
        ['Active-passive (warm standby region)', strategy === 'active-passive' ? 'chosen' : 'viable', `composes to ${pct(passive)}: asynchronous replication to a second region; failover in minutes with seconds of data loss (RPO)`],
        ['Active-active in several regions', strategy === 'active-active' ? 'chosen' : 'rejected', strategy === 'active-active' ? `composes to ${pct(active)}: users served from the nearest region; each region survives the other's loss` : `composes to ${pct(active)}, but needs conflict handling for strongly consistent data and doubles the cost, for a target ${strategy === 'one-region' ? 'one region' : 'a warm standby'} meets`],
      ]),
      chosen: choice,
      rationale,
      wouldChange: strategy === 'one-region'
        ? 'A higher availability target than one region composes to, or users on several continents needing low latency, would add a second region.'
        : multi
          ? 'Users in one geography with a target one region meets would allow a single region.'
          : 'A target one region composes to (or a request path with fewer elements in series) would allow a single region.',
      drivers: ['availability', 'geography', 'capacity.availability'],
      significant: strategy !== 'one-region',
      quotes: [quote('availability.oneRegion', one), ...(strategy === 'one-region' ? [] : [quote('availability.composite', composite)])],
      thresholds: [],
    };
  },
};
