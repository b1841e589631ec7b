import { formatNumber, formatPercent } from '../brief/units.js';
import { LIMITS } from '../knowledge/limits.js';
import { EC2, ELASTICACHE, HOURS_PER_MONTH, PRICE_TABLE, RDS_POSTGRES, UNIT_PRICES, type InstanceSize } from '../knowledge/prices.js';
import type { Component, Cost, CostLine, CostVariant, DataStore } from '../model/design.js';
import { compose, pathChain, strategyOf, type PathOverrides, type Strategy } from './availability.js';
import type { CapacityPlan } from './capacity.js';
import { withSizing } from './components.js';
import { chosen, CONVENTIONS, type PlanContext } from './context.js';

/**
 * Monthly cost of the proposed deployment from the dated price table. Every line that grows with
 * the load is priced from a capacity figure (its `basis`: quantity = max(floor, figure × factor +
 * offset)) at launch, 6 months and 1 year; only the fixed items (a control plane, a load balancer,
 * NAT gateways) have no basis. When the brief states a budget the design exceeds, a cheaper
 * variant is built by applying economies in order of what they give up, until it fits.
 */

type Column = 'current' | 'sixMonths' | 'oneYear';
type Basis = NonNullable<CostLine['basis']>;

/** Amazon RDS SLA for a Single-AZ instance (Multi-AZ: 99.95 %). */
const SINGLE_AZ_DB_SLA = 0.995;
/** Jobs/s a table queue polled with FOR UPDATE SKIP LOCKED takes on the primary without a broker. */
const TABLE_QUEUE_MAX = 500;

function smallest(sizes: InstanceSize[], ok: (s: InstanceSize) => boolean): InstanceSize {
  return sizes.find(ok) ?? sizes[sizes.length - 1]!;
}

function money(v: number): number {
  return Math.round(v * 100) / 100;
}

const hourly = (usdPerHour: number) => money(usdPerHour * HOURS_PER_MONTH);

/** What is priced: the preferred design, or a variant of it. */
interface Shape {
  components: Component[];
  stores: DataStore[];
  serverless: boolean;
  k8s: boolean;
  strategy: Strategy;
  natGateways: number;
  dbMultiAz: boolean;
  /** `managed` prices MAU above the free tier; `keycloak` prices instances. */
  identity: 'managed' | 'keycloak' | 'none';
  idpName: string;
  /** Background consumers run inside the API instances (no worker fleet). */
  workersInProcess: boolean;
  /** Identity instances are sized by the plan (Keycloak chosen) or fixed at the HA minimum (a variant). */
  keycloakSized: boolean;
}

function preferredShape(ctx: PlanContext, components: Component[], stores: DataStore[]): Shape {
  const idp = components.find((c) => c.kind === 'identity');
  const keycloak = idp !== undefined && idp.technology.startsWith('Keycloak');
  return {
    components,
    stores,
    serverless: chosen(ctx, 'architecture-style') === 'Serverless',
    k8s: (chosen(ctx, 'deployment') ?? '').includes('Kubernetes'),
    strategy: strategyOf(chosen(ctx, 'topology')),
    natGateways: 2,
    dbMultiAz: true,
    identity: idp ? (keycloak ? 'keycloak' : 'managed') : 'none',
    idpName: idp?.technology ?? '',
    workersInProcess: false,
    keycloakSized: keycloak,
  };
}

function priceLines(ctx: PlanContext, cap: CapacityPlan, shape: Shape, col: Column): CostLine[] {
  const lines: CostLine[] = [];
  const has = (id: string) => cap.figures.some((f) => f.id === id);
  const fig = (id: string) => cap.figures.find((f) => f.id === id)?.[col] ?? 0;
  const quantityOf = (b: Basis) => Math.max(b.floor, fig(b.figure) * b.factor + b.offset);
  const basis = (figure: string, factor = 1, offset = 0, floor = 0): Basis => ({ figure, factor, offset, floor });
  /** A line whose quantity follows a capacity figure. */
  const sized = (item: string, target: string, unit: string, unitPriceUsd: number, b: Basis, formula: string) => {
    const quantity = money(quantityOf(b));
    if (quantity <= 0) return;
    lines.push({ item, target, quantity, unit, unitPriceUsd, monthlyUsd: money(quantity * unitPriceUsd), basis: b, formula });
  };
  /** A fixed line: the same at every load. */
  const fixed = (item: string, target: string, quantity: number, unit: string, unitPriceUsd: number, formula: string) => {
    lines.push({ item, target, quantity, unit, unitPriceUsd, monthlyUsd: money(quantity * unitPriceUsd), basis: null, formula });
  };
  const cassandra = shape.stores.some((s) => s.id === 'cassandra');

  // Compute: containers priced per vCPU-hour and GiB-hour, one line per deployable.
  for (const c of shape.components) {
    if (!c.runtime || c.kind === 'client') continue;
    if (shape.serverless && c.kind === 'service') continue;
    if (c.kind === 'worker' && shape.workersInProcess) continue;
    const vcpu = c.runtime.resources.cpuRequestMillis / 1000;
    const gib = c.runtime.resources.memoryRequestMiB / 1024;
    const perInstance = money((vcpu * UNIT_PRICES.vcpuHour + gib * UNIT_PRICES.gibHour) * HOURS_PER_MONTH);
    const item = `${c.name} compute (${vcpu} vCPU, ${gib} GiB each)`;
    if (c.kind === 'service') sized(item, c.id, 'instances', perInstance, basis('app-instances'), 'API instances at peak (app-instances)');
    else if (c.kind === 'realtime') sized(item, c.id, 'instances', perInstance, basis('ws-nodes'), 'real-time nodes (ws-nodes)');
    else if (c.kind === 'worker' && has('worker-instances')) sized(item, c.id, 'instances', perInstance, basis('worker-instances', 1, 0, 2), 'background workers (worker-instances), at least 2 across zones');
    else fixed(item, c.id, c.runtime.replicas.min, 'instances', perInstance, 'the component\'s minimum replicas');
  }
  if (shape.serverless) {
    sized('Function invocations', 'api', 'million requests', UNIT_PRICES.lambdaPerMillion + UNIT_PRICES.apiGatewayPerMillion,
      basis('avg-rps', CONVENTIONS.secondsPerMonth / 1e6), 'average req/s × 2,592,000 s ÷ 10^6');
    sized('Function compute (0.5 GB × 100 ms per request)', 'api', 'GB-seconds', UNIT_PRICES.lambdaGbSecond,
      basis('avg-rps', CONVENTIONS.secondsPerMonth * 0.05), 'average req/s × 2,592,000 s × 0.05 GB-s');
  } else {
    if (shape.k8s) fixed('Kubernetes control plane', 'platform', 1, 'clusters', hourly(UNIT_PRICES.eksClusterHour), 'one cluster');
    fixed('Load balancer (hourly + 2 LCU baseline)', 'edge', 1, 'load balancers', hourly(UNIT_PRICES.albHour + 2 * UNIT_PRICES.albLcuHour), 'one load balancer');
    if (shape.natGateways > 0) fixed(`NAT gateways (${shape.natGateways === 1 ? 'one, in one zone' : 'one per zone in use'})`, 'platform', shape.natGateways, 'gateways', hourly(UNIT_PRICES.natGatewayHour), `${shape.natGateways} gateway${shape.natGateways === 1 ? '' : 's'}`);
  }

  // Primary database: instance size from the share of one 8-vCPU node the peak load needs, per primary.
  const peakWrites = fig('peak-write-rps');
  const dbReads = fig('db-peak-qps') - peakWrites;
  const vcpuNeeded = Math.max(2, Math.ceil(8 * (peakWrites / ctx.limits.pgWritesPerPrimary.value + dbReads / ctx.limits.pgReadsPerNode.value) / LIMITS.appTargetUtilisation.value));
  const primaries = cassandra ? 1 : Math.max(1, fig('db-write-primaries'));
  const dbSize = smallest(RDS_POSTGRES, (s) => s.vcpu >= Math.min(vcpuNeeded / primaries, 32));
  const dbUnit = hourly(dbSize.usdPerHour);
  if (cassandra) {
    sized(`PostgreSQL ${dbSize.name}, Multi-AZ (primary + standby)`, 'postgres', 'instances', dbUnit, basis('db-write-primaries', 0, 2, 2), 'one primary + standby for the reference data (the high-write data is in Cassandra, sized by wide-column-nodes)');
  } else if (shape.dbMultiAz) {
    sized(`PostgreSQL ${dbSize.name}, Multi-AZ (primary + standby)`, 'postgres', 'instances', dbUnit, basis('db-write-primaries', 2, 0, 2), '2 × write primaries (db-write-primaries): each primary with its standby');
  } else {
    sized(`PostgreSQL ${dbSize.name}, single-AZ (primary only; restored from backups)`, 'postgres', 'instances', dbUnit, basis('db-write-primaries', 1, 0, 1), 'write primaries (db-write-primaries), no standby');
  }
  sized(`PostgreSQL read replicas (${dbSize.name})`, 'postgres', 'instances', dbUnit, basis('db-read-replicas'), 'read replicas (db-read-replicas)');
  sized('Database storage (gp3, all copies)', 'postgres', 'GB-month', UNIT_PRICES.dbStorageGbMonth, basis('db-storage', 1, 0, 20), 'max(20 GB minimum volume, database storage with indexes and copies (db-storage))');
  sized('Database backups (PITR beyond free allowance)', 'postgres', 'GB-month', UNIT_PRICES.backupGbMonth, basis('db-data'), 'database data, one copy (db-data)');

  for (const s of shape.stores) {
    switch (s.id) {
      case 'redis': {
        const primariesC = Math.max(1, fig('cache-nodes'));
        const perNode = fig('cache-memory') / primariesC;
        const size = smallest(ELASTICACHE, (x) => x.memoryGiB * 0.75 >= perNode);
        sized(`Redis ${size.name} (primary + replica per shard)`, 'redis', 'nodes', hourly(size.usdPerHour), basis('cache-nodes', 2, 0, 2), '2 × cache primaries (cache-nodes): each with a replica');
        break;
      }
      case 'rabbitmq':
        sized(`RabbitMQ brokers (Amazon MQ ${fig('broker-nodes') > 1 ? 'cluster' : 'single-instance'})`, 'rabbitmq', 'brokers', hourly(UNIT_PRICES.mqBrokerHour), basis('broker-nodes', 1, 0, 1), 'brokers (broker-nodes)');
        break;
      case 'kafka': {
        sized('Kafka brokers (replication 3)', 'kafka', 'brokers', hourly(UNIT_PRICES.mskBrokerHour), basis('broker-nodes', 1, 0, 3), 'brokers (broker-nodes)');
        const perPeakMsg = (1_000 * 7 * 86_400 * 3) / 1e9 / ctx.req.scale.peakFactor.value;
        sized('Kafka storage (7-day retention × 3 copies)', 'kafka', 'GB-month', UNIT_PRICES.mskStorageGbMonth, basis('queue-peak', perPeakMsg),
          `peak events/s (queue-peak) ÷ peak factor ${formatNumber(ctx.req.scale.peakFactor.value, 1)} × 1 KB × 7 days × 3 copies`);
        break;
      }
      case 'sqs':
        sized('SQS/SNS requests (send + receive + delete)', 'sqs', 'million requests', UNIT_PRICES.sqsPerMillion, basis('writes-per-day', (CONVENTIONS.daysPerMonth * 3) / 1e6), 'records written per day (writes-per-day) × 30 days × 3 requests ÷ 10^6');
        break;
      case 'opensearch':
        sized('OpenSearch nodes (m6g.large.search, multi-AZ)', 'opensearch', 'nodes', hourly(UNIT_PRICES.searchNodeHour), basis('search-nodes', 1, 0, 1), 'search nodes (search-nodes): by query rate, index size and indexing rate');
        break;
      case 'meilisearch':
        fixed(`Meilisearch on ${EC2[0]!.name}`, 'meilisearch', 1, 'instances', hourly(EC2[0]!.usdPerHour), 'one node: Meilisearch does not cluster');
        break;
      case 'timescaledb':
        sized(`TimescaleDB (${EC2[1]!.name}-class, each primary with an HA replica)`, 'timescaledb', 'instances', hourly(EC2[1]!.usdPerHour), basis('tsdb-nodes', 1, 0, 2), 'TimescaleDB nodes (tsdb-nodes)');
        break;
      case 'cassandra':
        sized(`Cassandra nodes (${EC2[2]!.name})`, 'cassandra', 'instances', hourly(EC2[2]!.usdPerHour), basis('wide-column-nodes', 1, 0, 3), 'Cassandra nodes (wide-column-nodes)');
        break;
      case 'object-storage': {
        sized('Object storage', 'object-storage', 'GB-month', UNIT_PRICES.s3GbMonth, basis('object-storage'), 'objects stored (object-storage)');
        sized('Object storage PUT requests', 'object-storage', 'thousand requests', UNIT_PRICES.s3PutPer1000, basis('dau', (ctx.req.scale.blobsPerUserPerDay.value * CONVENTIONS.daysPerMonth) / 1000),
          `daily users (dau) × ${formatNumber(ctx.req.scale.blobsPerUserPerDay.value, 2)} uploads a day × 30 days ÷ 1,000`);
        sized('Media delivery through the CDN', 'cdn', 'GB', UNIT_PRICES.cdnGb, basis('media-egress-month'), 'media delivered per month (media-egress-month)');
        break;
      }
      default:
        break;
    }
  }
  if (shape.strategy === 'active-passive') {
    // Warm standby: a cross-region replica per primary, a load balancer and a minimal API fleet kept running.
    sized(`Standby region: PostgreSQL cross-region replica (${dbSize.name})`, 'standby-region', 'instances', dbUnit, cassandra ? basis('db-write-primaries', 0, 1, 1) : basis('db-write-primaries', 1, 0, 1), cassandra ? 'one replica of the reference data' : 'one replica per write primary (db-write-primaries)');
    fixed('Standby region: load balancer', 'standby-region', 1, 'load balancers', hourly(UNIT_PRICES.albHour + 2 * UNIT_PRICES.albLcuHour), 'one load balancer');
    fixed('Standby region: 2 warm API instances', 'standby-region', 2, 'instances', hourly(UNIT_PRICES.vcpuHour + 0.5 * UNIT_PRICES.gibHour), 'two instances kept warm; scaled out on failover');
    sized('Cross-region replication transfer (WAL ≈ 2 × written bytes)', 'standby-region', 'GB', 0.02, basis('writes-per-day', (ctx.req.scale.recordBytes.value * 2 * CONVENTIONS.daysPerMonth) / 1e9),
      `records written per day (writes-per-day) × ${formatNumber(ctx.req.scale.recordBytes.value)} B × 2 × 30 days ÷ 10^9`);
  } else if (shape.strategy === 'active-active') {
    const regional = money(lines.reduce((a, l) => a + l.monthlyUsd, 0));
    fixed('Second active region (same compute, stores and edge as the first)', 'second-region', 1, 'regions', regional, 'the first region\'s lines above, once more');
  }
  sized('Internet egress (API responses)', 'edge', 'GB', UNIT_PRICES.egressGb, basis('egress-month'), 'outbound transfer per month (egress-month)');
  if (shape.identity === 'managed') {
    sized(`Managed identity (${shape.idpName}), users above the free ${formatNumber(UNIT_PRICES.identityFreeMau)}`, 'identity', 'MAU', UNIT_PRICES.identityPerMau,
      basis('mau', 1, -UNIT_PRICES.identityFreeMau, 0), `monthly active users (mau) − ${formatNumber(UNIT_PRICES.identityFreeMau)} free`);
  } else if (shape.identity === 'keycloak') {
    const unit = hourly(UNIT_PRICES.vcpuHour + 2 * UNIT_PRICES.gibHour);
    if (shape.keycloakSized && has('identity-nodes')) sized('Keycloak (1 vCPU, 2 GiB each)', 'identity', 'instances', unit, basis('identity-nodes', 1, 0, 2), 'Keycloak instances (identity-nodes): sign-ins and token refreshes at peak');
    else fixed('Keycloak (1 vCPU, 2 GiB each)', 'identity', 2, 'instances', unit, 'two instances across zones');
  }
  // A compact structured access log per request (~300 B) plus traces sampled at 10 % (~2 KB each).
  sized('Logs and traces ingestion (~0.5 KB per request: access log + 10 % trace sampling)', 'observability', 'GB', UNIT_PRICES.logsGb,
    basis('avg-rps', (CONVENTIONS.secondsPerMonth * 500) / 1e9), 'average req/s (avg-rps) × 2,592,000 s × 500 B ÷ 10^9');
  return lines;
}

const total = (lines: CostLine[]) => money(lines.reduce((a, l) => a + l.monthlyUsd, 0));

/** One economy a budget variant may apply, in the order of what it gives up (least first). */
interface Economy {
  id: string;
  applies(shape: Shape): boolean;
  apply(shape: Shape): Shape;
  part: string;
  from(shape: Shape): string;
  to: string;
  givesUp(shape: Shape, next: Shape): string;
}

function economies(ctx: PlanContext, cap: CapacityPlan, availabilityOf: (s: Shape) => number): Economy[] {
  const f = (id: string, col: Column = 'oneYear') => cap.figures.find((x) => x.id === id)?.[col] ?? 0;
  const t = ctx.archetype.traits;
  const pctOf = (s: Shape) => formatPercent(availabilityOf(s), 3);
  const brokerOf = (s: Shape) => s.stores.find((x) => x.name === 'Message broker');
  return [
    {
      id: 'table-queue', part: 'Message broker',
      applies: (s) => !s.serverless && brokerOf(s) !== undefined && f('queue-peak') <= TABLE_QUEUE_MAX,
      apply: (s) => ({ ...s, stores: s.stores.filter((x) => x.name !== 'Message broker') }),
      from: (s) => `${brokerOf(s)!.technology} (${brokerOf(s)!.nodes} broker${brokerOf(s)!.nodes === 1 ? '' : 's'})`,
      to: 'a jobs table in PostgreSQL, written in the same transaction (outbox) and polled with SELECT … FOR UPDATE SKIP LOCKED',
      givesUp: () => `a broker's routing and independent consumers${t.eventLog ? ' and replay by offset (the table keeps events for replay instead)' : ''}; workers poll the primary, adding ~${formatNumber(f('queue-peak', 'current'), 0)} jobs/s at peak (fine below ~${TABLE_QUEUE_MAX}/s)`,
    },
    {
      id: 'postgres-search', part: 'Search index',
      applies: (s) => s.stores.some((x) => x.kind === 'search') && f('search-peak-qps') <= 200 && f('search-documents') <= 100_000_000,
      apply: (s) => ({ ...s, stores: s.stores.filter((x) => x.kind !== 'search') }),
      from: (s) => s.stores.find((x) => x.kind === 'search')!.technology,
      to: 'PostgreSQL full-text search (tsvector + GIN index)',
      givesUp: () => `typo tolerance, relevance tuning and facets; ${formatNumber(f('search-peak-qps', 'current'), 1)} searches/s at peak run on the primary`,
    },
    {
      id: 'no-cache', part: 'Cache',
      applies: (s) => s.stores.some((x) => x.id === 'redis') && !t.realtime && !t.ranking && !t.geo && f('peak-read-rps') <= ctx.limits.pgReadsPerNode.value * LIMITS.appTargetUtilisation.value,
      apply: (s) => ({ ...s, stores: s.stores.filter((x) => x.id !== 'redis') }),
      from: () => 'Redis (cache-aside, rate limits, idempotency keys)',
      to: 'no cache: reads from PostgreSQL; rate-limit counters and idempotency keys in PostgreSQL tables',
      givesUp: () => `sub-millisecond reads: the database serves all ${formatNumber(f('peak-read-rps', 'current'), 0)} reads/s at peak (${formatNumber(f('peak-read-rps'), 0)} after a year, within one node's ~${formatNumber(ctx.limits.pgReadsPerNode.value)})`,
    },
    {
      id: 'paas', part: 'Deployment platform',
      applies: (s) => s.k8s,
      apply: (s) => ({ ...s, k8s: false }),
      from: () => 'Kubernetes (managed control plane)',
      to: 'a container PaaS (no cluster)',
      givesUp: () => 'one scheduler for every deployable, sidecars and fine-grained networking',
    },
    {
      id: 'self-hosted-identity', part: 'Identity provider',
      applies: (s) => s.identity === 'managed' && Math.max(0, f('mau', 'current') - UNIT_PRICES.identityFreeMau) * UNIT_PRICES.identityPerMau > 2 * hourly(UNIT_PRICES.vcpuHour + 2 * UNIT_PRICES.gibHour),
      apply: (s) => ({ ...s, identity: 'keycloak', keycloakSized: false }),
      from: (s) => `${s.idpName} (per monthly user above the free tier)`,
      to: 'Keycloak, self-hosted (2 instances)',
      givesUp: () => 'managed MFA, social login and breach detection; another stateful service to patch, back up and keep available',
    },
    {
      id: 'in-process-workers', part: 'Background workers',
      applies: (s) => !s.workersInProcess && s.components.some((c) => c.kind === 'worker'),
      apply: (s) => ({ ...s, workersInProcess: true }),
      from: () => 'a separate worker fleet',
      to: 'consumers running inside the API instances',
      givesUp: () => 'isolation: background work competes with requests for CPU, and both scale together',
    },
    {
      id: 'one-nat', part: 'NAT gateways',
      applies: (s) => !s.serverless && s.natGateways > 1,
      apply: (s) => ({ ...s, natGateways: 1 }),
      from: (s) => `${s.natGateways} (one per zone)`,
      to: '1 NAT gateway',
      givesUp: () => 'outbound calls (identity provider, webhooks) from the other zones fail while that zone is down',
    },
    {
      id: 'one-region', part: 'Regions',
      applies: (s) => s.strategy !== 'one-region',
      apply: (s) => ({ ...s, strategy: 'one-region' }),
      from: (s) => (s.strategy === 'active-active' ? 'two active regions' : 'a warm standby region'),
      to: 'one region across zones',
      givesUp: (s, next) => `surviving a region outage: availability ${pctOf(s)} → ${pctOf(next)} (target ${formatPercent(ctx.req.availability.value, 3)})`,
    },
    {
      id: 'single-az-database', part: 'Primary database',
      applies: (s) => s.dbMultiAz && !s.stores.some((x) => x.id === 'cassandra'),
      apply: (s) => ({ ...s, dbMultiAz: false }),
      from: () => 'Multi-AZ (primary + synchronous standby)',
      to: 'single-AZ primary with point-in-time backups',
      givesUp: (s, next) => `automatic failover: a zone or instance failure means a restore (tens of minutes) and up to 5 minutes of lost writes; availability ${pctOf(s)} → ${pctOf(next)}`,
    },
  ];
}

/**
 * Monthly cost of the design at launch, 6 months and 1 year, and, when the brief states a budget the
 * design exceeds, the cheapest variant archie can build with what each of its changes gives up.
 */
export function planCost(ctx: PlanContext, capIn: CapacityPlan, components: Component[], stores: DataStore[]): Cost {
  const cap = withSizing(ctx, capIn);
  const shape = preferredShape(ctx, components, stores);
  const lines = priceLines(ctx, cap, shape, 'current');
  const six = priceLines(ctx, cap, shape, 'sixMonths');
  const year = priceLines(ctx, cap, shape, 'oneYear');
  const launch = total(lines);
  const budget = ctx.req.budgetUsdPerMonth?.value ?? null;
  const availabilityOf = (s: Shape) => {
    const overrides: PathOverrides = s.dbMultiAz ? {} : { databaseSla: SINGLE_AZ_DB_SLA };
    return compose(pathChain(s.components, s.stores, overrides), s.strategy).composite;
  };
  const variants: CostVariant[] = [];
  if (budget !== null && launch > budget) {
    let current = shape;
    let currentTotal = launch;
    const changes: CostVariant['changes'] = [];
    for (const e of economies(ctx, cap, availabilityOf)) {
      if (currentTotal <= budget) break;
      if (!e.applies(current)) continue;
      const next = e.apply(current);
      const nextTotal = total(priceLines(ctx, cap, next, 'current'));
      if (nextTotal >= currentTotal) continue;
      changes.push({ part: e.part, from: e.from(current), to: e.to, savesUsd: money(currentTotal - nextTotal), givesUp: e.givesUp(current, next) });
      current = next;
      currentTotal = nextTotal;
    }
    if (changes.length > 0) {
      const vLines = priceLines(ctx, cap, current, 'current');
      const fits = currentTotal <= budget;
      const biggest = [...vLines].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, 3).map((l) => `${l.item} $${formatNumber(l.monthlyUsd, 0)}`);
      variants.push({
        id: 'budget',
        name: fits ? `Design to the $${formatNumber(budget)}/month budget` : `Smallest design archie can build (still over the $${formatNumber(budget)}/month budget)`,
        changes,
        lines: vLines,
        totalMonthlyUsd: currentTotal,
        oneYearMonthlyUsd: total(priceLines(ctx, cap, current, 'oneYear')),
        fits,
        availability: availabilityOf(current),
        note: fits
          ? `Fits the budget at launch with $${formatNumber(money(budget - currentTotal), 2)}/month to spare; the changes are applied in order of what they give up, least first, and stop once it fits.`
          : `No design archie can build fits $${formatNumber(budget)}/month at this load: the smallest costs $${formatNumber(currentTotal, 2)}/month, mostly ${biggest.join(', ')}. Reduce the load or the retention, or raise the budget.`,
      });
    }
  }
  return {
    currency: 'USD',
    priceTable: { name: PRICE_TABLE.name, asOf: PRICE_TABLE.asOf, source: PRICE_TABLE.source },
    lines,
    totalMonthlyUsd: launch,
    sixMonthsMonthlyUsd: total(six),
    oneYearMonthlyUsd: total(year),
    horizons: [
      { at: 'sixMonths', lines: six, totalMonthlyUsd: total(six) },
      { at: 'oneYear', lines: year, totalMonthlyUsd: total(year) },
    ],
    budgetUsdPerMonth: budget,
    withinBudget: budget === null ? null : launch <= budget,
    variants,
    note:
      `On-demand list prices (${PRICE_TABLE.name}, ${PRICE_TABLE.asOf}), ${HOURS_PER_MONTH} hours a month, before free tiers, savings plans or reserved capacity (typically −30 to −50 % for steady load). ` +
      'Each line\'s quantity follows the capacity figure named in its formula, at launch, 6 months and 1 year. ' +
      (ctx.req.cloud.value === 'aws' ? '' : `The design targets ${ctx.req.cloud.value.toUpperCase()}; its list prices for equivalent sizes are within roughly ±15 % of these. `) +
      'Check with the provider\'s calculator before committing a budget.',
  };
}
