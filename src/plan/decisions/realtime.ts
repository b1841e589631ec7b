import { chosen, type DecisionModule } from '../context.js';
import { n, options, quote } from './_util.js';

/** How pushes reach connected clients and how real-time nodes share them. */
export const realtime: DecisionModule = {
  id: 'realtime',
  title: 'Real-time delivery',
  question: 'How are updates pushed to connected clients, and how do real-time nodes share them?',
  decide(ctx) {
    if (!ctx.archetype.traits.realtime) return null;
    const conns = ctx.req.scale.concurrentUsers.value;
    const perNode = ctx.limits.wsConnectionsPerNode.value;
    const floor = ctx.req.availability.value >= 0.9995 ? 3 : 2;
    const nodes = Math.max(floor, Math.ceil(conns / perNode));
    const redis = (chosen(ctx, 'cache') ?? '').startsWith('Redis');
    return {
      considered: options([
        ['WebSocket + Redis pub/sub between nodes', redis ? 'chosen' : 'viable', 'bidirectional, low latency; Redis (already in the design) relays events to the node holding each socket'],
        ['WebSocket + NATS between nodes', redis ? 'viable' : 'chosen', 'subject-per-conversation fan-out at very high rates'],
        ['Server-Sent Events', 'viable', 'one-way only; typing indicators and sends would need separate requests'],
        ['Long polling', 'rejected', `${n(conns)} open requests re-established every few seconds cost more than persistent sockets`],
        ['Managed push service (e.g. AWS API Gateway WebSocket, Pusher)', 'viable', 'no sockets to run, but per-message pricing grows with traffic and adds a vendor'],
      ]),
      chosen: redis ? 'WebSocket gateway nodes with Redis pub/sub fan-out' : 'WebSocket gateway nodes with NATS fan-out',
      rationale: `${n(conns)} users are connected at peak. At ~${n(perNode)} connections per node that is ${nodes} node${nodes === 1 ? '' : 's'} (at least ${floor} across zones for redundancy). Nodes are stateless apart from their sockets: an event is published once and each node forwards it to the members it holds, so any client can reconnect to any node.`,
      wouldChange: 'Very large rooms (10k+ members) would move fan-out to pull-on-reconnect plus sampling; a team with no capacity to run sockets would use a managed push service.',
      drivers: ['scale.concurrentUsers', 'limits.wsConnectionsPerNode', 'cache'],
      significant: true,
      quotes: [quote('concurrent-users', conns), quote('ws-nodes', nodes), quote('limits.ws-connections-per-node', perNode)],
      thresholds: [],
    };
  },
};
