import type { DecisionModule } from '../context.js';
import { n, options, pct } from './_util.js';

/** Single region across zones unless the availability target or the users' geography requires more. */
export const topology: DecisionModule = {
  id: 'topology',
  title: 'Regions and availability zones',
  question: 'One region or several, and how does the system survive losing a zone or a region?',
  decide(ctx) {
    const target = ctx.req.availability.value;
    const multi = ctx.req.geography.multiRegion;
    const regions = ctx.req.geography.regions;
    const budget = (1 - target) * 43_200;
    let choice: string;
    if (multi && target >= 0.9999) choice = 'Active-active in two regions (writes homed per user or tenant)';
    else if (multi || target >= 0.9999) choice = 'Primary region across three zones + warm standby region (active-passive)';
    else choice = 'One region across three availability zones';
    return {
      considered: options([
        ['One region, three zones', choice.startsWith('One') ? 'chosen' : 'viable', `survives a zone failure; a region outage (rare, hours) would exceed a ${pct(target)} target's ${n(budget)}-minute monthly budget`],
        ['Active-passive (warm standby region)', choice.startsWith('Primary') ? 'chosen' : 'viable', 'asynchronous replication to a second region; failover in minutes with seconds of data loss (RPO)'],
        ['Active-active in several regions', choice.startsWith('Active-active') ? 'chosen' : 'rejected', choice.startsWith('Active-active') ? 'users served from the nearest region; each region survives the other\'s loss' : 'conflict handling for strongly consistent data and double the cost, for a target one region meets'],
      ]),
      chosen: choice,
      rationale: `The target is ${pct(target)} availability, an error budget of ${n(budget)} minutes a month${multi ? `, and users are in ${regions.join(', ')}` : ''}. ${choice.startsWith('One') ? 'Managed services spread across three zones meet it; the composite availability in Capacity Planning checks this.' : 'A single region cannot promise that through a regional outage, so a second region is kept ready with replicated data.'}`,
      wouldChange: choice.startsWith('One') ? 'A target of 99.99% or more, or users on several continents needing low latency, would add a second region.' : 'Relaxing the target below 99.99% with users in one geography would allow a single region.',
      drivers: ['availability', 'geography'],
      significant: !choice.startsWith('One'),
    };
  },
};
