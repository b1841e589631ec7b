import { formatNumber } from '../brief/units.js';
import { LIMITS } from '../knowledge/limits.js';
import { ELASTICACHE, HOURS_PER_MONTH, RDS_POSTGRES, UNIT_PRICES } from '../knowledge/prices.js';
import type { Cost, Design } from '../model/design.js';
import { monthly, NODE_PRICES, type DesignFacts } from './_design-facts.js';
import type { Figures } from './_load-model.js';
import { describeCosts, describeKeys, shardKeys } from '../plan/shard-keys.js';
import type { Horizon, Resource, Step } from './model.js';

/**
 * The plan: for every resource that passes its target utilisation at the new load, the steps that
 * remove the bottleneck, in the horizon where they belong, each priced from the dated price table
 * or from the design's own cost lines. Steps the planner itself would take at the new load (its
 * decisions changing) are added from a full re-plan, priced from the re-plan's cost lines.
 */

const money = (v: number) => Math.round(v * 100) / 100;
const n0 = (v: number) => formatNumber(Math.round(v), 0);
const pct = (v: number) => `${formatNumber(v * 100, 0)}%`;
const usd = (v: number) => `$${formatNumber(money(v))}`;

export interface StepContext {
  facts: DesignFacts;
  factor: number;
  resources: Map<string, Resource>;
  /** Figures at the new load (design decisions held). */
  at: Figures;
  /** The design as the planner would make it for the new load. */
  redesign: Design;
  /** The current design's cost lines re-priced at the new load (same decisions and topology). */
  repriced: Cost['lines'];
}

function needed(r: Resource, perNode = r.limit.value): number {
  return Math.max(1, Math.ceil(r.loadAtFactor / (perNode * r.targetUtilisation)));
}

function over(r: Resource | undefined): r is Resource {
  return r !== undefined && r.status !== 'ok';
}

function sizing(r: Resource, n: number, perNode = r.limit.value): string {
  return `${n0(r.loadAtFactor)} ${r.unit} ÷ (${formatNumber(perNode)} ${r.unit} per node × ${pct(r.targetUtilisation)} target) = ${n0(n)} node(s)`;
}

export function planSteps(sc: StepContext): Step[] {
  const { facts: f, resources: R } = sc;
  const d = f.design;
  const steps: Step[] = [];
  const add = (s: Omit<Step, 'monthlyCostDeltaUsd'> & { monthlyCostDeltaUsd: number }) => steps.push({ ...s, monthlyCostDeltaUsd: money(s.monthlyCostDeltaUsd) });

  // ------------------------------------------------------------------ API fleet
  const api = R.get('api-requests');
  if (over(api)) {
    const n = needed(api);
    const unit = f.instanceUsd(f.services[0]!);
    const priced = f.services.reduce((k, c) => k + f.pricedInstances(c), 0);
    add({
      id: 'api-scale-out', horizon: 'immediate', removes: ['api-requests'],
      action: `Raise the autoscaling maximum of ${f.services.length === 1 ? f.services[0]!.name : 'the service fleet'} from ${api.nodes} to ${n} instances`,
      rationale: `${sizing(api, n)}; the design allows ${api.nodes}. Instances are stateless behind the load balancer, so this is a configuration change.`,
      monthlyCostDeltaUsd: (n - priced) * unit,
      costBasis: `${n} − ${priced} priced instances × ${usd(unit)}/month each (the design's compute line), as if the peak fleet ran all month: an upper bound, autoscaling runs fewer off-peak`,
    });
  }
  const fn = R.get('function-concurrency');
  if (over(fn)) {
    const quota = Math.ceil((fn.loadAtFactor * 1.25) / 100) * 100;
    add({
      id: 'function-quota', horizon: 'immediate', removes: ['function-concurrency'],
      action: `Request a regional concurrency quota of ${n0(quota)} (from ${n0(fn.capacity)})`,
      rationale: `${n0(fn.loadAtFactor)} concurrent executions at peak against the ${n0(fn.capacity)} quota; 25 % above the peak leaves room for retries.`,
      monthlyCostDeltaUsd: 0, costBasis: 'a quota is free; invocations are already priced per request',
    });
  }

  // ------------------------------------------------------------------ real-time
  const ws = R.get('realtime-connections');
  if (over(ws) && f.realtime) {
    const n = needed(ws);
    const unit = f.instanceUsd(f.realtime);
    const priced = f.pricedInstances(f.realtime);
    add({
      id: 'realtime-scale-out', horizon: 'immediate', removes: ['realtime-connections'],
      action: `Run ${n} WebSocket nodes (autoscaling maximum ${ws.nodes} today)`,
      rationale: `${sizing(ws, n)}. New connections balance across nodes; existing ones stay until they reconnect.`,
      monthlyCostDeltaUsd: (n - priced) * unit, costBasis: `${n} − ${priced} priced nodes × ${usd(unit)}/month (the design's compute line)`,
    });
    add({
      id: 'realtime-autoscale-connections', horizon: 'months-1-3', removes: ['realtime-connections'],
      action: 'Autoscale the WebSocket tier on open connections per node (custom metric) instead of CPU, and drain nodes on scale-in',
      rationale: `Idle connections cost memory, not CPU: a CPU target lets nodes pass ${n0(ws.limit.value)} connections before scaling.`,
      monthlyCostDeltaUsd: 0, costBasis: 'no price change: the same nodes, scaled on a better signal',
    });
  }

  // ------------------------------------------------------------------ PostgreSQL: size up, then level, shard and replicate
  const writes = R.get('db-writes');
  const reads = R.get('db-reads');
  const storage = R.get('db-storage');
  const primaries = writes?.nodes ?? 1;
  const currentReplicas = reads ? reads.nodes - primaries : 0;
  let dbUnit = f.dbInstanceUsd;
  let upsize = 1;
  if ((over(writes) || over(reads)) && f.dbSize && f.dbSize.vcpu < 8) {
    const eight = RDS_POSTGRES.find((x) => x.vcpu === 8)!;
    upsize = 8 / f.dbSize.vcpu;
    const count = 2 * primaries + currentReplicas;
    add({
      id: 'db-scale-up', horizon: 'immediate', removes: ['db-writes', 'db-reads'].filter((id) => over(R.get(id))),
      action: `Scale the PostgreSQL primary, standby${currentReplicas ? ' and replicas' : ''} up from ${f.dbSize.name} to ${eight.name} (8 vCPU)`,
      rationale: `The per-node figures are stated for 8 vCPU; the design runs ${f.dbSize.vcpu}. Moving to 8 vCPU multiplies write and read capacity per node by ${formatNumber(upsize)}. A Multi-AZ resize fails over once (about a minute of write errors).`,
      monthlyCostDeltaUsd: (monthly(eight) - f.dbInstanceUsd) * count,
      costBasis: `(${usd(monthly(eight))} − ${usd(f.dbInstanceUsd)}) × ${count} instance(s)`,
    });
    dbUnit = monthly(eight);
  }
  if (over(writes)) {
    const perPrimary = writes.limit.value * upsize;
    const perPrimaryTarget = perPrimary * writes.targetUtilisation;
    const peakFactor = d.requirements.scale.peakFactor.value;
    const avgWrites = writes.loadAtFactor / peakFactor;
    const broker = d.dataStores.find((x) => x.kind === 'queue' || x.kind === 'stream');
    // Money and stock need the write acknowledged by the database; only other writes may be deferred.
    const deferrable = !f.archetype.traits.money && !f.archetype.traits.contention;
    let levelled = writes.loadAtFactor <= perPrimaryTarget * primaries;
    if (!levelled && broker && deferrable && peakFactor >= 1.5 && avgWrites <= perPrimaryTarget * primaries) {
      levelled = true;
      add({
        id: 'db-queue-levelling', horizon: 'months-1-3', removes: ['db-writes'],
        action: `Accept writes into ${broker.technology} and apply them to PostgreSQL from consumers at a steady rate (queue-based load levelling)`,
        rationale: `The primary then absorbs the average ${n0(avgWrites)} writes/s instead of the ${n0(writes.loadAtFactor)} writes/s peak (peak factor ${formatNumber(peakFactor)}), within ${n0(perPrimaryTarget * primaries)} writes/s at the target utilisation. The API acknowledges after the enqueue (202 Accepted) and clients read their write back from the event.`,
        monthlyCostDeltaUsd: 0, costBasis: `uses the design's ${broker.technology}; its throughput is sized separately`,
      });
    }
    const k = Math.ceil(writes.loadAtFactor / perPrimaryTarget);
    // A re-plan that moves these writes to a wide-column store replaces sharding PostgreSQL (one step, not both).
    if (!levelled && k > primaries && !movesToWideColumn(sc)) {
      const keys = designShardKeys(f);
      const key = keys.length > 0 ? describeKeys(keys) : f.archetype.traits.multiTenant ? 'tenant id' : 'owner (user) id';
      const costs = describeCosts(keys);
      add({
        id: 'db-shard', horizon: 'months-1-3', removes: ['db-writes', 'db-connections'].filter((id) => R.has(id)),
        action: `Shard the write-heavy tables across ${k} PostgreSQL primaries (Citus, or routing in the data-access layer): ${key}`,
        rationale: `${n0(writes.loadAtFactor)} writes/s ÷ (${n0(perPrimary)} writes/s per primary × ${pct(writes.targetUtilisation)}) = ${k} primaries${deferrable ? '' : '; these writes move money or stock, so they are not deferred through a queue'}. Each key is the column the table's reads filter on, so those reads stay on one shard${costs.length > 0 ? `; ${costs.join('; ')}` : ''}.`,
        monthlyCostDeltaUsd: (k - primaries) * 2 * dbUnit, costBasis: `${k - primaries} more primary + standby pair(s) × 2 × ${usd(dbUnit)}/month`,
      });
    }
  }
  if (over(reads)) {
    const cache = f.store('redis');
    const hit = f.archetype.defaults.cacheHitRate;
    let remaining = reads.loadAtFactor;
    if (!cache && hit > 0) {
      remaining = reads.loadAtFactor * (1 - hit);
      const hotGiB = (sc.at('avg-rps') * (reads.loadAtFactor / Math.max(1e-9, sc.at('peak-rps'))) * 86_400 * 0.2 * d.requirements.scale.recordBytes.value * 1.5) / 1024 ** 3;
      const size = ELASTICACHE.find((x) => x.memoryGiB * 0.75 >= hotGiB) ?? ELASTICACHE[ELASTICACHE.length - 1]!;
      const shards = Math.max(1, Math.ceil(hotGiB / (size.memoryGiB * 0.75)));
      add({
        id: 'add-cache', horizon: 'immediate', removes: ['db-reads'],
        action: `Put a Redis cache (${shards} × ${size.name}, each with a replica) in front of the hot reads`,
        rationale: `A ${pct(hit)} hit rate (the hot-set share of this kind of system) takes reads from ${n0(reads.loadAtFactor)} to ${n0(remaining)} queries/s; hot set ≈ ${formatNumber(hotGiB, 1)} GiB.`,
        monthlyCostDeltaUsd: shards * 2 * monthly(size), costBasis: `${shards * 2} × ${size.name} at ${usd(monthly(size))}/month`,
      });
    }
    const perNode = reads.limit.value * upsize;
    const replicasNeeded = Math.max(0, Math.ceil(remaining / (perNode * reads.targetUtilisation)) - primaries);
    if (replicasNeeded > currentReplicas) {
      add({
        id: 'db-read-replicas', horizon: 'immediate', removes: ['db-reads'],
        action: `Add ${replicasNeeded - currentReplicas} PostgreSQL read replica(s) (${replicasNeeded} in all) and route read-only queries to them`,
        rationale: `${n0(remaining)} reads/s ÷ (${n0(perNode)} per node × ${pct(reads.targetUtilisation)}) = ${replicasNeeded + primaries} nodes including the primary${upsize > 1 ? ' (at the 8-vCPU size above)' : ''}. Reads that must see their own writes stay on the primary.`,
        monthlyCostDeltaUsd: (replicasNeeded - currentReplicas) * dbUnit, costBasis: `${replicasNeeded - currentReplicas} × ${usd(dbUnit)}/month`,
      });
      add({
        id: 'db-replica-autoscaling', horizon: 'months-1-3', removes: ['db-reads'],
        action: 'Autoscale read replicas on CPU and replica lag, with a floor of the daytime count',
        rationale: `Reads peak at ${formatNumber(d.requirements.scale.peakFactor.value)}× the average; replicas sized for the peak idle most of the day.`,
        monthlyCostDeltaUsd: 0, costBasis: 'no list-price change at the peak; saves off-peak hours that this estimate does not count',
      });
    }
    if (replicasNeeded > 5) {
      add({
        id: 'cqrs-read-models', horizon: 'months-3-6', removes: ['db-reads'],
        action: 'Serve the heaviest read patterns from read models built from change events (CQRS): denormalised views in the cache or search store',
        rationale: `${replicasNeeded} replicas each replay the primary's whole WAL; past about five, lag and replication load make a read model that holds only what the reads need cheaper to run (archie rule of thumb).`,
        monthlyCostDeltaUsd: 0, costBasis: `cost-neutral at list prices: the ${replicasNeeded - 2} replicas above two are replaced by read-model nodes of the same size`,
      });
    }
  }
  if (over(storage) && !movesToWideColumn(sc)) {
    const partitioned = d.entities.filter((e) => e.partitionBy && e.store === 'postgres').map((e) => e.table);
    if (partitioned.length > 0) {
      // Time-ordered data is read mostly while it is new: archive what no longer fits.
      const excess = Math.max(0, storage.loadAtFactor - storage.capacity);
      const perGbDb = UNIT_PRICES.dbStorageGbMonth * 3 * 1.3;
      add({
        id: 'db-archive-cold-data', horizon: 'months-1-3', removes: ['db-storage'],
        action: `Move cold monthly partitions of ${partitioned.join(', ')} to object storage (Parquet) and detach them, keeping the database within ${n0(storage.capacity)} GB (${storage.nodes} × ${n0(storage.limit.value)} GB)`,
        rationale: `${n0(storage.loadAtFactor)} GB after a year at ${formatNumber(sc.factor)}× against ${n0(storage.limit.value)} GB per primary before restore and vacuum times hurt; ${n0(excess)} GB moves out. Old data is then queried from the archive (a query engine over Parquet).`,
        monthlyCostDeltaUsd: -excess * (perGbDb - UNIT_PRICES.s3GbMonth),
        costBasis: `a saving against keeping the data in PostgreSQL at the new load: ${n0(excess)} GB × (${usd(UNIT_PRICES.dbStorageGbMonth)} × 3 copies × 1.3 index overhead − ${usd(UNIT_PRICES.s3GbMonth)} object storage) per GB-month`,
      });
    } else {
      // Data that stays hot (links, accounts) cannot be archived away: split it.
      const k = Math.ceil(storage.loadAtFactor / storage.limit.value);
      const keys = designShardKeys(f);
      const key = keys.length > 0 ? describeKeys(keys) : f.archetype.traits.multiTenant ? 'tenant id' : 'owner (user) id';
      const costs = describeCosts(keys);
      add({
        id: 'db-shard-storage', horizon: 'months-1-3', removes: ['db-storage'],
        action: `Split the data across ${k} PostgreSQL primaries as it grows (${storage.nodes} planned for the year): ${key}`,
        rationale: `${n0(storage.loadAtFactor)} GB after a year at ${formatNumber(sc.factor)}× ÷ ${n0(storage.limit.value)} GB per primary = ${k}; the rows stay in use, so archiving does not help${costs.length > 0 ? `. ${costs.join('; ').replace(/^./, (c) => c.toUpperCase())}` : ''}.`,
        monthlyCostDeltaUsd: (k - storage.nodes) * 2 * dbUnit, costBasis: `${k - storage.nodes} more primary + standby pair(s) × 2 × ${usd(dbUnit)}/month`,
      });
    }
  }

  // ------------------------------------------------------------------ connections
  const conns = R.get('db-connections');
  if (over(conns)) {
    const busy = sc.at('db-connections-busy');
    const wanted = Math.max(20, Math.ceil(busy * 1.5));
    // A pooler cannot make busy connections fewer: past what one node runs well with, the pool is
    // capped per node and the queries must spread over more nodes.
    const perNode = conns.limit.value;
    const nodes = Math.ceil(wanted / perNode);
    const server = Math.min(wanted, perNode);
    const unit = ((0.5 * UNIT_PRICES.vcpuHour) + (0.5 * UNIT_PRICES.gibHour)) * HOURS_PER_MONTH;
    add({
      id: 'pgbouncer', horizon: 'immediate', removes: ['db-connections'],
      action: `Put PgBouncer in transaction mode between the API and PostgreSQL (${server} server connections${nodes > 1 ? ' per node' : ''})`,
      rationale: `The fleet opens ${n0(conns.loadAtFactor)} connections at ${formatNumber(sc.factor)}× against ${n0(conns.capacity)} the server runs well with; only ${formatNumber(busy, 1)} are busy at once (Little's law)` +
        (nodes > 1
          ? `, and with 50% headroom (${n0(wanted)}) that is more than the ${n0(perNode)} one node runs well with: the pool is capped at ${n0(perNode)} per node, and the queries need ${nodes} nodes${spread(steps)}.`
          : `, so ${server} pooled server connections carry them.`),
      monthlyCostDeltaUsd: 2 * unit, costBasis: `2 PgBouncer containers (0.5 vCPU, 0.5 GiB) × ${usd(unit)}/month`,
    });
  }

  // ------------------------------------------------------------------ cache
  const mem = R.get('cache-memory');
  const ops = R.get('cache-ops');
  if (over(mem) || over(ops)) {
    const base = (mem ?? ops)!;
    const n = Math.max(mem ? needed(mem) : 1, ops ? needed(ops) : 1);
    const which = [over(mem) ? 'cache-memory' : null, over(ops) ? 'cache-ops' : null].filter((x): x is string => x !== null);
    add({
      id: 'cache-shards', horizon: 'immediate', removes: which,
      action: `Grow the Redis cluster to ${n} shards (each a primary with a replica; ${base.nodes} today)`,
      rationale: [mem && over(mem) ? sizing(mem, needed(mem)) : null, ops && over(ops) ? sizing(ops, needed(ops)) : null].filter(Boolean).join('; ') + '. Cluster mode moves hash slots online.',
      monthlyCostDeltaUsd: (n - base.nodes) * 2 * f.cacheNodeUsd, costBasis: `${n - base.nodes} more shard(s) × 2 nodes × ${usd(f.cacheNodeUsd)}/month (the design's cache node)`,
    });
  }

  // ------------------------------------------------------------------ broker, search, time series, wide column, objects
  const broker = R.get('broker-throughput');
  if (over(broker)) {
    const n = needed(broker);
    const kafka = broker.target === 'kafka';
    const price = kafka ? NODE_PRICES.kafka : NODE_PRICES.rabbitmq;
    const partitions = Math.ceil((broker.loadAtFactor * 1_000) / (LIMITS.kafkaMBpsPerPartition.value * 1e6));
    add({
      id: 'broker-scale-out', horizon: 'immediate', removes: ['broker-throughput'],
      action: kafka ? `Grow Kafka to ${n} brokers and the hot topics to at least ${Math.max(partitions, n)} partitions` : `Grow RabbitMQ to ${n} nodes and spread the hot queue over several (consistent-hash exchange)`,
      rationale: `${sizing(broker, n)}${kafka ? `; ${n0(broker.loadAtFactor)} msg/s × 1 KB ÷ ${LIMITS.kafkaMBpsPerPartition.value} MB/s per partition = ${partitions} partition(s)` : ''}.`,
      monthlyCostDeltaUsd: Math.max(0, n - broker.nodes) * price.usd, costBasis: `${Math.max(0, n - broker.nodes)} more × ${price.basis}`,
    });
  }
  const search = R.get('search-indexing');
  if (over(search)) {
    const n = needed(search);
    const price = search.target === 'opensearch' ? NODE_PRICES.opensearch : NODE_PRICES.meilisearch;
    add({
      id: 'search-scale-out', horizon: 'immediate', removes: ['search-indexing'],
      action: `Grow the search cluster to ${n} nodes and index in bulk batches from the change events`,
      rationale: `${sizing(search, n)}.`, monthlyCostDeltaUsd: Math.max(0, n - search.nodes) * price.usd, costBasis: `${Math.max(0, n - search.nodes)} more × ${price.basis}`,
    });
  }
  const tsdb = R.get('tsdb-ingest');
  if (over(tsdb)) {
    const n = needed(tsdb);
    add({
      id: 'tsdb-shard', horizon: 'months-1-3', removes: ['tsdb-ingest'],
      action: `Batch measurements through the broker and split devices by device id across ${n} TimescaleDB writers (HA pairs)`,
      rationale: `${sizing(tsdb, n)}.`, monthlyCostDeltaUsd: (n - 1) * 2 * NODE_PRICES.timescaledb.usd, costBasis: `${n - 1} more HA pair(s) × 2 × ${NODE_PRICES.timescaledb.basis}`,
    });
  }
  const wide = R.get('wide-column-writes');
  if (over(wide)) {
    const n = Math.max(3, needed(wide));
    add({
      id: 'wide-column-scale-out', horizon: 'immediate', removes: ['wide-column-writes'],
      action: `Add Cassandra nodes: ${n} in all (${wide.nodes} today)`, rationale: `${sizing(wide, n)}. Streaming data to new nodes runs online.`,
      monthlyCostDeltaUsd: (n - wide.nodes) * NODE_PRICES.cassandra.usd, costBasis: `${n - wide.nodes} more × ${NODE_PRICES.cassandra.basis}`,
    });
  }
  const puts = R.get('object-puts');
  if (over(puts)) {
    const prefixes = Math.ceil(puts.loadAtFactor / (puts.limit.value * 0.8));
    add({
      id: 'object-prefixes', horizon: 'immediate', removes: ['object-puts'],
      action: `Spread object keys over ${prefixes} hashed prefixes`,
      rationale: `${n0(puts.loadAtFactor)} PUT/s at peak against ${n0(puts.limit.value)} per prefix; at 80 % per prefix that is ${prefixes} prefixes.`,
      monthlyCostDeltaUsd: 0, costBasis: 'object storage prices requests and bytes, not prefixes',
    });
  }

  steps.push(...decisionSteps(sc));
  return steps;
}

/** Decisions the planner takes differently at the new load become steps, priced from its cost lines. */
const DECISION_STEPS: Record<string, { horizon: Horizon; removes: string[]; targets: (l: Cost['lines'][number]) => boolean; verb: string }> = {
  cache: { horizon: 'immediate', removes: ['db-reads'], targets: (l) => l.target === 'redis', verb: 'Caching' },
  cdn: { horizon: 'immediate', removes: ['api-requests'], targets: (l) => l.target === 'cdn', verb: 'Edge caching (CDN)' },
  'architecture-style': { horizon: 'months-1-3', removes: ['api-requests'], targets: () => false, verb: 'Decomposition' },
  messaging: { horizon: 'months-1-3', removes: ['broker-throughput', 'db-writes'], targets: (l) => ['rabbitmq', 'kafka', 'sqs'].includes(l.target), verb: 'Queues and streams' },
  'primary-database': { horizon: 'months-1-3', removes: ['db-writes', 'db-storage'], targets: (l) => l.target === 'cassandra', verb: 'Sharding onto a wide-column store' },
  search: { horizon: 'months-1-3', removes: ['search-indexing', 'db-reads'], targets: (l) => ['opensearch', 'meilisearch'].includes(l.target), verb: 'Search store' },
  timeseries: { horizon: 'months-1-3', removes: ['db-writes', 'db-storage'], targets: (l) => l.target === 'timescaledb', verb: 'Time-series store' },
  auth: { horizon: 'months-1-3', removes: [], targets: (l) => l.target === 'identity', verb: 'Identity at this number of users' },
  topology: { horizon: 'months-3-6', removes: [], targets: (l) => /^(Standby region|Second active region|Cross-region)/.test(l.item), verb: 'Multi-region' },
  communication: { horizon: 'months-3-6', removes: ['db-writes'], targets: () => false, verb: 'Event-driven integration' },
  'data-pattern': { horizon: 'months-3-6', removes: ['db-reads'], targets: () => false, verb: 'CQRS / event sourcing' },
};

export function decisionChanges(design: Design, redesign: Design): Array<{ id: string; title: string; from: string; to: string; rationale: string }> {
  const out: Array<{ id: string; title: string; from: string; to: string; rationale: string }> = [];
  for (const r of redesign.decisions) {
    const before = design.decisions.find((x) => x.id === r.id);
    if (before?.chosen === r.chosen) continue;
    out.push({ id: r.id, title: r.title, from: before?.chosen ?? '(not needed before)', to: r.chosen, rationale: r.rationale });
  }
  for (const b of design.decisions) {
    if (!redesign.decisions.some((r) => r.id === b.id)) out.push({ id: b.id, title: b.title, from: b.chosen, to: '(no longer needed)', rationale: 'the planner does not take this decision at the new load' });
  }
  return out;
}

/** The design's shard keys: tenant first where tenants exist; cross-shard writes matter where money or stock moves. */
function designShardKeys(f: DesignFacts) {
  const t = f.archetype.traits;
  return shardKeys(f.design.entities, { multiTenant: t.multiTenant, atomic: t.money || t.contention });
}

/** Partition keys for the wide-column store, from the same access patterns as shard keys. */
function partitionKeys(sc: StepContext): string {
  const keys = designShardKeys(sc.facts);
  if (keys.length === 0) return '';
  const costs = describeCosts(keys);
  return ` Partition keys, from the access patterns: ${describeKeys(keys)}${costs.length > 0 ? `; ${costs.join('; ')}` : ''}.`;
}

/** Where the connections of a pool larger than one node go, from the steps already planned. */
function spread(steps: Step[]): string {
  const replicas = steps.some((s) => s.id === 'db-read-replicas');
  const shards = steps.some((s) => s.id === 'db-shard' || s.id === 'db-shard-storage');
  if (replicas && shards) return ' (the read replicas above take the reads, the shards above the writes)';
  if (replicas) return ' (the read replicas above take the reads)';
  if (shards) return ' (the shards above split them)';
  return ': route read-only queries to a read replica, or cut query time (busy connections grow with it, by Little\'s law)';
}

function movesToWideColumn(sc: StepContext): boolean {
  return decisionChanges(sc.facts.design, sc.redesign).some((c) => c.id === 'primary-database' && /Cassandra|Scylla/.test(c.to));
}

function decisionSteps(sc: StepContext): Step[] {
  const out: Step[] = [];
  for (const ch of decisionChanges(sc.facts.design, sc.redesign)) {
    const rule = DECISION_STEPS[ch.id];
    if (!rule) continue;
    const after = sc.redesign.cost.lines.filter(rule.targets).reduce((n, l) => n + l.monthlyUsd, 0);
    const before = sc.repriced.filter(rule.targets).reduce((n, l) => n + l.monthlyUsd, 0);
    const removes = rule.removes.filter((id) => over(sc.resources.get(id)));
    out.push({
      id: `decision-${ch.id}`, horizon: rule.horizon, removes,
      action: `${rule.verb}: ${ch.to.split(';')[0]} (instead of ${ch.from.split(';')[0]})`,
      rationale: `What the planner chooses when it designs for ${formatNumber(sc.factor)}× the load: ${ch.rationale}${ch.id === 'primary-database' ? partitionKeys(sc) : ''}`,
      monthlyCostDeltaUsd: money(after - before),
      costBasis: after === 0 && before === 0
        ? 'no line of the cost model changes; the same instances are regrouped'
        : `the re-plan's cost lines for it (${usd(after)}/month) − the current choice re-priced at the new load (${usd(before)}/month)`,
    });
  }
  return out;
}
