import { chosen, type DecisionModule } from '../context.js';
import { n, options, quote } from './_util.js';

/** REST for the public contract, WebSocket where clients need pushes, events between parts, gRPC only between services. */
export const communication: DecisionModule = {
  id: 'communication',
  title: 'Communication',
  question: 'How do clients talk to the system, and its parts to each other?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const services = chosen(ctx, 'architecture-style') === 'Microservices';
    const parts = ['REST over HTTPS (OpenAPI 3.1)'];
    if (t.realtime) parts.push('WebSocket for server pushes');
    parts.push('asynchronous events for side effects');
    if (services) parts.push('gRPC between services');
    return {
      considered: options([
        ['REST + OpenAPI', 'chosen', 'every client and tool speaks it; cacheable GETs; the contract is machine-checked'],
        ['GraphQL', 'viable', 'helps when many client shapes query a deep graph; here the resources are few and flat, and it complicates caching and rate limiting per operation'],
        ['gRPC', services ? 'chosen' : 'rejected', services ? 'typed, fast service-to-service calls with deadlines' : 'no service-to-service calls inside one deployable; browsers need a proxy for gRPC'],
        ['WebSocket', t.realtime ? 'chosen' : 'rejected', t.realtime ? 'low-latency pushes to connected clients in both directions' : 'no real-time requirement; polling or webhooks suffice'],
        ['Server-Sent Events', t.realtime ? 'viable' : 'rejected', 'simpler one-way push over HTTP; no client-to-server messages on the same connection'],
        ['Events on a broker', 'chosen', 'side effects (notifications, indexing) leave the request path and retry on their own'],
      ]),
      chosen: parts.join(' + '),
      rationale: `The public API is resource-oriented (${ctx.archetype.entities.filter((e) => !e.internal).length} resources), so REST with an OpenAPI contract fits and is checkable. ${t.realtime ? `${n(ctx.req.scale.concurrentUsers.value)} concurrently connected users need pushes within the latency target, which polling cannot give cheaply. ` : ''}Work that does not need to finish before the response (at ${n(ctx.load.peakWrites)} writes/s at peak) goes through events so that a slow consumer cannot slow the API.`,
      wouldChange: services
        ? 'Many heterogeneous clients composing data from many resources would favour GraphQL; merging the services back into one deployable would drop the service-to-service calls.'
        : 'Many heterogeneous clients composing data from many resources would favour GraphQL; splitting into services would add gRPC between them.',
      drivers: ['archetype.traits.realtime', 'scale.concurrentUsers', 'architecture-style'],
      significant: false,
      quotes: [quote('peak-write-rps', ctx.load.peakWrites), ...(t.realtime ? [quote('concurrent-users', ctx.req.scale.concurrentUsers.value)] : [])],
      thresholds: [],
    };
  },
};
