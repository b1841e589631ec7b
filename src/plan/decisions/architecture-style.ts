import type { DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/**
 * Monolith for the smallest teams and tight deadlines, modular monolith for most teams, services
 * only when team size and independent scaling pay for the operational cost, serverless for spiky
 * work with a low steady load.
 */
export const architectureStyle: DecisionModule = {
  id: 'architecture-style',
  title: 'Architecture style',
  question: 'Should this be a monolith, a modular monolith, microservices or serverless functions?',
  decide(ctx) {
    const team = ctx.req.team.size.value;
    const domains = ctx.archetype.domains.length;
    const ops = ctx.req.team.opsMaturity.value;
    const { avgRps, peakRps } = ctx.load;
    const peakFactor = ctx.req.scale.peakFactor.value;
    const weeks = ctx.req.timelineWeeks?.value;
    const realtime = ctx.archetype.traits.realtime;
    const spiky = peakFactor >= 8 && avgRps < 50 && !realtime;
    const bigTeam = team >= 25 || (team >= 12 && ops === 'high' && domains >= 4);
    const tiny = team <= 2 || (team <= 4 && domains <= 3) || (weeks !== undefined && weeks <= 8 && domains <= 2);

    let choice: 'Monolith' | 'Modular monolith' | 'Microservices' | 'Serverless';
    if (spiky) choice = 'Serverless';
    else if (bigTeam) choice = 'Microservices';
    else if (tiny) choice = 'Monolith';
    else choice = 'Modular monolith';

    const facts = `team of ${n(team)} engineers, ${domains} bounded contexts (${ctx.archetype.domains.join(', ')}), operations maturity ${ops}, ${n(avgRps)} req/s average and ${n(peakRps)} req/s at peak${weeks ? `, ${n(weeks)} weeks to launch` : ''}`;
    const rationale: Record<typeof choice, string> = {
      Serverless: `Traffic is spiky (peak ${n(peakFactor)}× a low ${n(avgRps)} req/s average) with no long-lived connections: functions scale to zero between spikes and cost nothing idle. Facts: ${facts}.`,
      Microservices: `A team of ${n(team)} can own ${domains} contexts as separately deployed services; independent deploys and scaling outweigh the cost of distributed operations at this size. Facts: ${facts}.`,
      Monolith: `With ${n(team)} engineer${team === 1 ? '' : 's'}${weeks ? ` and ${n(weeks)} weeks` : ''}, one deployable is fastest to build, test and run; ${domains} contexts fit one codebase. Facts: ${facts}.`,
      'Modular monolith': `${n(team)} engineers are too few to run ${domains} services well, but the ${domains} contexts deserve hard module boundaries so that one can be extracted later without a rewrite. ${realtime ? 'The real-time connection layer is deployed separately because it scales with connections, not requests. ' : ''}Facts: ${facts}.`,
    };
    const rows: Array<[string, 'chosen' | 'viable' | 'rejected', string]> = [
      ['Monolith', choice === 'Monolith' ? 'chosen' : tiny ? 'viable' : 'rejected', tiny ? 'one deployable, least operational work' : `${domains} contexts and ${n(team)} engineers would tangle in one unstructured codebase`],
      ['Modular monolith', choice === 'Modular monolith' ? 'chosen' : bigTeam ? 'viable' : 'viable', 'one deployable with enforced module boundaries; extraction path stays open'],
      ['Microservices', choice === 'Microservices' ? 'chosen' : 'rejected', bigTeam ? 'independent deploys per team' : `needs a team per service, service discovery, distributed tracing and on-call for each; ${n(team)} engineers cannot carry that`],
      ['Serverless functions', choice === 'Serverless' ? 'chosen' : 'rejected', spiky ? 'scales to zero between spikes' : realtime ? 'long-lived WebSocket connections and steady load make per-invocation pricing and cold starts a poor fit' : `a steady ${n(avgRps)} req/s average is cheaper on always-on containers`],
    ];
    return {
      considered: options(rows),
      chosen: choice,
      rationale: rationale[choice],
      wouldChange:
        choice === 'Microservices'
          ? 'A smaller team (under ~12) or a young product whose boundaries are still moving would favour a modular monolith.'
          : choice === 'Serverless'
            ? `A steady load above ~50 req/s on average, or long-lived connections, would make always-on containers (a modular monolith) cheaper than per-invocation pricing.`
            : 'Growing past ~25 engineers in several teams, or one context needing 10× the scale of the others, would justify extracting that context as a service; a spiky, low steady load would favour serverless.',
      drivers: ['team.size', 'team.opsMaturity', 'archetype.domains', 'scale.avgRps', 'scale.peakFactor', 'timelineWeeks'],
      significant: true,
      quotes: [quote('avg-rps', avgRps), quote('peak-rps', peakRps)],
      thresholds: choice === 'Serverless' ? [threshold('avg-rps', 50, 'Modular monolith')] : [],
    };
  },
};
