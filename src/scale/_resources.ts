import { formatNumber } from '../brief/units.js';
import { LIMITS, type NodeLimit } from '../knowledge/limits.js';
import type { DesignFacts } from './_design-facts.js';
import type { Figures, LimitOverrides } from './_load-model.js';
import type { LimitUsed } from './model.js';

/**
 * Everything `archie scale` sizes: one entry per component or store and per dimension that can
 * run out (request rate, writes, reads, connections, memory, throughput, storage), each with the
 * per-node limit from the knowledge base it is measured against.
 */
export interface ResourceDef {
  id: string;
  name: string;
  target: string;
  unit: string;
  limit: LimitUsed;
  nodes: number;
  nodesBasis: string;
  targetUtilisation: number;
  loadFormula: string;
  note: string | null;
  /** Load at f × today's, from the planner's figures at that load. */
  load(g: Figures, f: number): number;
}

/** Throughput limits are sized for the knowledge base's target utilisation; capacity limits (memory, connections, quotas) already hold their headroom. */
const THROUGHPUT_TARGET = LIMITS.appTargetUtilisation.value;

function used(l: NodeLimit, value = l.value, adjustment: string | null = null, source = l.source): LimitUsed {
  return { id: l.id, label: l.label, value, unit: l.unit, source, adjustment };
}

function overridden(l: NodeLimit, override: number | undefined): LimitUsed {
  return override === undefined ? used(l) : used(l, override, null, 'given by the user (override of the knowledge base figure)');
}

/** PostgreSQL per-node figures are stated for 8 vCPU; smaller nodes get a proportional share, larger ones no more. */
function dbScale(f: DesignFacts): { scale: number; text: string | null } {
  if (!f.dbSize) return { scale: 1, text: null };
  if (f.dbSize.vcpu >= 8) return { scale: 1, text: f.dbSize.vcpu > 8 ? `the design runs ${f.dbSize.name} (${f.dbSize.vcpu} vCPU); archie credits no more than the 8-vCPU figure, since WAL writing does not scale with cores` : null };
  return { scale: f.dbSize.vcpu / 8, text: `× ${f.dbSize.vcpu}/8 for the design's ${f.dbSize.name} (${f.dbSize.vcpu} vCPU; the figure is stated for 8 vCPU, scaled linearly as the cost model sizes it)` };
}

export function resourceDefs(f: DesignFacts, overrides: LimitOverrides): ResourceDef[] {
  const d = f.design;
  const defs: ResourceDef[] = [];
  const s = d.requirements.scale;
  const baseFigure = (id: string) => d.capacity.figures.find((x) => x.id === id)?.current ?? 0;

  // ------------------------------------------------------------------ API fleet
  if (f.serverless) {
    const l = LIMITS.lambdaConcurrency;
    defs.push({
      id: 'function-concurrency', name: 'Function concurrency (region quota)', target: f.services[0]?.id ?? 'api', unit: l.unit,
      limit: used(l), nodes: 1, nodesBasis: 'one region', targetUtilisation: 1,
      loadFormula: 'peak req/s × 0.1 s per invocation (the cost model\'s 100 ms)', note: 'a quota increase is a support request, not an architecture change',
      load: (g) => g('peak-rps') * 0.1,
    });
  } else if (f.services.length > 0) {
    const l = overridden(LIMITS.appRpsPerInstance, overrides.appRpsPerInstance);
    const nodes = f.services.reduce((n, c) => n + c.runtime!.replicas.max, 0);
    const cpu = f.services[0]!.runtime!.resources.cpuRequestMillis / 1000;
    const perNode = l.value * cpu;
    defs.push({
      id: 'api-requests', name: f.services.length === 1 ? `${f.services[0]!.name} requests` : `Service fleet requests (${f.services.length} services)`,
      target: f.services.length === 1 ? f.services[0]!.id : f.services.map((c) => c.id).join(','), unit: 'req/s',
      limit: cpu === 1 ? l : { ...l, value: perNode, adjustment: `× ${cpu} vCPU per instance` },
      nodes, nodesBasis: `autoscaling maximum${f.services.length > 1 ? 's summed' : ''} (replicas.max) in the design`,
      targetUtilisation: THROUGHPUT_TARGET, loadFormula: 'peak req/s', load: (g) => g('peak-rps'),
      note: f.services.length > 1 ? 'how requests split between services is not in the design; the fleet is compared as a whole, so one hot service can saturate earlier' : null,
    });
  }

  // ------------------------------------------------------------------ real-time connections
  if (f.realtime) {
    const l = overridden(LIMITS.wsConnectionsPerNode, overrides.wsConnectionsPerNode);
    defs.push({
      id: 'realtime-connections', name: `${f.realtime.name} WebSocket connections`, target: f.realtime.id, unit: 'connections',
      limit: l, nodes: f.realtime.runtime!.replicas.max, nodesBasis: 'autoscaling maximum (replicas.max) in the design',
      targetUtilisation: 1, loadFormula: 'concurrent users at peak (one connection each)', load: (g) => g('concurrent-users'), note: null,
    });
  }

  // ------------------------------------------------------------------ PostgreSQL
  const pg = f.store('postgres');
  if (pg) {
    const { scale, text } = dbScale(f);
    const primaries = Math.max(1, baseFigure('db-write-primaries'));
    const replicas = baseFigure('db-read-replicas');
    const share = f.writeShare('postgres');
    const wl = overridden(LIMITS.pgWritesPerPrimary, overrides.pgWritesPerPrimary);
    defs.push({
      id: 'db-writes', name: 'PostgreSQL primary writes', target: pg.id, unit: 'writes/s',
      limit: { ...wl, value: wl.value * scale, adjustment: text }, nodes: primaries, nodesBasis: primaries > 1 ? 'write primaries (shards) in the design' : 'one primary (the standby takes no load)',
      targetUtilisation: THROUGHPUT_TARGET,
      loadFormula: share < 1 ? `peak writes/s × ${formatNumber(share, 3)} (share of writes to entities PostgreSQL holds)` : 'peak writes/s',
      load: (g) => g('peak-write-rps') * share, note: null,
    });
    const rl = overridden(LIMITS.pgReadsPerNode, overrides.pgReadsPerNode);
    defs.push({
      id: 'db-reads', name: 'PostgreSQL reads', target: pg.id, unit: 'queries/s',
      limit: { ...rl, value: rl.value * scale, adjustment: text }, nodes: primaries + replicas,
      nodesBasis: replicas > 0 ? `${primaries} primary + ${replicas} read replica(s)` : 'the primary alone (no read replicas in the design)',
      targetUtilisation: THROUGHPUT_TARGET, loadFormula: 'peak database queries/s − peak writes/s (reads the cache does not absorb)',
      load: (g) => Math.max(0, g('db-peak-qps') - g('peak-write-rps')),
      note: f.store('timescaledb') ? 'reads of time-series data go to the time-series store; they are counted here as an upper bound' : 'the primary also serves writes: reads and writes share its CPU',
    });
    defs.push({
      id: 'db-connections', name: 'PostgreSQL server connections', target: pg.id, unit: 'connections',
      limit: used(LIMITS.pgMaxConnections), nodes: primaries, nodesBasis: 'connections land on the primary',
      targetUtilisation: 1, loadFormula: 'pool per API instance × API instances (Little\'s law pool sizing)',
      load: (g) => g('db-connections-total'), note: null,
    });
    // Storage is a stock that grows with time: compare a year of data with the primaries the design plans for that year.
    const yearPrimaries = Math.max(1, d.capacity.figures.find((x) => x.id === 'db-write-primaries')?.oneYear ?? primaries);
    defs.push({
      id: 'db-storage', name: 'PostgreSQL data per primary, one year on', target: pg.id, unit: 'GB',
      limit: used(LIMITS.pgStoragePerNode), nodes: yearPrimaries,
      nodesBasis: `the ${yearPrimaries} write primar${yearPrimaries === 1 ? 'y' : 'ies'} the design plans for one year on (data is split across them)`,
      targetUtilisation: 1, loadFormula: share < 1 ? `database data one year on × ${formatNumber(share, 3)}` : 'database data one year on (existing data + a year of writes within retention)',
      load: (g) => g('db-data', 'oneYear') * share, note: null,
    });
  }

  // ------------------------------------------------------------------ cache
  const redis = f.store('redis');
  if (redis) {
    const primaries = Math.max(1, Math.floor(redis.nodes / 2));
    const mem = LIMITS.redisMemoryPerNode;
    const usable = f.cacheSize ? Math.round(f.cacheSize.memoryGiB * 0.75 * 100) / 100 : mem.value;
    defs.push({
      id: 'cache-memory', name: 'Redis memory', target: redis.id, unit: 'GiB',
      limit: used(mem, usable, f.cacheSize ? `${f.cacheSize.name} has ${f.cacheSize.memoryGiB} GiB; 75 % usable (25 % reserved, as the figure states)` : null),
      nodes: primaries, nodesBasis: 'cache primaries (each with a replica) in the design', targetUtilisation: 1,
      loadFormula: 'hot set: average reads/s × 86,400 s × hot share × record size × overhead', load: (g) => g('cache-memory'),
      note: 'a full cache evicts rather than fails: the hit rate drops and the database takes the misses',
    });
    defs.push({
      id: 'cache-ops', name: 'Redis operations', target: redis.id, unit: 'ops/s', limit: used(LIMITS.redisOpsPerNode), nodes: primaries,
      nodesBasis: 'cache primaries in the design', targetUtilisation: THROUGHPUT_TARGET, loadFormula: 'peak req/s × 2 cache operations per request (the planner\'s convention)',
      load: (g) => g('peak-rps') * 2, note: null,
    });
  }

  // ------------------------------------------------------------------ brokers
  for (const id of ['rabbitmq', 'kafka'] as const) {
    const b = f.store(id);
    if (!b) continue;
    const l = id === 'kafka' ? LIMITS.kafkaMsgsPerBroker : LIMITS.rabbitMsgsPerNode;
    defs.push({
      id: 'broker-throughput', name: `${b.technology} throughput`, target: b.id, unit: 'msg/s', limit: used(l), nodes: b.nodes,
      nodesBasis: 'broker nodes in the design', targetUtilisation: THROUGHPUT_TARGET, loadFormula: 'peak writes/s × 1 event per write', load: (g) => g('queue-peak'),
      note: id === 'rabbitmq' ? 'one queue lives on one node: a single hot queue saturates at the per-node figure, not the cluster\'s' : null,
    });
  }

  // ------------------------------------------------------------------ search
  const search = f.store('opensearch') ?? f.store('meilisearch');
  if (search && f.searchableWriteShare > 0) {
    const copies = search.id === 'opensearch' ? 2 : 1;
    const l = LIMITS.searchDocsPerNode;
    defs.push({
      id: 'search-indexing', name: `${search.technology} indexing`, target: search.id, unit: 'docs/s',
      limit: copies > 1 ? used(l, l.value / copies, '÷ 2: every document is indexed on its primary shard and one replica') : used(l),
      nodes: search.nodes, nodesBasis: 'search nodes in the design', targetUtilisation: THROUGHPUT_TARGET,
      loadFormula: `peak writes/s × ${formatNumber(f.searchableWriteShare, 3)} (writes to searchable entities)`,
      load: (g) => g('peak-write-rps') * f.searchableWriteShare, note: 'query load is not in the design (the share of reads that are searches is unknown)',
    });
  }

  // ------------------------------------------------------------------ time series, wide column
  const tsdb = f.store('timescaledb');
  if (tsdb) {
    const share = f.writeShare('timescaledb');
    defs.push({
      id: 'tsdb-ingest', name: 'TimescaleDB ingest', target: tsdb.id, unit: 'rows/s', limit: used(LIMITS.tsdbRowsPerNode), nodes: 1,
      nodesBasis: 'one writer (the second node is the HA replica)', targetUtilisation: THROUGHPUT_TARGET,
      loadFormula: `peak writes/s × ${formatNumber(share, 3)} (share of writes that are measurements)`, load: (g) => g('peak-write-rps') * share, note: null,
    });
  }
  const cassandra = f.store('cassandra');
  if (cassandra) {
    const share = f.writeShare('cassandra');
    defs.push({
      id: 'wide-column-writes', name: 'Cassandra writes', target: cassandra.id, unit: 'writes/s',
      limit: used(LIMITS.wideColumnWritesPerNode, LIMITS.wideColumnWritesPerNode.value / 3, '÷ 3: replication factor 3 writes every row on three nodes'),
      nodes: cassandra.nodes, nodesBasis: 'Cassandra nodes in the design', targetUtilisation: THROUGHPUT_TARGET,
      loadFormula: `peak writes/s × ${formatNumber(share, 3)}`, load: (g) => g('peak-write-rps') * share, note: null,
    });
  }

  // ------------------------------------------------------------------ object storage
  const obj = f.store('object-storage');
  if (obj && s.blobsPerUserPerDay.value > 0) {
    defs.push({
      id: 'object-puts', name: 'Object storage uploads per prefix', target: obj.id, unit: 'PUT/s', limit: used(LIMITS.s3PutPerPrefix), nodes: 1,
      nodesBasis: 'one key prefix unless keys are spread', targetUtilisation: 1,
      loadFormula: 'DAU × uploads per user per day ÷ 86,400 s × peak factor',
      load: (g) => (g('dau') * s.blobsPerUserPerDay.value / 86_400) * s.peakFactor.value, note: null,
    });
  }
  return defs;
}
