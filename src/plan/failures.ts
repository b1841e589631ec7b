import type { Component, DataStore, Design } from '../model/design.js';
import type { PlanContext } from './context.js';

type FailureMode = Design['failureModes'][number];

/** What fails, what users see, and what the design does about it: per component kind, plus the archetype's own. */
export function planFailureModes(ctx: PlanContext, components: Component[], stores: DataStore[]): FailureMode[] {
  const out: FailureMode[] = [];
  const p99 = ctx.req.latency.p99Ms.value;
  for (const c of components) {
    switch (c.kind) {
      case 'service':
        out.push({
          component: c.id,
          failure: `${c.name} instance crashes or hangs`,
          impact: 'Requests in flight on that instance fail; others are unaffected.',
          mitigation: `At least ${c.runtime?.replicas.min ?? 2} instances across zones; readiness probe removes a hung instance; clients retry idempotent calls with jittered backoff; PodDisruptionBudget keeps capacity during deploys.`,
          detection: '5xx rate and p99 latency per instance; liveness probe failures.',
        });
        out.push({
          component: c.id,
          failure: 'Traffic spike beyond capacity (e.g. 10× launch day)',
          impact: 'Latency climbs past the SLO, then timeouts.',
          mitigation: `Autoscaling between ${c.runtime?.replicas.min} and ${c.runtime?.replicas.max} instances; per-user rate limits return 429 with Retry-After; load shedding returns 503 before queues exceed the ${p99} ms budget.`,
          detection: 'Saturation (CPU, in-flight requests) and 429/503 rates.',
        });
        break;
      case 'gateway':
        out.push({
          component: c.id,
          failure: 'Edge misconfiguration or WAF false positives',
          impact: 'Legitimate requests blocked or routed wrongly: a total outage for affected routes.',
          mitigation: 'Configuration as code with review; WAF rules in count mode before block; staged rollout; instant rollback.',
          detection: 'Synthetic checks from outside; 4xx/5xx at the edge vs at the service.',
        });
        break;
      case 'identity':
        out.push({
          component: c.id,
          failure: 'Identity provider outage',
          impact: 'New sign-ins and token refreshes fail; existing access tokens keep working until they expire (15 min).',
          mitigation: 'JWTs validated locally from cached signing keys (JWKS cached for hours); refresh retried with backoff; status banner instead of logging users out.',
          detection: 'Sign-in error rate; JWKS fetch failures.',
        });
        break;
      case 'worker':
        out.push({
          component: c.id,
          failure: 'Poison message or failing downstream in a consumer',
          impact: 'One queue stalls; side effects (notifications, indexing) are delayed.',
          mitigation: 'Retries with exponential backoff, then a dead-letter queue after 5 attempts; consumers idempotent by event id; replay from the DLQ after the fix.',
          detection: 'Queue depth, age of oldest message, DLQ depth alerts.',
        });
        break;
      default:
        break;
    }
  }
  for (const s of stores) {
    switch (s.kind) {
      case 'relational':
        out.push({
          component: s.id,
          failure: 'Primary database fails or its zone goes down',
          impact: 'Writes fail for the failover time (typically 60–120 s on managed Multi-AZ); reads from replicas continue.',
          mitigation: 'Synchronous standby in another zone with automatic failover; the application retries connection errors with backoff; writes carry idempotency keys so retries do not duplicate.',
          detection: 'Connection errors, replication lag, failover events.',
        });
        out.push({
          component: s.id,
          failure: 'Slow query or missing index after a release',
          impact: 'Connection pool exhaustion; latency for every endpoint sharing the pool.',
          mitigation: 'statement_timeout per role; bulkhead pools; every access pattern has an index checked by `archie verify`; `archie diagnose` for pg_stat_statements and missing indexes.',
          detection: 'p99 per endpoint, pool wait time, pg_stat_statements top queries.',
        });
        out.push({
          component: s.id,
          failure: 'Data corruption or destructive mistake (bad migration, deleted rows)',
          impact: 'Lost or wrong data.',
          mitigation: 'Point-in-time recovery (7–35 days of WAL), daily snapshots copied to another region, expand-and-contract migrations, restore drills each quarter.',
          detection: 'Reconciliation checks, migration review, backup-restore test results.',
        });
        break;
      case 'cache':
        out.push({
          component: s.id,
          failure: 'Cache node lost or evicting',
          impact: 'Hit rate drops; the database takes the full read load (see Capacity: peak reads).',
          mitigation: 'Replica promotion; cache calls time out quickly and fail open to the database; request coalescing and jittered TTLs prevent stampedes on hot keys.',
          detection: 'Hit rate, evictions, database read rate.',
        });
        break;
      case 'queue':
      case 'stream':
      case 'pubsub':
        out.push({
          component: s.id,
          failure: 'Broker unavailable',
          impact: 'Events cannot be published; side effects pause.',
          mitigation: 'Transactional outbox: events are written in the same database transaction and relayed when the broker is back, so nothing is lost; 3-node cluster with quorum queues/replication.',
          detection: 'Outbox backlog size, publish errors, broker health.',
        });
        break;
      case 'search':
        out.push({
          component: s.id,
          failure: 'Search cluster degraded or index lagging',
          impact: 'Search results stale or unavailable; the rest of the product works.',
          mitigation: 'Search degrades to a "try again" state; indexing lag alerting; full reindex from the database.',
          detection: 'Indexing lag (event time vs indexed time), query errors.',
        });
        break;
      case 'object':
        out.push({
          component: s.id,
          failure: 'Object storage errors or throttling (503 Slow Down)',
          impact: 'Uploads or downloads fail; metadata is unaffected.',
          mitigation: 'Clients retry with backoff on pre-signed URLs; keys spread across prefixes; CDN serves cached downloads.',
          detection: 'Upload failure rate, 5xx from the storage API.',
        });
        break;
      case 'timeseries':
        out.push({
          component: s.id,
          failure: 'Ingest backlog on the time-series store',
          impact: 'Dashboards lag; devices keep sending.',
          mitigation: 'Buffer ingest through the broker; batch inserts; compression and retention policies keep chunks small.',
          detection: 'Ingest lag and rows/s vs the node limit.',
        });
        break;
      default:
        break;
    }
  }
  for (const f of ctx.archetype.failureModes) {
    const comp = components.find((c) => c.kind === (/socket|websocket|connect/i.test(f.failure) ? 'realtime' : 'service'))?.id ?? 'api';
    out.push({ component: comp, ...f });
  }
  if (ctx.req.geography.multiRegion || ctx.req.availability.value >= 0.9999) {
    out.push({
      component: 'edge',
      failure: 'Whole region unavailable',
      impact: 'Everything served from that region is down.',
      mitigation: 'Standby region with replicated data; DNS failover with health checks; runbook rehearsed twice a year; RPO seconds, RTO under 15 minutes.',
      detection: 'External synthetic checks from several regions.',
    });
  }
  return out;
}
