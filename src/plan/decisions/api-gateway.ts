import { chosen, type DecisionModule } from '../context.js';
import { options } from './_util.js';

/** Edge: TLS, WAF, authentication, rate limiting and routing in one place. */
export const apiGateway: DecisionModule = {
  id: 'api-gateway',
  title: 'API gateway',
  question: 'What sits at the edge to terminate TLS, authenticate, rate-limit and route?',
  decide(ctx) {
    const style = chosen(ctx, 'architecture-style');
    const cloud = ctx.req.cloud.value;
    const lb = { aws: 'AWS Application Load Balancer + AWS WAF', gcp: 'Google Cloud Load Balancing + Cloud Armor', azure: 'Azure Application Gateway + WAF', any: 'a cloud load balancer with a WAF' }[cloud];
    const managedGw = { aws: 'Amazon API Gateway (HTTP API)', gcp: 'Google API Gateway', azure: 'Azure API Management', any: 'a managed API gateway' }[cloud];
    let choice: string;
    if (style === 'Serverless') choice = managedGw;
    else if (style === 'Microservices') choice = `Kong Gateway behind ${lb}`;
    else choice = `${lb}, with authentication and rate limiting in the application's edge middleware`;
    return {
      considered: options([
        [managedGw, style === 'Serverless' ? 'chosen' : 'viable', 'JWT validation, throttling and routing without servers; per-request pricing'],
        ['Kong / Envoy gateway', style === 'Microservices' ? 'chosen' : 'viable', style === 'Microservices' ? 'one place for auth, rate limits and routing across services' : 'a gateway earns its keep when routing to several services; one deployable does not need it'],
        [lb, style !== 'Serverless' && style !== 'Microservices' ? 'chosen' : 'viable', 'TLS, WAF rules and health-checked routing; auth and per-user limits in middleware'],
      ]),
      chosen: choice,
      rationale: style === 'Microservices'
        ? 'Several services need the same authentication, rate limiting and routing; a gateway centralises it instead of every service re-implementing it.'
        : style === 'Serverless'
          ? 'Functions are invoked through a managed gateway that validates JWTs and throttles per client.'
          : 'With one deployable behind the load balancer, a separate gateway tier would be an extra hop; the WAF blocks abusive traffic at the edge and middleware applies per-user limits from Redis counters.',
      wouldChange: style === 'Microservices'
        ? 'Merging the services into one deployable would let the load balancer and the application\'s middleware do the gateway\'s work.'
        : style === 'Serverless'
          ? 'Moving the functions onto always-on containers would put a load balancer with a WAF in front instead.'
          : 'Splitting into several services would call for a gateway that routes and authenticates for all of them.',
      drivers: ['architecture-style', 'cloud'],
      significant: false,
      quotes: [],
      thresholds: [],
    };
  },
};
