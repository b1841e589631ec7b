import { formatNumber } from '../brief/units.js';
import { LIMITS } from '../knowledge/limits.js';
import { TECHNOLOGIES, type Technology } from '../knowledge/technologies.js';
import type { CapacityFigure, Component, DataStore, EnvVar, Runtime } from '../model/design.js';
import type { CapacityPlan } from './capacity.js';
import { chosen, CONVENTIONS, type PlanContext } from './context.js';

/**
 * Components (what we run or call) and data stores (where state lives), with everything the
 * deployment artifacts need: images, ports, health checks, environment, replicas and resources
 * sized from the capacity plan.
 */

export interface Topology {
  components: Component[];
  dataStores: DataStore[];
}

const APP_PORT = 8080;
const RT_PORT = 8081;
const WORKER_PORT = 8082;

function storeRuntime(t: Technology, replicas: number, memMiB: number, cpuMillis: number): Runtime | null {
  if (!t.image || !t.port) return null;
  return {
    image: t.image,
    port: t.port,
    healthPath: null,
    readyPath: null,
    healthCommand: t.healthCommand,
    command: t.command,
    env: t.env.map((e) => ({ ...e })),
    replicas: { min: replicas, max: replicas },
    resources: { cpuRequestMillis: cpuMillis, cpuLimitMillis: cpuMillis * 2, memoryRequestMiB: memMiB, memoryLimitMiB: memMiB },
    volumePath: t.volumePath,
    targetCpuPercent: 70,
  };
}

// ---------------------------------------------------------------- store sizing

/** Overhead of a search index over the raw documents (inverted index, doc values, stored fields). */
const SEARCH_INDEX_OVERHEAD = 1.45;
/**
 * Password sign-ins per daily user per day (refresh tokens last about a week, so a user signs in
 * again about once a week), and seconds an access token lives before the client refreshes it.
 */
const SIGN_INS_PER_USER_PER_DAY = 1 / 7;
const TOKEN_LIFETIME_S = 900;

type Column = 'current' | 'sixMonths' | 'oneYear';

/** The value of a figure at a column, or at a horizon in months (for the brief's own horizons). */
function valueAt(f: CapacityFigure, col: Column | number): number {
  if (typeof col === 'number') return f.horizons.find((h) => h.months === col)?.value ?? f.oneYear;
  return f[col];
}

/**
 * The node counts of the stores and fleets the decisions chose, as capacity figures with their
 * formulas: the data stores, the cost lines and the deployment decision all read these, so the
 * document says one number for each. Each is evaluated per column from the figures it uses.
 */
export function sizingFigures(ctx: PlanContext, cap: Pick<CapacityPlan, 'figures'>): CapacityFigure[] {
  const known = new Map(cap.figures.map((f) => [f.id, f]));
  const out: CapacityFigure[] = [];
  const add = (id: string, group: CapacityFigure['group'], label: string, unit: string, formula: string, inputs: string[], fn: (v: (id: string) => number) => number) => {
    if (known.has(id)) return;
    const at = (col: Column | number) => fn((x) => {
      const f = known.get(x);
      return f ? valueAt(f, col) : 0;
    });
    const fig: CapacityFigure = {
      id, group, label, unit, formula, inputs,
      current: at('current'), sixMonths: at('sixMonths'), oneYear: at('oneYear'),
      horizons: ctx.req.horizonsMonths.map((months) => ({ months, value: at(months) })),
    };
    out.push(fig);
    known.set(id, fig);
  };
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const s = ctx.req.scale;
  const target = ctx.req.availability.value;
  const primaryDb = chosen(ctx, 'primary-database') ?? 'PostgreSQL';
  const cassandra = primaryDb === 'Apache Cassandra';

  add('db-peak-reads', 'database', 'Peak database reads/s (after the cache)', 'reads/s', 'peak reads/s × (1 − cache hit rate)',
    ['peak-read-rps', 'cache-hit-rate'], (v) => r1(v('peak-read-rps') * (1 - v('cache-hit-rate') / 100)));
  add('db-nodes', 'database', 'PostgreSQL nodes (primaries, standbys, read replicas)', 'nodes',
    cassandra ? '1 primary + 1 standby for the reference data (the high-write data is in Cassandra) + read replicas' : '2 × write primaries (each with its Multi-AZ standby) + read replicas',
    ['db-write-primaries', 'db-read-replicas'], (v) => 2 * (cassandra ? 1 : Math.max(1, v('db-write-primaries'))) + v('db-read-replicas'));

  if (ctx.archetype.traits.fullTextSearch) {
    const share = searchReadShare(ctx);
    const docShare = searchableWriteShare(ctx);
    add('search-peak-qps', 'load', 'Searches/s at peak', 'queries/s', `peak reads/s × ${formatNumber(share, 3)} share of reads that are searches`,
      ['peak-read-rps', 'archetype.accessPatterns'], (v) => r1(v('peak-read-rps') * share));
    add('search-documents', 'storage', 'Searchable documents', 'records', `records stored × ${formatNumber(docShare, 2)} share of writes that create a searchable record`,
      ['records-stored', 'archetype.entities'], (v) => Math.round(v('records-stored') * docShare));
  }
  const search = chosen(ctx, 'search');
  if (search === 'OpenSearch') {
    const qps = LIMITS.searchQpsPerNode.value;
    const gb = LIMITS.searchStoragePerNode.value;
    const docs = LIMITS.searchDocsPerNode.value;
    add('search-index-size', 'storage', 'Search index (primary and replica shards)', 'GB',
      `searchable documents × record size × ${SEARCH_INDEX_OVERHEAD} index overhead × 2 copies ÷ 10^9`, ['search-documents', 'scale.recordBytes'],
      (v) => r1((v('search-documents') * s.recordBytes.value * SEARCH_INDEX_OVERHEAD * 2) / 1e9));
    add('search-nodes', 'storage', 'Search nodes', 'nodes',
      `max(3, ⌈searches/s ÷ ${formatNumber(qps)}⌉, ⌈index ÷ ${formatNumber(gb)} GB⌉, ⌈peak writes/s ÷ ${formatNumber(docs)} docs/s⌉) per node`,
      ['search-peak-qps', 'search-index-size', 'peak-write-rps', 'limits.search-qps-per-node', 'limits.search-storage-per-node'],
      (v) => Math.max(3, Math.ceil(v('search-peak-qps') / qps), Math.ceil(v('search-index-size') / gb), Math.ceil(v('peak-write-rps') / docs)));
  }

  const broker = chosen(ctx, 'messaging');
  if (broker === 'Apache Kafka') {
    const per = LIMITS.kafkaMsgsPerBroker.value;
    add('broker-nodes', 'messaging', 'Kafka brokers', 'brokers', `max(3 for replication factor 3, ⌈peak events/s ÷ ${formatNumber(per)} msg/s per broker⌉)`,
      ['queue-peak', 'limits.kafka-msgs-per-broker'], (v) => Math.max(3, Math.ceil(v('queue-peak') / per)));
  } else if (broker === 'RabbitMQ') {
    const per = LIMITS.rabbitMsgsPerNode.value;
    const ha = target >= 0.9995;
    add('broker-nodes', 'messaging', 'RabbitMQ brokers', 'brokers',
      ha ? `max(3 for quorum queues across zones (availability target ≥ 99.95%), ⌈peak events/s ÷ ${formatNumber(per)} msg/s per node⌉)`
        : `⌈peak events/s ÷ ${formatNumber(per)} msg/s per node⌉; one broker while that is 1 (the outbox holds events while it restarts), else at least 3 for quorum queues`,
      ['queue-peak', 'limits.rabbit-msgs-per-node', 'availability'],
      (v) => {
        const need = Math.max(1, Math.ceil(v('queue-peak') / per));
        return ha || need > 1 ? Math.max(3, need) : 1;
      });
  }
  if (broker) {
    const per = LIMITS.workerMsgsPerInstance.value;
    add('worker-instances', 'compute', 'Background workers', 'instances', `max(2 across zones, ⌈peak events/s ÷ ${formatNumber(per)} msg/s per worker⌉)`,
      ['queue-peak', 'limits.worker-msgs-per-instance'], (v) => Math.max(2, Math.ceil(v('queue-peak') / per)));
  }
  if ((chosen(ctx, 'auth') ?? '').includes('Keycloak')) {
    const signIns = LIMITS.keycloakSignInsPerVcpu.value;
    const refreshes = LIMITS.keycloakRefreshesPerVcpu.value;
    const pf = s.peakFactor.value;
    add('identity-nodes', 'compute', 'Keycloak instances (1 vCPU each)', 'instances',
      `max(2, ⌈DAU ÷ 7 (a sign-in a week) ÷ 86,400 s × peak ${formatNumber(pf, 1)} ÷ ${signIns} + concurrent users ÷ ${TOKEN_LIFETIME_S} s ÷ ${refreshes}⌉) vCPU`,
      ['dau', 'concurrent-users', 'scale.peakFactor', 'limits.keycloak-sign-ins-per-vcpu', 'limits.keycloak-refreshes-per-vcpu'],
      (v) => Math.max(2, Math.ceil((v('dau') * SIGN_INS_PER_USER_PER_DAY * pf) / CONVENTIONS.secondsPerDay / signIns + v('concurrent-users') / TOKEN_LIFETIME_S / refreshes)));
  }
  if (cassandra) {
    const per = LIMITS.wideColumnWritesPerNode.value;
    add('wide-column-nodes', 'database', 'Cassandra nodes', 'nodes', `max(3, ⌈peak writes/s × 3 replicas ÷ ${formatNumber(per)} writes/s per node⌉)`,
      ['peak-write-rps', 'limits.wide-column-writes-per-node'], (v) => Math.max(3, Math.ceil((v('peak-write-rps') * 3) / per)));
  }
  if (chosen(ctx, 'timeseries')) {
    const per = LIMITS.tsdbRowsPerNode.value;
    add('tsdb-nodes', 'database', 'TimescaleDB nodes (each primary with an HA replica)', 'nodes', `2 × max(1, ⌈peak rows/s ÷ ${formatNumber(per)} rows/s per node⌉)`,
      ['peak-write-rps', 'limits.tsdb-rows-per-node'], (v) => 2 * Math.max(1, Math.ceil(v('peak-write-rps') / per)));
  }
  const style = chosen(ctx, 'architecture-style') ?? 'Modular monolith';
  if (style !== 'Serverless') {
    const services = style === 'Microservices' ? ctx.archetype.domains.length : 1;
    const realtime = ctx.archetype.traits.realtime;
    add('fleet-instances', 'compute', 'Instances the platform runs at peak (all deployables)', 'instances',
      `${services > 1 ? `${services} services × ` : ''}API instances${realtime ? ' + real-time nodes' : ''}${broker ? ' + background workers' : ''}`,
      ['app-instances', ...(realtime ? ['ws-nodes'] : []), ...(broker ? ['worker-instances'] : [])],
      (v) => services * v('app-instances') + (realtime ? v('ws-nodes') : 0) + (broker ? v('worker-instances') : 0));
  }
  return out;
}

export function searchReadShare(ctx: PlanContext): number {
  // Share of all reads that are searches: the search patterns' shares weighted equally per entity.
  const ents = ctx.archetype.entities;
  const search = ents.flatMap((e) => e.accessPatterns.filter((p) => p.filters.some((f) => f.op === 'match')).map((p) => p.share));
  if (search.length === 0) return 0;
  return Math.min(0.5, search.reduce((a, b) => a + b, 0) / ents.length);
}

/**
 * Share of writes that create a row of an entity users search by text, from the archetype's
 * entities (1 when the archetype does not say how its writes split).
 */
export function searchableWriteShare(ctx: PlanContext): number {
  const ents = ctx.archetype.entities;
  const split = ents.filter((e) => 'writeShare' in e.rows);
  if (split.length === 0) return 1;
  const share = split.filter((e) => e.accessPatterns.some((p) => p.filters.some((f) => f.op === 'match'))).reduce((t, e) => t + ('writeShare' in e.rows ? e.rows.writeShare : 0), 0);
  return share > 0 ? Math.min(1, share) : 1;
}

/** The capacity plan with the sizing figures added (idempotent). */
export function withSizing(ctx: PlanContext, cap: CapacityPlan): CapacityPlan {
  const extra = sizingFigures(ctx, cap);
  if (extra.length === 0) return cap;
  const figures = [...cap.figures, ...extra];
  const byId = new Map(figures.map((f) => [f.id, f]));
  return {
    figures,
    get(id) {
      const f = byId.get(id);
      if (!f) throw new Error(`capacity figure ${id} missing`);
      return f;
    },
  };
}

/** The value of a figure, or `fallback` when the plan has none by that id. */
export function figureOr(cap: Pick<CapacityPlan, 'figures'>, id: string, col: Column, fallback: number): number {
  const f = cap.figures.find((x) => x.id === id);
  return f ? f[col] : fallback;
}

export function planTopology(ctx: PlanContext, cap: CapacityPlan): Topology {
  const req = ctx.req;
  const t = ctx.archetype.traits;
  const cloud = req.cloud.value === 'any' ? 'aws' : req.cloud.value;
  const style = chosen(ctx, 'architecture-style') ?? 'Modular monolith';
  const stores: DataStore[] = [];

  // ---------------------------------------------------------------- data stores
  const primary = chosen(ctx, 'primary-database') ?? 'PostgreSQL';
  const pg = TECHNOLOGIES.postgresql;
  const replicas = cap.get('db-read-replicas');
  const primaries = cap.get('db-write-primaries');
  const strongCore = t.money || t.contention || t.audit;
  stores.push({
    id: 'postgres',
    name: 'Primary database',
    kind: 'relational',
    technology: pg.name,
    managed: pg.managed[cloud],
    useCase: `System of record: ${ctx.archetype.entities.filter((e) => e.store !== 'timeseries').map((e) => e.table).join(', ')}`,
    consistency: 'strong',
    consistencyReason: strongCore ? 'transactions protect money, stock or bookings from lost updates and double use' : 'the source of truth; owners read their own writes from the primary',
    holds: ctx.archetype.entities.filter((e) => e.store !== 'timeseries').map((e) => e.name),
    scaling: primaries.oneYear > 1 && primary !== 'Apache Cassandra'
      ? `Sharded by ${t.multiTenant ? 'tenant' : 'user'} id (Citus distributed tables): ${primaries.current} write primar${primaries.current === 1 ? 'y' : 'ies'} at launch, ${primaries.oneYear} by 1 year, each with a Multi-AZ standby; ${replicas.oneYear > 0 ? `${replicas.oneYear} read replica(s) by 1 year` : 'read replicas when reads outgrow the primaries'}; monthly range partitions for append-heavy tables`
      : `Vertical first; ${replicas.oneYear > 0 ? `${replicas.oneYear} read replica(s) by 1 year` : 'read replicas when reads outgrow one node'}; monthly range partitions for append-heavy tables; shard by ${t.multiTenant ? 'tenant' : 'user'} id past ~${formatNumber(ctx.limits.pgWritesPerPrimary.value)} writes/s`,
    runtime: storeRuntime(pg, 1, 1024, 500),
    sla: pg.sla,
    nodes: cap.get('db-nodes').current,
    sizing: { figure: 'db-nodes', factor: 1 },
  });
  if (primary === 'Apache Cassandra') {
    const c = TECHNOLOGIES.cassandra;
    stores.push({
      id: 'cassandra', name: 'High-write store', kind: 'wide-column', technology: c.name, managed: c.managed[cloud],
      useCase: 'Append-heavy records partitioned by owner and time', consistency: 'eventual',
      consistencyReason: 'LOCAL_QUORUM reads and writes give read-your-writes within a region',
      holds: ctx.archetype.entities.filter((e) => e.partitioned).map((e) => e.name),
      scaling: 'Add nodes; replication factor 3 per region', runtime: storeRuntime(c, 1, 2048, 1000), sla: c.sla,
      nodes: cap.get('wide-column-nodes').current, sizing: { figure: 'wide-column-nodes', factor: 1 },
    });
  }
  const cacheChoice = chosen(ctx, 'cache') ?? '';
  if (cacheChoice.startsWith('Redis')) {
    const r = TECHNOLOGIES.redis;
    const nodes = cap.get('cache-nodes');
    stores.push({
      id: 'redis', name: 'Cache', kind: 'cache', technology: r.name, managed: r.managed[cloud],
      useCase: cacheChoice.replace(/^Redis:\s*/, '').replace(/; TTL.*$/, ''),
      consistency: 'eventual', consistencyReason: 'entries may be stale for up to one TTL; the database stays the source of truth',
      holds: ['hot entities', 'rate-limit counters', 'idempotency keys', ...(t.realtime ? ['presence'] : []), ...(t.ranking ? ['leaderboards'] : [])],
      scaling: `${nodes.current} primar${nodes.current === 1 ? 'y' : 'ies'} with replicas now, ${nodes.oneYear} by 1 year; cluster mode shards keys by hash slot`,
      runtime: storeRuntime(r, 1, 512, 250), sla: r.sla, nodes: nodes.current * 2, sizing: { figure: 'cache-nodes', factor: 2 },
    });
  }
  const broker = chosen(ctx, 'messaging');
  if (broker) {
    const tech = broker === 'Apache Kafka' ? TECHNOLOGIES.kafka : broker === 'Amazon SQS/SNS' ? TECHNOLOGIES.sqs : TECHNOLOGIES.rabbitmq;
    const id = broker === 'Apache Kafka' ? 'kafka' : broker === 'Amazon SQS/SNS' ? 'sqs' : 'rabbitmq';
    const brokers = id === 'sqs' ? 1 : cap.get('broker-nodes').current;
    const brokersYear = id === 'sqs' ? 1 : cap.get('broker-nodes').oneYear;
    stores.push({
      id, name: 'Message broker', kind: tech.kind as DataStore['kind'], technology: tech.name, managed: tech.managed[cloud],
      useCase: `Events: ${ctx.archetype.events.map((e) => e.name).join(', ') || 'side effects'}; work queues with dead-lettering`,
      consistency: 'eventual', consistencyReason: 'consumers process events after the request commits (transactional outbox), at least once',
      holds: ctx.archetype.events.map((e) => e.name),
      scaling: id === 'kafka'
        ? `Partitions by entity key; ${brokers} brokers at launch, ${brokersYear} by 1 year, added with throughput`
        : id === 'sqs' ? 'Managed; scales automatically'
          : brokers === 1 ? 'One broker with durable queues (the transactional outbox keeps events while it restarts); a 3-node quorum-queue cluster when the rate or the availability target needs it; more consumers per queue'
            : `Quorum queues on a ${brokers}-node cluster${brokersYear > brokers ? ` (${brokersYear} by 1 year)` : ''}; more consumers per queue`,
      runtime: storeRuntime(tech, 1, 512, 250), sla: tech.sla,
      nodes: id === 'sqs' ? 1 : brokers, sizing: id === 'sqs' ? null : { figure: 'broker-nodes', factor: 1 },
    });
  }
  const searchChoice = chosen(ctx, 'search');
  if (searchChoice && !searchChoice.startsWith('PostgreSQL')) {
    const tech = searchChoice === 'Meilisearch' ? TECHNOLOGIES.meilisearch : TECHNOLOGIES.elasticsearch;
    stores.push({
      id: tech.id, name: 'Search index', kind: 'search', technology: tech.name, managed: tech.managed[cloud],
      useCase: 'Full-text search over ' + ctx.archetype.entities.filter((e) => e.accessPatterns.some((p) => p.filters.some((f) => f.op === 'match'))).map((e) => e.table).join(', '),
      consistency: 'eventual', consistencyReason: 'indexed from change events within seconds; rebuilt from the database when needed',
      holds: ctx.archetype.entities.filter((e) => e.accessPatterns.some((p) => p.filters.some((f) => f.op === 'match'))).map((e) => e.name),
      scaling: tech.id === 'meilisearch' ? 'One node (Meilisearch does not cluster); larger instance as the index grows' : `Shards and replicas: ${cap.get('search-nodes').current} nodes at launch, ${cap.get('search-nodes').oneYear} by 1 year, sized by query rate and index size`,
      runtime: storeRuntime(tech, 1, 1024, 500), sla: tech.sla,
      nodes: tech.id === 'meilisearch' ? 1 : cap.get('search-nodes').current, sizing: tech.id === 'meilisearch' ? null : { figure: 'search-nodes', factor: 1 },
    });
  }
  if (chosen(ctx, 'timeseries')) {
    const tech = TECHNOLOGIES.timescaledb;
    stores.push({
      id: 'timescaledb', name: 'Time-series store', kind: 'timeseries', technology: tech.name, managed: tech.managed[cloud],
      useCase: 'Measurements by device and time; continuous aggregates for dashboards', consistency: 'eventual',
      consistencyReason: 'measurements are appended once; aggregates refresh on a schedule',
      holds: ctx.archetype.entities.filter((e) => e.store === 'timeseries').map((e) => e.name),
      scaling: 'Hypertable chunks by time; compression after 7 days; retention policy drops old chunks', runtime: storeRuntime(tech, 1, 1024, 500), sla: tech.sla,
      nodes: cap.get('tsdb-nodes').current, sizing: { figure: 'tsdb-nodes', factor: 1 },
    });
  }
  if (chosen(ctx, 'object-storage')) {
    const tech = TECHNOLOGIES.s3;
    stores.push({
      id: 'object-storage', name: 'Object storage', kind: 'object', technology: tech.managed[cloud], managed: tech.managed[cloud],
      useCase: 'Uploaded media and files, addressed by object key', consistency: 'strong',
      consistencyReason: 'S3 gives read-after-write consistency for new objects',
      holds: ['uploaded objects'], scaling: 'Unlimited; spread keys across prefixes above 3,500 PUT/s',
      runtime: storeRuntime(tech, 1, 512, 250), sla: tech.sla, nodes: 1, sizing: null,
    });
  }

  // ---------------------------------------------------------------- components
  const components: Component[] = [];
  const storeIds = stores.map((x) => x.id);
  const idp = (chosen(ctx, 'auth') ?? '').match(/via (.+?);/)?.[1] ?? 'OIDC provider';
  const gateway = chosen(ctx, 'api-gateway') ?? 'Load balancer';
  const cdn = chosen(ctx, 'cdn');
  const useCdn = cdn !== undefined && !cdn.startsWith('No CDN');
  const instances = cap.get('app-instances');

  components.push({
    id: 'clients', name: 'Clients', kind: 'client', technology: 'Web and mobile apps', purpose: 'Call the API over HTTPS' + (t.realtime ? ' and hold a WebSocket for pushes' : ''),
    scaling: 'n/a', domains: [], dependsOn: [useCdn ? 'cdn' : 'edge', ...(t.realtime ? ['realtime'] : [])].filter((v, i, a) => a.indexOf(v) === i), runtime: null, sla: 1,
  });
  if (useCdn) {
    components.push({
      id: 'cdn', name: 'CDN', kind: 'cdn', technology: cdn!, purpose: 'Serve media and cacheable content from the edge', scaling: 'Managed, global',
      domains: [], dependsOn: ['edge', ...(storeIds.includes('object-storage') ? ['object-storage'] : [])], runtime: null, sla: 0.999,
    });
  }
  components.push({
    id: 'edge', name: 'Edge / API gateway', kind: 'gateway', technology: gateway, purpose: 'TLS termination, WAF, routing, coarse rate limits',
    scaling: 'Managed; scales with traffic', domains: [], dependsOn: ['api'], runtime: null, sla: 0.9999,
  });
  const selfHostedIdp = idp.startsWith('Keycloak');
  components.push({
    id: 'identity', name: 'Identity provider', kind: 'identity', technology: idp, purpose: 'Sign-in, MFA, OAuth 2.1/OIDC tokens',
    scaling: selfHostedIdp
      ? 'Keycloak Operator on the cluster: 2+ replicas behind the edge, its own PostgreSQL database; scale on sign-in rate'
      : 'Managed by the provider',
    domains: ['identity'], dependsOn: [], runtime: null, sla: 0.999,
  });

  const apiEnv: EnvVar[] = [
    { name: 'PORT', source: 'config', value: String(APP_PORT), description: 'HTTP port.', fileVariable: null },
    { name: 'LOG_LEVEL', source: 'config', value: 'info', description: 'Structured JSON log level.', fileVariable: null },
    { name: 'OIDC_ISSUER_URL', source: 'config', value: 'https://auth.example.com/', description: 'Token issuer whose keys validate JWTs.', fileVariable: null },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', source: 'config', value: 'http://otel-collector:4317', description: 'Where traces and metrics go.', fileVariable: null },
    { name: 'DATABASE_URL', source: 'secret', value: 'database-url', description: 'PostgreSQL connection string (via PgBouncer in production).', fileVariable: 'DATABASE_URL_FILE' },
    { name: 'DATABASE_POOL_SIZE', source: 'config', value: String(cap.get('db-pool-per-instance').current), description: 'Connections per instance, from the capacity plan (Little\'s law).', fileVariable: null },
  ];
  if (storeIds.includes('redis')) apiEnv.push({ name: 'REDIS_URL', source: 'secret', value: 'redis-url', description: 'Cache, rate limits, idempotency keys.', fileVariable: 'REDIS_URL_FILE' });
  if (storeIds.includes('rabbitmq')) apiEnv.push({ name: 'AMQP_URL', source: 'secret', value: 'amqp-url', description: 'Broker for events and work queues.', fileVariable: 'AMQP_URL_FILE' });
  if (storeIds.includes('kafka')) apiEnv.push({ name: 'KAFKA_BROKERS', source: 'config', value: 'kafka:9092', description: 'Kafka bootstrap servers.', fileVariable: null });
  if (storeIds.includes('sqs')) apiEnv.push({ name: 'EVENTS_TOPIC_ARN', source: 'config', value: 'arn:aws:sns:region:account:events', description: 'SNS topic for events.', fileVariable: null });
  if (storeIds.includes('opensearch')) apiEnv.push({ name: 'SEARCH_URL', source: 'secret', value: 'search-url', description: 'Search cluster endpoint.', fileVariable: 'SEARCH_URL_FILE' });
  if (storeIds.includes('meilisearch')) apiEnv.push({ name: 'MEILI_URL', source: 'config', value: 'http://meilisearch:7700', description: 'Search endpoint.', fileVariable: null }, { name: 'MEILI_API_KEY', source: 'secret', value: 'meili-api-key', description: 'Search API key.', fileVariable: 'MEILI_API_KEY_FILE' });
  if (storeIds.includes('timescaledb')) apiEnv.push({ name: 'TSDB_URL', source: 'secret', value: 'tsdb-url', description: 'TimescaleDB connection string.', fileVariable: 'TSDB_URL_FILE' });
  if (storeIds.includes('object-storage')) apiEnv.push({ name: 'OBJECT_BUCKET', source: 'config', value: 'media', description: 'Bucket for uploads.', fileVariable: null }, { name: 'OBJECT_STORE_CREDENTIALS', source: 'secret', value: 'object-store-credentials', description: 'Access to the bucket (workload identity in production).', fileVariable: 'OBJECT_STORE_CREDENTIALS_FILE' });

  const maxReplicas = (v: number, floor: number) => Math.max(floor + 1, Math.ceil(v * 1.5));
  const appDomains = ctx.archetype.domains;
  const minApi = instances.current;
  const apiRuntime = (port: number): Runtime => ({
    image: 'ghcr.io/example/api:1.0.0',
    port,
    healthPath: '/healthz',
    readyPath: '/readyz',
    healthCommand: null,
    command: null,
    env: apiEnv.map((e) => (e.name === 'PORT' ? { ...e, value: String(port) } : e)),
    replicas: { min: minApi, max: maxReplicas(instances.oneYear, minApi) },
    resources: { cpuRequestMillis: 1000, cpuLimitMillis: 1000, memoryRequestMiB: 512, memoryLimitMiB: 1024 },
    volumePath: null,
    targetCpuPercent: 60,
  });
  // Every store whose connection settings the service reads is a dependency (object storage too).
  const dataDeps = stores.map((x) => x.id);
  if (style === 'Microservices') {
    // One service per bounded context; each owns its tables. Ports stay unique for local runs.
    appDomains.forEach((domain, i) => {
      components.push({
        id: `${domain}-service`.replace(/[^a-z0-9-]/g, '-'),
        name: `${domain[0]!.toUpperCase()}${domain.slice(1)} service`,
        kind: 'service', technology: 'TypeScript on Node.js 20 (Fastify)', purpose: `Owns the ${domain} context: its API and its tables`,
        scaling: 'Horizontal, HPA on CPU', domains: [domain], dependsOn: dataDeps,
        runtime: { ...apiRuntime(APP_PORT + 10 * (i + 1)), image: `ghcr.io/example/${domain}-service:1.0.0` },
        sla: 0.99,
      });
    });
    components.find((c) => c.id === 'edge')!.dependsOn = components.filter((c) => c.kind === 'service').map((c) => c.id);
  } else {
    components.push({
      id: 'api', name: style === 'Serverless' ? 'API functions' : 'API service', kind: 'service',
      technology: style === 'Serverless' ? 'TypeScript functions on Node.js 20' : 'TypeScript on Node.js 20 (Fastify)',
      purpose: `${style === 'Modular monolith' ? 'Modular monolith with modules' : 'Handles'} ${appDomains.join(', ')}: REST API, validation, authorization, transactions`,
      scaling: `Horizontal behind the load balancer: ${instances.current} instances at launch, ${instances.oneYear} by 1 year; HPA on CPU at 60%`,
      domains: appDomains, dependsOn: [...dataDeps, 'identity'], runtime: apiRuntime(APP_PORT), sla: 0.99,
    });
  }
  if (t.realtime) {
    const ws = cap.get('ws-nodes');
    const rtDeps = storeIds.includes('redis') ? ['redis'] : storeIds.includes('kafka') ? ['kafka'] : [];
    components.push({
      id: 'realtime', name: 'Real-time gateway', kind: 'realtime', technology: 'WebSocket server on Node.js 20 (ws)',
      purpose: 'Holds client WebSockets, authenticates them, forwards sends to the API and pushes events to members',
      scaling: `Horizontal by connections: ${ws.current} nodes at launch, ${ws.oneYear} by 1 year; drain on deploy`,
      domains: ['realtime'], dependsOn: [...rtDeps, style === 'Microservices' ? components.find((c) => c.kind === 'service')!.id : 'api'],
      runtime: {
        image: 'ghcr.io/example/realtime:1.0.0', port: RT_PORT, healthPath: '/healthz', readyPath: '/readyz', healthCommand: null, command: null,
        env: [
          { name: 'PORT', source: 'config', value: String(RT_PORT), description: 'WebSocket and health port.', fileVariable: null },
          { name: 'OIDC_ISSUER_URL', source: 'config', value: 'https://auth.example.com/', description: 'Token issuer for socket authentication.', fileVariable: null },
          ...apiEnv.filter((e) => e.name === 'REDIS_URL' || e.name === 'KAFKA_BROKERS'),
          { name: 'API_URL', source: 'config', value: `http://api:${APP_PORT}`, description: 'Internal API for sends.', fileVariable: null },
        ],
        replicas: { min: ws.current, max: maxReplicas(ws.oneYear, ws.current) },
        resources: { cpuRequestMillis: 1000, cpuLimitMillis: 2000, memoryRequestMiB: 2048, memoryLimitMiB: 4096 },
        volumePath: null, targetCpuPercent: 60,
      },
      sla: 0.99,
    });
  }
  if (broker) {
    const brokerId = stores.find((x) => x.name === 'Message broker')!.id;
    components.push({
      id: 'worker', name: 'Background workers', kind: 'worker', technology: 'TypeScript on Node.js 20',
      purpose: `Consume ${ctx.archetype.events.map((e) => e.name).join(', ') || 'events'}: side effects, notifications${stores.some((x) => x.kind === 'search') ? ', search indexing' : ''}; retries with backoff, dead-letter after 5 attempts`,
      scaling: 'Horizontal by queue depth (KEDA or HPA on an external metric)', domains: appDomains,
      dependsOn: [brokerId, 'postgres', ...stores.filter((x) => x.kind === 'cache' || x.kind === 'search' || x.kind === 'timeseries' || x.kind === 'object').map((x) => x.id)],
      runtime: {
        image: 'ghcr.io/example/worker:1.0.0', port: WORKER_PORT, healthPath: '/healthz', readyPath: '/readyz', healthCommand: null, command: null,
        env: apiEnv.map((e) => (e.name === 'PORT' ? { ...e, value: String(WORKER_PORT), description: 'Health and metrics port.' } : e)),
        replicas: { min: cap.get('worker-instances').current, max: maxReplicas(cap.get('worker-instances').oneYear, cap.get('worker-instances').current) },
        resources: { cpuRequestMillis: 500, cpuLimitMillis: 1000, memoryRequestMiB: 512, memoryLimitMiB: 1024 },
        volumePath: null, targetCpuPercent: 70,
      },
      sla: 0.99,
    });
  }
  return { components, dataStores: stores };
}
