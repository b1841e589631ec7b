import { formatNumber } from '../brief/units.js';
import { LIMITS } from '../knowledge/limits.js';
import { EC2, ELASTICACHE, HOURS_PER_MONTH, PRICE_TABLE, RDS_POSTGRES, UNIT_PRICES, type InstanceSize } from '../knowledge/prices.js';
import type { Component, Cost, DataStore } from '../model/design.js';
import type { CapacityPlan } from './capacity.js';
import { chosen, CONVENTIONS, type PlanContext } from './context.js';

type Line = Cost['lines'][number];

function smallest(sizes: InstanceSize[], ok: (s: InstanceSize) => boolean): InstanceSize {
  return sizes.find(ok) ?? sizes[sizes.length - 1]!;
}

function money(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Monthly cost of the proposed deployment from the dated price table: compute from instance
 * counts and sizes, managed stores sized from the capacity plan, storage, transfer and identity.
 * Evaluated at launch and at one year (the `pick` argument selects the capacity column).
 */
export function planCost(ctx: PlanContext, cap: CapacityPlan, components: Component[], stores: DataStore[]): Cost {
  const at = (pick: 'current' | 'oneYear'): Line[] => {
    const lines: Line[] = [];
    const add = (item: string, target: string, quantity: number, unit: string, unitPriceUsd: number) => {
      if (quantity <= 0) return;
      lines.push({ item, target, quantity: money(quantity), unit, unitPriceUsd, monthlyUsd: money(quantity * unitPriceUsd) });
    };
    const fig = (id: string) => cap.figures.find((f) => f.id === id)?.[pick] ?? 0;
    const serverless = chosen(ctx, 'architecture-style') === 'Serverless';
    const k8s = (chosen(ctx, 'deployment') ?? '').includes('Kubernetes');

    // Compute: containers priced per vCPU-hour and GiB-hour.
    for (const c of components) {
      if (!c.runtime || c.kind === 'client') continue;
      const replicas = c.kind === 'service' ? Math.max(c.runtime.replicas.min, pick === 'oneYear' ? fig('app-instances') : c.runtime.replicas.min)
        : c.kind === 'realtime' ? Math.max(c.runtime.replicas.min, fig('ws-nodes'))
          : c.runtime.replicas.min;
      if (serverless && c.kind === 'service') continue;
      const vcpu = c.runtime.resources.cpuRequestMillis / 1000;
      const gib = c.runtime.resources.memoryRequestMiB / 1024;
      const perInstance = (vcpu * UNIT_PRICES.vcpuHour + gib * UNIT_PRICES.gibHour) * HOURS_PER_MONTH;
      add(`${c.name} compute (${vcpu} vCPU, ${gib} GiB each)`, c.id, replicas, 'instances', money(perInstance));
    }
    if (serverless) {
      const requests = fig('avg-rps') * CONVENTIONS.secondsPerMonth;
      add('Function invocations', 'api', requests / 1e6, 'million requests', UNIT_PRICES.lambdaPerMillion + UNIT_PRICES.apiGatewayPerMillion);
      add('Function compute (0.5 GB × 100 ms per request)', 'api', requests * 0.05, 'GB-seconds', UNIT_PRICES.lambdaGbSecond);
    } else {
      if (k8s) add('Kubernetes control plane', 'platform', 1, 'clusters', money(UNIT_PRICES.eksClusterHour * HOURS_PER_MONTH));
      add('Load balancer (hourly + 2 LCU baseline)', 'edge', 1, 'load balancers', money((UNIT_PRICES.albHour + 2 * UNIT_PRICES.albLcuHour) * HOURS_PER_MONTH));
      add('NAT gateways (one per zone in use)', 'platform', 2, 'gateways', money(UNIT_PRICES.natGatewayHour * HOURS_PER_MONTH));
    }

    // Primary database: size from the share of one 8-vCPU node the peak load needs.
    const peakWrites = fig('peak-write-rps');
    const dbReads = fig('db-peak-qps') - peakWrites;
    const vcpuNeeded = Math.max(2, Math.ceil(8 * (peakWrites / ctx.limits.pgWritesPerPrimary.value + dbReads / ctx.limits.pgReadsPerNode.value) / LIMITS.appTargetUtilisation.value));
    const primaries = Math.max(1, fig('db-write-primaries'));
    const dbSize = smallest(RDS_POSTGRES, (s) => s.vcpu >= Math.min(vcpuNeeded / primaries, 32));
    add(`PostgreSQL ${dbSize.name}, Multi-AZ (primary + standby)`, 'postgres', 2 * primaries, 'instances', money(dbSize.usdPerHour * HOURS_PER_MONTH));
    add(`PostgreSQL read replicas (${dbSize.name})`, 'postgres', fig('db-read-replicas'), 'instances', money(dbSize.usdPerHour * HOURS_PER_MONTH));
    add('Database storage (gp3, all copies)', 'postgres', Math.max(20, fig('db-storage')), 'GB-month', UNIT_PRICES.dbStorageGbMonth);
    add('Database backups (PITR beyond free allowance)', 'postgres', fig('db-data'), 'GB-month', UNIT_PRICES.backupGbMonth);

    for (const s of stores) {
      switch (s.id) {
        case 'redis': {
          const primariesC = Math.max(1, fig('cache-nodes'));
          const perNode = fig('cache-memory') / primariesC;
          const size = smallest(ELASTICACHE, (x) => x.memoryGiB * 0.75 >= perNode);
          add(`Redis ${size.name} (primary + replica per shard)`, 'redis', primariesC * 2, 'nodes', money(size.usdPerHour * HOURS_PER_MONTH));
          break;
        }
        case 'rabbitmq':
          add('RabbitMQ cluster (3 brokers)', 'rabbitmq', 3, 'brokers', money(UNIT_PRICES.mqBrokerHour * HOURS_PER_MONTH));
          break;
        case 'kafka':
          add('Kafka brokers (3, replication 3)', 'kafka', 3, 'brokers', money(UNIT_PRICES.mskBrokerHour * HOURS_PER_MONTH));
          add('Kafka storage (7-day retention × 3 copies)', 'kafka', (fig('queue-peak') / ctx.req.scale.peakFactor.value) * 1_000 * 7 * 86_400 * 3 / 1e9, 'GB-month', UNIT_PRICES.mskStorageGbMonth);
          break;
        case 'sqs':
          add('SQS/SNS requests (send + receive + delete)', 'sqs', (fig('avg-rps') / (1 + ctx.req.scale.readWriteRatio.value)) * CONVENTIONS.secondsPerMonth * 3 / 1e6, 'million requests', UNIT_PRICES.sqsPerMillion);
          break;
        case 'opensearch':
          add('OpenSearch nodes (3, multi-AZ)', 'opensearch', 3, 'nodes', money(UNIT_PRICES.searchNodeHour * HOURS_PER_MONTH));
          break;
        case 'meilisearch':
          add(`Meilisearch on ${EC2[0]!.name}`, 'meilisearch', 1, 'instances', money(EC2[0]!.usdPerHour * HOURS_PER_MONTH));
          break;
        case 'timescaledb':
          add(`TimescaleDB (HA pair, ${EC2[1]!.name}-class)`, 'timescaledb', 2, 'instances', money(EC2[1]!.usdPerHour * HOURS_PER_MONTH));
          break;
        case 'cassandra':
          add(`Cassandra nodes (${EC2[2]!.name})`, 'cassandra', 3, 'instances', money(EC2[2]!.usdPerHour * HOURS_PER_MONTH));
          break;
        case 'object-storage': {
          add('Object storage', 'object-storage', fig('object-storage'), 'GB-month', UNIT_PRICES.s3GbMonth);
          const uploads = (fig('dau') * ctx.req.scale.blobsPerUserPerDay.value * CONVENTIONS.daysPerMonth) / 1000;
          add('Object storage PUT requests', 'object-storage', uploads, 'thousand requests', UNIT_PRICES.s3PutPer1000);
          add('Media delivery through the CDN', 'cdn', fig('media-egress-month'), 'GB', UNIT_PRICES.cdnGb);
          break;
        }
        default:
          break;
      }
    }
    const topology = chosen(ctx, 'topology') ?? '';
    if (topology.startsWith('Primary region')) {
      // Warm standby: a cross-region replica, a load balancer and a minimal API fleet kept running.
      add(`Standby region: PostgreSQL cross-region replica (${dbSize.name})`, 'postgres', 1, 'instances', money(dbSize.usdPerHour * HOURS_PER_MONTH));
      add('Standby region: load balancer', 'edge', 1, 'load balancers', money((UNIT_PRICES.albHour + 2 * UNIT_PRICES.albLcuHour) * HOURS_PER_MONTH));
      add('Standby region: 2 warm API instances', 'api', 2, 'instances', money((UNIT_PRICES.vcpuHour + 0.5 * UNIT_PRICES.gibHour) * HOURS_PER_MONTH));
      add('Cross-region replication transfer (WAL ≈ 2 × written bytes)', 'postgres', (fig('writes-per-day') * ctx.req.scale.recordBytes.value * 2 * CONVENTIONS.daysPerMonth) / 1e9, 'GB', 0.02);
    } else if (topology.startsWith('Active-active')) {
      const regional = lines.filter((l) => l.target !== 'identity' && l.target !== 'observability').reduce((a, l) => a + l.monthlyUsd, 0);
      add('Second active region (same compute, stores and edge as the first)', 'platform', 1, 'regions', money(regional));
    }
    add('Internet egress (API responses)', 'edge', fig('egress-month'), 'GB', UNIT_PRICES.egressGb);
    const idp = components.find((c) => c.kind === 'identity');
    if (idp && !idp.technology.startsWith('Keycloak')) {
      add(`Managed identity (${idp.technology}), users above the free ${formatNumber(UNIT_PRICES.identityFreeMau)}`, 'identity', Math.max(0, fig('mau') - UNIT_PRICES.identityFreeMau), 'MAU', UNIT_PRICES.identityPerMau);
    } else if (idp) {
      add('Keycloak (2 instances, 1 vCPU, 2 GiB)', 'identity', 2, 'instances', money((UNIT_PRICES.vcpuHour + 2 * UNIT_PRICES.gibHour) * HOURS_PER_MONTH));
    }
    // A compact structured access log per request (~300 B) plus traces sampled at 10 % (~2 KB each).
    add('Logs and traces ingestion (~0.5 KB per request: access log + 10 % trace sampling)', 'observability', (fig('avg-rps') * CONVENTIONS.secondsPerMonth * 500) / 1e9, 'GB', UNIT_PRICES.logsGb);
    return lines;
  };
  const lines = at('current');
  const total = money(lines.reduce((a, l) => a + l.monthlyUsd, 0));
  const oneYear = money(at('oneYear').reduce((a, l) => a + l.monthlyUsd, 0));
  const budget = ctx.req.budgetUsdPerMonth?.value ?? null;
  return {
    currency: 'USD',
    priceTable: { name: PRICE_TABLE.name, asOf: PRICE_TABLE.asOf, source: PRICE_TABLE.source },
    lines,
    totalMonthlyUsd: total,
    oneYearMonthlyUsd: oneYear,
    budgetUsdPerMonth: budget,
    withinBudget: budget === null ? null : total <= budget,
    note:
      `On-demand list prices (${PRICE_TABLE.name}, ${PRICE_TABLE.asOf}), ${HOURS_PER_MONTH} hours a month, before free tiers, savings plans or reserved capacity (typically −30 to −50 % for steady load). ` +
      (ctx.req.cloud.value === 'aws' ? '' : `The design targets ${ctx.req.cloud.value.toUpperCase()}; its list prices for equivalent sizes are within roughly ±15 % of these. `) +
      'Check with the provider\'s calculator before committing a budget.',
  };
}
