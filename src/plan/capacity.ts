import { formatNumber } from '../brief/units.js';
import { LIMITS } from '../knowledge/limits.js';
import type { CapacityFigure } from '../model/design.js';
import { accumulated, chosen, CONVENTIONS, growthAt, type PlanContext } from './context.js';

/**
 * The capacity plan: pure functions of the requirements, the load and the per-node limits. Each
 * figure is evaluated at launch, 6 months, 1 year and any horizon the brief states, and carries
 * the formula that produced it so a reader can recompute it.
 */

const GB = 1e9;
const GiB = 1024 ** 3;

export interface CapacityPlan {
  figures: CapacityFigure[];
  /** Quick access by id. */
  get(id: string): CapacityFigure;
}

type At = (m: number) => number;

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function planCapacity(ctx: PlanContext): CapacityPlan {
  const { req, load, limits } = ctx;
  const s = req.scale;
  const g = (m: number) => growthAt(req, m);
  const horizons = req.horizonsMonths;
  const retentionMonths = s.retentionDays.value / CONVENTIONS.daysPerMonth;
  const figures: CapacityFigure[] = [];

  /**
   * Add a figure. `at(m)` gives the value m months after launch. Stock figures (stored data)
   * are read at the end of month 1 for "current"; flow figures at launch.
   */
  const add = (
    id: string,
    group: CapacityFigure['group'],
    label: string,
    unit: string,
    formula: string,
    inputs: string[],
    at: At,
    opts: { digits?: number; stock?: boolean } = {},
  ) => {
    const d = opts.digits ?? 0;
    figures.push({
      id,
      group,
      label,
      unit,
      current: round(at(opts.stock ? 1 : 0), d),
      sixMonths: round(at(6), d),
      oneYear: round(at(12), d),
      horizons: horizons.map((months) => ({ months, value: round(at(months), d) })),
      formula,
      inputs,
    });
  };

  const hit = chosen(ctx, 'cache')?.startsWith('Redis') ? ctx.archetype.defaults.cacheHitRate : 0;
  const realtime = ctx.archetype.traits.realtime;

  // ---------------------------------------------------------------- users
  add('dau', 'users', 'Daily active users', 'users', 'DAU × (1 + growth)^months', ['scale.dau', 'growthPerMonth'], (m) => s.dau.value * g(m));
  add('mau', 'users', 'Monthly active users', 'users', 'MAU × (1 + growth)^months', ['scale.mau', 'growthPerMonth'], (m) => s.mau.value * g(m));
  add('concurrent-users', 'users', 'Concurrent users at peak', 'users', 'concurrent users × (1 + growth)^months', ['scale.concurrentUsers', 'growthPerMonth'], (m) => s.concurrentUsers.value * g(m));

  // ---------------------------------------------------------------- load
  const avgRps: At = (m) => load.avgRps * g(m);
  const peakRps: At = (m) => load.peakRps * g(m);
  const peakReads: At = (m) => load.peakReads * g(m);
  const peakWrites: At = (m) => load.peakWrites * g(m);
  const avgWrites: At = (m) => load.avgWrites * g(m);
  const avgReads: At = (m) => load.avgReads * g(m);
  add('avg-rps', 'load', 'Average requests/s', 'req/s', 'DAU × requests per user per day ÷ 86,400 s × growth', ['scale.dau', 'scale.requestsPerUserPerDay', 'growthPerMonth'], avgRps, { digits: 1 });
  add('peak-rps', 'load', 'Peak requests/s', 'req/s', 'average req/s × peak factor', ['avg-rps', 'scale.peakFactor'], peakRps, { digits: 1 });
  add('peak-read-rps', 'load', 'Peak reads/s', 'req/s', 'peak req/s × R ÷ (R + 1), R = reads per write', ['peak-rps', 'scale.readWriteRatio'], peakReads, { digits: 1 });
  add('peak-write-rps', 'load', 'Peak writes/s', 'req/s', 'peak req/s ÷ (R + 1)', ['peak-rps', 'scale.readWriteRatio'], peakWrites, { digits: 1 });
  add('writes-per-day', 'load', 'Records written per day', 'records/day', 'average req/s ÷ (R + 1) × 86,400 s', ['avg-rps', 'scale.readWriteRatio'], (m) => avgWrites(m) * CONVENTIONS.secondsPerDay);

  // ---------------------------------------------------------------- operations, one figure each
  const w = req.workload;
  for (const item of w.inventory) {
    add(`inv-${item.id}`, 'load', item.name, item.unit, `${item.formula} × growth`, [`workload.inventory.${item.id}`, 'growthPerMonth'], (m) => item.count * g(m));
  }
  for (const op of w.operations) {
    const label = op.name.charAt(0).toUpperCase() + op.name.slice(1);
    const unit = op.kind === 'write' ? 'writes/s' : 'reads/s';
    add(`op-${op.id}`, 'load', `${label} (average)`, unit, op.formula, [`workload.operations.${op.id}`, 'growthPerMonth'], (m) => op.averagePerSecond * g(m), { digits: 1 });
    add(`op-${op.id}-peak`, 'load', `${label} at peak`, unit, `${op.name} average/s × peak factor`, [`op-${op.id}`, 'scale.peakFactor'], (m) => op.peakPerSecond * g(m), { digits: 1 });
    if (op.payloadBytes !== null) {
      const perMonth = (m: number) => (op.averagePerSecond * g(m) * op.payloadBytes! * CONVENTIONS.secondsPerMonth) / GB;
      add(`op-${op.id}-data-month`, 'storage', `Stored by ${op.name} per month`, 'GB/month', `${op.name} average/s × ${formatNumber(op.payloadBytes)} bytes each × 2,592,000 s ÷ 10^9`, [`op-${op.id}`], perMonth, { digits: 1 });
      add(`op-${op.id}-data`, 'storage', `Stored by ${op.name} (kept for the retention period)`, 'GB', `Σ over kept months of ${op.name} data per month`, [`op-${op.id}-data-month`, 'scale.retentionDays'], (m) => accumulated(perMonth, m, retentionMonths), { digits: 1, stock: true });
      // The yearly figure an architect quotes first ("1B users × 40 emails × 50 KB × 365 = 730 PB a year"): a year at that month's rate, before growth.
      add(`op-${op.id}-data-year`, 'storage', `Stored by ${op.name} in a year at that month's rate`, 'GB', `${op.name} data per month × 365 ÷ 30`, [`op-${op.id}-data-month`], (m) => (perMonth(m) * 365) / 30, { digits: 1, stock: true });
    }
    if (op.fanout !== null) {
      add(`op-${op.id}-recipients`, 'realtime', `Recipients of each ${op.name}`, 'recipients', 'stated fan-out degree × share online at once', [`workload.operations.${op.id}`], () => op.fanout!, { digits: 1 });
      add(`op-${op.id}-fanout-peak`, 'realtime', `Deliveries from ${op.name} at peak (fan-out)`, 'msg/s', `${op.name} at peak × recipients per ${op.name}`, [`op-${op.id}-peak`, `op-${op.id}-recipients`], (m) => op.peakPerSecond * op.fanout! * g(m));
      add(`op-${op.id}-fanout-avg`, 'realtime', `Deliveries from ${op.name} (average, fan-out)`, 'msg/s', `${op.name} average/s × recipients per ${op.name}`, [`op-${op.id}`, `op-${op.id}-recipients`], (m) => op.averagePerSecond * op.fanout! * g(m));
    }
  }
  if (w.operations.some((o) => o.rowsWritten > 1)) {
    const rowsAvg = w.operations.reduce((t, o) => t + o.averagePerSecond * o.rowsWritten, 0);
    add('db-rows-written-peak', 'database', 'Database rows written at peak', 'writes/s', 'Σ write operations at peak × rows each one writes', ['workload.operations', 'scale.peakFactor'], (m) => rowsAvg * s.peakFactor.value * g(m));
  }

  // ---------------------------------------------------------------- bandwidth
  const blobsPerSecondAvg: At = (m) => (s.dau.value * g(m) * s.blobsPerUserPerDay.value) / CONVENTIONS.secondsPerDay;
  add(
    'ingress-peak', 'bandwidth', 'Peak inbound bandwidth', 'Mbit/s',
    '(peak writes/s × request size + peak uploads/s × object size) × 8 ÷ 10^6',
    ['peak-write-rps', 'scale.requestBytes', 'scale.blobsPerUserPerDay', 'scale.blobBytes', 'scale.peakFactor'],
    (m) => ((peakWrites(m) * s.requestBytes.value + blobsPerSecondAvg(m) * s.peakFactor.value * s.blobBytes.value) * 8) / 1e6,
    { digits: 1 },
  );
  add(
    'egress-peak', 'bandwidth', 'Peak outbound bandwidth (API)', 'Mbit/s', 'peak reads/s × response size × 8 ÷ 10^6',
    ['peak-read-rps', 'scale.responseBytes'], (m) => (peakReads(m) * s.responseBytes.value * 8) / 1e6, { digits: 1 },
  );
  add(
    'egress-month', 'bandwidth', 'Outbound transfer per month (API)', 'GB/month', 'average reads/s × response size × 2,592,000 s ÷ 10^9',
    ['avg-rps', 'scale.readWriteRatio', 'scale.responseBytes'], (m) => (avgReads(m) * s.responseBytes.value * CONVENTIONS.secondsPerMonth) / GB, { digits: 1 },
  );

  // ---------------------------------------------------------------- storage
  const rawPerMonth = (m: number) => (avgWrites(m) * s.recordBytes.value * CONVENTIONS.secondsPerMonth) / GB;
  const rawData: At = (m) => s.initialDataBytes.value / GB + accumulated(rawPerMonth, m, retentionMonths);
  add(
    'db-data', 'storage', 'Database data (rows, one copy)', 'GB',
    'existing data + Σ over kept months of (average writes/s × record size × 2,592,000 s); data older than the retention period is deleted',
    ['scale.initialDataBytes', 'avg-rps', 'scale.readWriteRatio', 'scale.recordBytes', 'scale.retentionDays', 'growthPerMonth'],
    rawData, { digits: 1, stock: true },
  );
  const recordsPerMonth = (m: number) => avgWrites(m) * CONVENTIONS.secondsPerMonth;
  const records: At = (m) => accumulated(recordsPerMonth, m, retentionMonths);
  add(
    'records-stored', 'storage', 'Records stored', 'records',
    'Σ over kept months of (average writes/s × 2,592,000 s); records older than the retention period are deleted',
    ['avg-rps', 'scale.readWriteRatio', 'scale.retentionDays', 'growthPerMonth'], records, { stock: true },
  );
  add(
    'data-written-month', 'storage', 'Data written per month', 'GB/month', 'average writes/s × record size × 2,592,000 s ÷ 10^9',
    ['avg-rps', 'scale.readWriteRatio', 'scale.recordBytes'], rawPerMonth, { digits: 1 },
  );
  if (ctx.archetype.id === 'url-shortener' || ctx.archetype.id === 'pastebin') {
    // One code length for the system's whole life: enough codes for every record kept at the longest horizon.
    const longest = Math.max(12, ...horizons);
    const needed = Math.max(1, records(longest));
    const length = Math.max(4, Math.ceil(Math.log(needed) / Math.log(62)));
    add(
      'short-code-length', 'storage', 'Short code length (base62: 0-9, a-z, A-Z)', 'chars',
      `smallest n with 62^n ≥ records stored after ${longest} months (${formatNumber(needed)})`, ['records-stored'], () => length,
    );
    add('short-code-space', 'storage', 'Codes available at that length', 'codes', `62^${length}`, ['short-code-length'], () => 62 ** length);
  }
  add(
    'db-storage', 'storage', 'Database storage (with indexes and copies)', 'GB',
    `database data × (1 + ${CONVENTIONS.indexOverhead} index overhead) × ${CONVENTIONS.replicationFactor} copies`,
    ['db-data'], (m) => rawData(m) * (1 + CONVENTIONS.indexOverhead) * CONVENTIONS.replicationFactor, { digits: 1, stock: true },
  );
  if (s.blobBytes.value > 0 && s.blobsPerUserPerDay.value > 0) {
    add(
      'object-storage', 'storage', 'Object storage (media and files)', 'GB',
      'Σ over kept months of (DAU × uploads per user per day × object size × 30 days)',
      ['scale.dau', 'scale.blobsPerUserPerDay', 'scale.blobBytes', 'scale.retentionDays', 'growthPerMonth'],
      (m) => accumulated((k) => (s.dau.value * g(k) * s.blobsPerUserPerDay.value * s.blobBytes.value * CONVENTIONS.daysPerMonth) / GB, m, retentionMonths),
      { digits: 1, stock: true },
    );
  }

  const media = s.blobBytes.value > 0 && s.blobsPerUserPerDay.value > 0;
  if (media) {
    const perUser = ctx.archetype.defaults.mediaBytesPerUserPerDay;
    add(
      'media-egress-month', 'bandwidth', 'Media delivered per month (CDN)', 'GB/month',
      perUser !== undefined
        ? `DAU × ${formatNumber(perUser / 1e6)} MB downloaded per user per day (typical for the kind of system) × 30 days ÷ 10^9`
        : 'DAU × uploads per user per day × object size × 5 views per upload × 30 days ÷ 10^9',
      ['scale.dau', 'scale.blobsPerUserPerDay', 'scale.blobBytes'],
      (m) => (s.dau.value * g(m) * (perUser ?? s.blobsPerUserPerDay.value * s.blobBytes.value * 5) * CONVENTIONS.daysPerMonth) / GB,
      { digits: 1 },
    );
  }

  // ---------------------------------------------------------------- cache
  if (hit > 0) {
    const cacheGiB: At = (m) => (avgReads(m) * CONVENTIONS.secondsPerDay * CONVENTIONS.hotShare * s.recordBytes.value * CONVENTIONS.cacheOverhead) / GiB;
    add(
      'cache-memory', 'cache', 'Cache memory for the hot set', 'GiB',
      `average reads/s × 86,400 s × ${CONVENTIONS.hotShare} hot share × record size × ${CONVENTIONS.cacheOverhead} overhead ÷ 2^30`,
      ['avg-rps', 'scale.readWriteRatio', 'scale.recordBytes'], cacheGiB, { digits: 2 },
    );
    add(
      'cache-nodes', 'cache', 'Cache primaries (each with a replica)', 'nodes',
      `max(1, ⌈cache memory ÷ ${LIMITS.redisMemoryPerNode.value} GiB usable per node⌉, ⌈peak cache ops/s ÷ ${formatNumber(LIMITS.redisOpsPerNode.value)}⌉)`,
      ['cache-memory', 'peak-rps'],
      (m) => Math.max(1, Math.ceil(cacheGiB(m) / LIMITS.redisMemoryPerNode.value), Math.ceil((peakRps(m) * 2) / LIMITS.redisOpsPerNode.value)),
    );
    add(
      'cache-hit-rate', 'cache', 'Expected cache hit rate', '%', 'share of reads served by the hot set (80/20 skew of the kind of system)',
      ['archetype.defaults.cacheHitRate'], () => hit * 100, { digits: 0 },
    );
  }

  // ---------------------------------------------------------------- compute
  const perInstance = limits.appRpsPerInstance.value * LIMITS.appTargetUtilisation.value;
  const minInstances = req.availability.value >= 0.9995 ? 3 : 2;
  const apiRps: At = (m) => peakRps(m);
  const instances: At = (m) => Math.max(minInstances, Math.ceil(apiRps(m) / perInstance));
  add(
    'app-instances', 'compute', 'API instances at peak (1 vCPU each)', 'instances',
    `max(${minInstances} for zone redundancy, ⌈peak req/s ÷ (${limits.appRpsPerInstance.value} req/s per instance × ${LIMITS.appTargetUtilisation.value} target utilisation)⌉)`,
    ['peak-rps', 'limits.appRpsPerInstance', 'availability'], instances,
  );
  if (realtime) {
    add(
      'ws-nodes', 'realtime', 'Real-time (WebSocket) nodes', 'nodes',
      `max(${minInstances} for zone redundancy, ⌈concurrent users ÷ ${formatNumber(limits.wsConnectionsPerNode.value)} connections per node⌉)`,
      ['concurrent-users', 'limits.wsConnectionsPerNode', 'availability'],
      (m) => Math.max(minInstances, Math.ceil((s.concurrentUsers.value * g(m)) / limits.wsConnectionsPerNode.value)),
    );
    add(
      'ws-deliveries', 'realtime', 'Peak pushes to clients', 'msg/s',
      `peak writes/s × ${CONVENTIONS.fanoutFactor} recipients online per event (fan-out convention)`,
      ['peak-write-rps'], (m) => peakWrites(m) * CONVENTIONS.fanoutFactor,
    );
  }

  // ---------------------------------------------------------------- database
  // Rows per write: a transfer debits one account and credits another.
  const opWrites = req.workload.operations.filter((o) => o.kind === 'write');
  const opWriteRate = opWrites.reduce((t, o) => t + o.averagePerSecond, 0);
  const rowsPerWrite = opWriteRate > 0 ? opWrites.reduce((t, o) => t + o.averagePerSecond * o.rowsWritten, 0) / opWriteRate : 1;
  const dbQueries: At = (m) => peakWrites(m) * rowsPerWrite + peakReads(m) * (1 - hit);
  const dbReads: At = (m) => peakReads(m) * (1 - hit);
  add(
    'db-peak-qps', 'database', 'Peak database queries/s', 'queries/s', `peak writes/s + peak reads/s × (1 − cache hit rate ${hit})`,
    ['peak-write-rps', 'peak-read-rps', 'cache-hit-rate'], dbQueries, { digits: 0 },
  );
  const inFlight: At = (m) => dbQueries(m) * (LIMITS.pgQueryMs.value / 1000);
  add(
    'db-connections-busy', 'database', 'Connections busy at peak (Little\'s law)', 'connections', `L = λ × W = peak queries/s × ${LIMITS.pgQueryMs.value} ms mean hold time`,
    ['db-peak-qps', 'limits.pgQueryMs'], inFlight, { digits: 1 },
  );
  const poolPerInstance: At = (m) => Math.max(5, Math.ceil((inFlight(m) * CONVENTIONS.poolHeadroom) / instances(m)));
  add(
    'db-pool-per-instance', 'database', 'Connection pool size per API instance', 'connections', `max(5, ⌈busy connections × ${CONVENTIONS.poolHeadroom} headroom ÷ API instances⌉)`,
    ['db-connections-busy', 'app-instances'], poolPerInstance,
  );
  add(
    'db-connections-total', 'database', 'Server connections from the API fleet', 'connections',
    `pool per instance × API instances (PgBouncer in transaction mode when above ${LIMITS.pgMaxConnections.value})`, ['db-pool-per-instance', 'app-instances'],
    (m) => poolPerInstance(m) * instances(m),
  );
  add(
    'db-read-replicas', 'database', 'Read replicas needed', 'replicas', `max(0, ⌈peak database reads/s ÷ ${formatNumber(limits.pgReadsPerNode.value)} per node⌉ − 1 primary)`,
    ['peak-read-rps', 'cache-hit-rate', 'limits.pgReadsPerNode'], (m) => Math.max(0, Math.ceil(dbReads(m) / limits.pgReadsPerNode.value) - 1),
  );
  // Measurements kept in the time-series store are not PostgreSQL's writes or data.
  const pgShare = postgresWriteShare(ctx.archetype);
  const shareNote = pgShare < 1 ? ` × ${formatNumber(pgShare, 3)} (share of writes PostgreSQL holds; the rest go to the time-series store)` : '';
  if (pgShare < 1) {
    add(
      'db-peak-writes-postgres', 'database', 'Peak writes reaching PostgreSQL', 'writes/s',
      `peak writes/s${rowsPerWrite > 1 ? ` × ${formatNumber(rowsPerWrite, 2)} rows per write` : ''}${shareNote}`,
      ['peak-write-rps'], (m) => peakWrites(m) * rowsPerWrite * pgShare, { digits: 1 },
    );
  }
  add(
    'db-write-primaries', 'database', 'Write primaries (shards) needed', 'shards',
    `max(⌈peak writes/s${rowsPerWrite > 1 ? ` × ${formatNumber(rowsPerWrite, 2)} rows per write` : ''}${shareNote} ÷ ${formatNumber(limits.pgWritesPerPrimary.value)} per primary⌉, ⌈database data${shareNote} ÷ ${formatNumber(LIMITS.pgStoragePerNode.value)} GB per node⌉)`,
    ['peak-write-rps', 'db-data', 'limits.pgWritesPerPrimary'],
    (m) => Math.max(1, Math.ceil((peakWrites(m) * rowsPerWrite * pgShare) / limits.pgWritesPerPrimary.value), Math.ceil((rawData(Math.max(1, m)) * pgShare) / LIMITS.pgStoragePerNode.value)),
  );

  // ---------------------------------------------------------------- messaging
  const broker = chosen(ctx, 'messaging');
  if (broker) {
    add(
      'queue-peak', 'messaging', `Peak events on ${broker}`, 'msg/s', 'peak writes/s × 1 event per write',
      ['peak-write-rps'], (m) => peakWrites(m), { digits: 0 },
    );
  }

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

/** Share of the writes that PostgreSQL stores: all of them, unless measurements go to a time-series store. */
export function postgresWriteShare(archetype: { traits: { timeSeries: boolean }; entities: ReadonlyArray<{ store?: string; rows: { perUser: number } | { writeShare: number } }> }): number {
  if (!archetype.traits.timeSeries) return 1;
  const ts = archetype.entities.reduce((t, e) => t + (e.store === 'timeseries' && 'writeShare' in e.rows ? e.rows.writeShare : 0), 0);
  return Math.min(1, Math.max(0.001, 1 - ts));
}
