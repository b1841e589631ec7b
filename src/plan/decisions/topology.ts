import { TECHNOLOGIES } from '../../knowledge/technologies.js';
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
    // What one region can promise on paper: the edge in series with the Multi-AZ primary database.
    const edgeSla = 0.9999;
    const dbSla = TECHNOLOGIES.postgresql.sla;
    const oneRegion = edgeSla * dbSla;
    let choice: string;
    if (multi && target >= 0.9999) choice = 'Active-active in two regions (writes homed per user or tenant)';
    else if (multi || target > oneRegion) choice = 'Primary region across three zones + warm standby region (active-passive)';
    else choice = 'One region across three availability zones';
    return {
      considered: options([
        ['One region, three zones', choice.startsWith('One') ? 'chosen' : 'viable', `survives a zone failure; a region outage (rare, hours) would exceed a ${pct(target)} target's ${n(budget)}-minute monthly budget`],
        ['Active-passive (warm standby region)', choice.startsWith('Primary') ? 'chosen' : 'viable', 'asynchronous replication to a second region; failover in minutes with seconds of data loss (RPO)'],
        ['Active-active in several regions', choice.startsWith('Active-active') ? 'chosen' : 'rejected', choice.startsWith('Active-active') ? 'users served from the nearest region; each region survives the other\'s loss' : 'conflict handling for strongly consistent data and double the cost, for a target one region meets'],
      ]),
      chosen: choice,
      rationale: `The target is ${pct(target)} availability, an error budget of ${n(budget)} minutes a month${multi ? `, and users are in ${regions.join(', ')}` : ''}. One region promises at most ${pct(oneRegion)} on paper (edge ${pct(edgeSla)} × Multi-AZ database ${pct(dbSla)}). ${choice.startsWith('One') ? 'That meets the target; the composite availability in Capacity Planning checks the whole path.' : 'That is short of the target (or users are spread across regions), so a second region is kept ready with replicated data and DNS failover.'}`,
      wouldChange: choice.startsWith('One') ? 'A target of 99.99% or more, or users on several continents needing low latency, would add a second region.' : 'Relaxing the target below 99.99% with users in one geography would allow a single region.',
      drivers: ['availability', 'geography'],
      significant: !choice.startsWith('One'),
    };
  },
};
