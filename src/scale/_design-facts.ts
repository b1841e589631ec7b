import type { Archetype } from '../knowledge/archetypes/_types.js';
import { EC2, ELASTICACHE, HOURS_PER_MONTH, RDS_POSTGRES, UNIT_PRICES, type InstanceSize } from '../knowledge/prices.js';
import type { Component, DataStore, Design } from '../model/design.js';

/**
 * Facts about a design that `archie scale` needs and reads from the model: node counts, the node
 * sizes the cost estimate priced (matched back to the dated price table), and how writes split
 * between stores (from the archetype's entities).
 */

const money = (v: number) => Math.round(v * 100) / 100;

/** Monthly price of one instance of a size in the price table. */
export function monthly(size: InstanceSize): number {
  return money(size.usdPerHour * HOURS_PER_MONTH);
}

/** Find the size whose monthly price the cost line carries (the cost model priced exactly one size). */
function sizeByPrice(sizes: InstanceSize[], unitPriceUsd: number): InstanceSize | undefined {
  return sizes.find((s) => Math.abs(monthly(s) - unitPriceUsd) < 0.011);
}

export interface DesignFacts {
  design: Design;
  archetype: Archetype;
  services: Component[];
  realtime: Component | undefined;
  store(id: string): DataStore | undefined;
  serverless: boolean;
  /** PostgreSQL instance size of the primary (and replicas), when the cost lines name one. */
  dbSize: InstanceSize | undefined;
  /** Monthly price of one PostgreSQL instance as the design's cost estimate priced it. */
  dbInstanceUsd: number;
  cacheSize: InstanceSize | undefined;
  cacheNodeUsd: number;
  /** Monthly price of one instance of a component, from its cost line or the unit prices. */
  instanceUsd(c: Component): number;
  /** Instances of a component the cost estimate priced (its launch count). */
  pricedInstances(c: Component): number;
  /** Share of writes that land in each store, from the archetype's entities. */
  writeShare(storeId: string): number;
  /** Share of writes to entities users search by text (indexed on every write). */
  searchableWriteShare: number;
}

export function designFacts(design: Design, archetype: Archetype): DesignFacts {
  const lines = design.cost.lines;
  const dbLine = lines.find((l) => l.target === 'postgres' && l.unit === 'instances' && /Multi-AZ/.test(l.item));
  const dbSize = dbLine ? sizeByPrice(RDS_POSTGRES, dbLine.unitPriceUsd) : undefined;
  const cacheLine = lines.find((l) => l.target === 'redis' && l.unit === 'nodes');
  const cacheSize = cacheLine ? sizeByPrice(ELASTICACHE, cacheLine.unitPriceUsd) : undefined;

  // Writes by store: each entity's share of writes (archetype data), summed by the store the planner put it in.
  const shares = new Map<string, number>();
  let searchable = 0;
  for (const e of design.entities) {
    const a = archetype.entities.find((x) => x.name === e.name);
    if (!a || !('writeShare' in a.rows)) continue;
    shares.set(e.store, (shares.get(e.store) ?? 0) + a.rows.writeShare);
    if (e.accessPatterns.some((p) => p.filters.some((f) => f.op === 'match'))) searchable += a.rows.writeShare;
  }
  const elsewhere = [...shares.entries()].filter(([s]) => s !== 'postgres').reduce((n, [, v]) => n + v, 0);

  const componentLine = (c: Component) => lines.find((l) => l.target === c.id && l.unit === 'instances' && / compute /.test(l.item));
  return {
    design,
    archetype,
    services: design.components.filter((c) => c.kind === 'service' && c.runtime),
    realtime: design.components.find((c) => c.kind === 'realtime' && c.runtime),
    store: (id) => design.dataStores.find((s) => s.id === id),
    serverless: design.overview.style === 'Serverless',
    dbSize,
    dbInstanceUsd: dbLine?.unitPriceUsd ?? monthly(RDS_POSTGRES[3]!),
    cacheSize,
    cacheNodeUsd: cacheLine?.unitPriceUsd ?? monthly(ELASTICACHE[1]!),
    instanceUsd(c) {
      const line = componentLine(c);
      if (line) return line.unitPriceUsd;
      const r = c.runtime!.resources;
      return money(((r.cpuRequestMillis / 1000) * UNIT_PRICES.vcpuHour + (r.memoryRequestMiB / 1024) * UNIT_PRICES.gibHour) * HOURS_PER_MONTH);
    },
    pricedInstances(c) {
      return componentLine(c)?.quantity ?? c.runtime?.replicas.min ?? 0;
    },
    writeShare(storeId) {
      if (storeId === 'postgres') return Math.max(0, 1 - elsewhere);
      return shares.get(storeId) ?? 0;
    },
    searchableWriteShare: searchable,
  };
}

/** Monthly price of self-run or managed nodes of the stores `archie scale` may add. */
export const NODE_PRICES = {
  rabbitmq: { usd: money(UNIT_PRICES.mqBrokerHour * HOURS_PER_MONTH), basis: `Amazon MQ broker $${UNIT_PRICES.mqBrokerHour}/h × ${HOURS_PER_MONTH} h` },
  kafka: { usd: money(UNIT_PRICES.mskBrokerHour * HOURS_PER_MONTH), basis: `MSK broker $${UNIT_PRICES.mskBrokerHour}/h × ${HOURS_PER_MONTH} h` },
  opensearch: { usd: money(UNIT_PRICES.searchNodeHour * HOURS_PER_MONTH), basis: `OpenSearch node $${UNIT_PRICES.searchNodeHour}/h × ${HOURS_PER_MONTH} h` },
  meilisearch: { usd: monthly(EC2[0]!), basis: `${EC2[0]!.name} $${EC2[0]!.usdPerHour}/h × ${HOURS_PER_MONTH} h` },
  timescaledb: { usd: monthly(EC2[1]!), basis: `${EC2[1]!.name} $${EC2[1]!.usdPerHour}/h × ${HOURS_PER_MONTH} h` },
  cassandra: { usd: monthly(EC2[2]!), basis: `${EC2[2]!.name} $${EC2[2]!.usdPerHour}/h × ${HOURS_PER_MONTH} h` },
} as const;
