import { formatNumber } from '../brief/units.js';
import type { Resolved } from '../brief/resolve.js';
import { compact } from '../brief/units.js';
import { LIMITS, type NodeLimit } from '../knowledge/limits.js';
import type { Decision, Design } from '../model/design.js';
import { SCHEMA_VERSION } from '../model/version.js';
import { VERSION } from '../version.js';
import { planApi, planFlows } from './api.js';
import { planAvailability } from './availability.js';
import { capabilityDecisions, designCapabilities, matchCapabilities } from './capabilities.js';
import { planCapacity } from './capacity.js';
import { planTopology, withSizing } from './components.js';
import { chosen, CONVENTIONS, makeContext, type Limits } from './context.js';
import { planCost } from './cost.js';
import { DECISIONS } from './decisions/index.js';
import { planAdrs, planMigration, planNextSteps, planRoadmap } from './document.js';
import { planEntities } from './entities.js';
import { planEscalations } from './escalations.js';
import { planFailureModes } from './failures.js';
import { planResolutions } from './review/resolutions.js';
import { planTraceability, reviewed } from './review/index.js';
import { planSecurity } from './security.js';
import { planSlos } from './slos.js';

/** The per-node limits the capacity plan and the decisions sized against, stated ones included. */
function limitsUsed(ctx: ReturnType<typeof makeContext>, stores: Design['dataStores']): Design['capacity']['limits'] {
  const has = (kind: string) => stores.some((s) => s.kind === kind);
  const list: NodeLimit[] = [
    ctx.limits.appRpsPerInstance,
    LIMITS.appTargetUtilisation,
    ctx.limits.pgWritesPerPrimary,
    ctx.limits.pgReadsPerNode,
    LIMITS.pgMaxConnections,
    LIMITS.pgStoragePerNode,
    LIMITS.pgQueryMs,
    ...(ctx.archetype.traits.realtime ? [ctx.limits.wsConnectionsPerNode] : []),
    ...(has('cache') ? [LIMITS.redisMemoryPerNode, LIMITS.redisOpsPerNode] : []),
    ...(stores.some((s) => s.id === 'rabbitmq') ? [LIMITS.rabbitMsgsPerNode] : []),
    ...(stores.some((s) => s.id === 'kafka') ? [LIMITS.kafkaMsgsPerBroker, LIMITS.kafkaMBpsPerPartition] : []),
    ...(has('search') ? [LIMITS.searchDocsPerNode, LIMITS.searchQpsPerNode, LIMITS.searchStoragePerNode] : []),
    ...(stores.some((s) => s.name === 'Message broker') ? [LIMITS.workerMsgsPerInstance] : []),
    ...(ctx.decided.get('auth')?.chosen.includes('Keycloak') ? [LIMITS.keycloakSignInsPerVcpu, LIMITS.keycloakRefreshesPerVcpu] : []),
    ...(has('timeseries') ? [LIMITS.tsdbRowsPerNode] : []),
    ...(has('wide-column') ? [LIMITS.wideColumnWritesPerNode] : []),
    ...(has('object') ? [LIMITS.s3PutPerPrefix] : []),
  ];
  return list.map((l) => ({ id: l.id, label: l.label, value: l.value, unit: l.unit, source: l.source, override: l.override }));
}

export interface PlanOptions {
  /** Per-node limits measured by the team, overriding the knowledge base. */
  limits?: Partial<Record<keyof Limits, number>>;
}

/** Requirements → the whole design. Pure and deterministic: same input, same Design. */
export function plan(resolved: Resolved, options: PlanOptions = {}): Design {
  const ctx = makeContext(resolved, options.limits);
  const decisions: Decision[] = [];
  for (const m of DECISIONS) {
    const r = m.decide(ctx);
    if (!r) continue;
    const d: Decision = { id: m.id, title: m.title, question: m.question, ...r };
    ctx.decided.set(d.id, d);
    decisions.push(d);
  }
  const capabilities = matchCapabilities(ctx.req);
  decisions.push(...capabilityDecisions(ctx, capabilities));
  const cassandra = chosen(ctx, 'primary-database') === 'Apache Cassandra';
  const tsdb = chosen(ctx, 'timeseries') !== undefined;
  const entities = planEntities(ctx, (e) => (e.store === 'timeseries' && tsdb ? 'timescaledb' : cassandra && e.partitioned ? 'cassandra' : 'postgres'));
  const cap = withSizing(ctx, planCapacity(ctx));
  const { components, dataStores } = planTopology(ctx, cap);
  const api = planApi(ctx, entities);
  const flows = planFlows(ctx, components, dataStores);
  const availability = planAvailability(ctx, components, dataStores);
  if (!availability.meetsTarget) {
    ctx.warnings.push(
      `The composite availability of the request path (${(availability.composite * 100).toFixed(3)}%) is below the ${(availability.target * 100).toFixed(3)}% target even with ${availability.regions === 1 ? 'one region' : 'a second region'}: the weakest element is ${[...availability.chain].sort((a, b) => a.effective - b.effective)[0]?.name}; the Review section says what would meet it.`,
    );
  }
  // Compound growth extrapolated over years can outgrow the planet; say so instead of pretending.
  const dauFig = cap.get('dau');
  const far = [...dauFig.horizons].sort((a, b) => b.months - a.months)[0];
  const farDau = far ? far.value : dauFig.oneYear;
  if (farDau > 1e9) {
    ctx.warnings.push(
      `At ${(ctx.req.growthPerMonth.value * 100).toFixed(1)}% growth per month the ${far ? `${far.months}-month` : '1-year'} horizon reaches ${compact(farDau)} daily users; compound growth rarely lasts that long. Treat the far-horizon figures as an upper bound and revisit the growth rate.`,
    );
  }
  const cost = planCost(ctx, cap, components, dataStores);
  const escalations = planEscalations(ctx, decisions, cost);
  const adrs = planAdrs(decisions);
  const failureModes = planFailureModes(ctx, components, dataStores);
  const roadmap = planRoadmap(ctx, { components, dataStores, entities });
  const migration = planMigration(ctx);
  const req = ctx.req;
  const conventions: Design['capacity']['conventions'] = [
    { id: 'seconds-per-day', label: 'Seconds per day', value: CONVENTIONS.secondsPerDay, unit: 's', note: 'daily volumes ÷ this = average per second' },
    { id: 'seconds-per-month', label: 'Seconds per month', value: CONVENTIONS.secondsPerMonth, unit: 's', note: 'a month is 30 days' },
    { id: 'peak-factor', label: 'Peak factor', value: req.scale.peakFactor.value, unit: '× average', note: 'peak req/s = average req/s × this' },
    { id: 'replication-factor', label: 'Copies of database data', value: CONVENTIONS.replicationFactor, unit: 'copies', note: 'primary, synchronous standby, and backups' },
    { id: 'index-overhead', label: 'Index and table overhead', value: CONVENTIONS.indexOverhead, unit: 'fraction', note: 'on top of raw row bytes' },
    { id: 'growth', label: 'Monthly growth (compound)', value: Number(req.growthPerMonth.value.toFixed(4)), unit: 'per month', note: 'value at month m = launch value × (1 + growth)^m' },
    { id: 'current', label: 'Current', value: 0, unit: 'months', note: 'flows (req/s, bandwidth, instances) at launch load; stored data after the first month' },
  ];
  const design: Design = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'archie', version: VERSION },
    title: req.title,
    summary: '',
    requirements: req,
    assumptions: ctx.assumptions,
    openQuestions: ctx.openQuestions,
    warnings: ctx.warnings,
    overview: {
      style: chosen(ctx, 'architecture-style') ?? 'Modular monolith',
      communication: chosen(ctx, 'communication') ?? 'REST',
      dataPattern: chosen(ctx, 'data-pattern') ?? 'CRUD',
      deployment: chosen(ctx, 'deployment') ?? 'Containers',
      apiContract: `OpenAPI 3.1 (REST, /${api.version}, RFC 9457 errors)${api.realtime.length ? ' + AsyncAPI 3 (WebSocket)' : ''}`,
      reliability: 'Timeouts, retries with jitter, idempotency keys, circuit breakers, bulkheads, DLQ',
      observability: 'Structured logs with request ids, OpenTelemetry traces, RED metrics, SLO burn-rate alerts',
      migrationStrategy: migration ? migration.strategy : 'Expand-and-contract schema migrations; indexes built concurrently',
    },
    decisions,
    capabilities: designCapabilities(capabilities),
    components,
    dataStores,
    entities,
    api,
    flows,
    capacity: { conventions, limits: limitsUsed(ctx, dataStores), figures: cap.figures, availability },
    failureModes,
    slos: planSlos(ctx),
    security: planSecurity(ctx, entities),
    cost,
    escalations,
    adrs,
    roadmap,
    migration,
    nextSteps: [],
    review: { rules: [], resolutions: [] },
    traceability: [],
  };
  design.nextSteps = planNextSteps(ctx, design);
  design.review.resolutions = planResolutions(design);
  design.traceability = planTraceability(design);
  const peak = cap.get('peak-rps');
  design.summary =
    `${design.overview.style} for ${compact(req.scale.dau.value)} daily ${req.scale.dau.unit} (${req.archetype.name.toLowerCase()}), ` +
    `${compact(Math.round(peak.current))} req/s at peak growing to ${compact(Math.round(peak.oneYear))} in a year, on ${dataStores.map((s) => s.technology).join(', ')}; ` +
    `about $${formatNumber(Math.round(cost.totalMonthlyUsd))}/month at launch.`;
  // The architect's review: a design that contradicts itself is not returned (nor written).
  return reviewed(design);
}
