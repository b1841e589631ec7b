/**
 * archie scale: "we need to handle 10× the traffic". From a design (or a brief), the load at a
 * multiple of today's, each component's load against its per-node limit, the order in which they
 * saturate, and the plan that removes each bottleneck in three horizons, priced.
 *
 * @example
 * ```ts
 * const r = await scale({ dir: 'out/chat' }, { factor: 10 });
 * console.log(r.firstBottleneck?.summary);
 * ```
 */
import { briefFromText, readBrief } from '../brief/index.js';
import { formatNumber } from '../brief/units.js';
import { designFromInput } from '../design.js';
import { ArchieError } from '../errors.js';
import { archetypeById } from '../knowledge/archetypes/index.js';
import { LIMITS } from '../knowledge/limits.js';
import { PRICE_TABLE } from '../knowledge/prices.js';
import type { Design } from '../model/design.js';
import { planCost } from '../plan/cost.js';
import { plan } from '../plan/index.js';
import { designFacts } from './_design-facts.js';
import { loadDesign } from './_load.js';
import { LoadModel, scaleRequirements, solveSaturation, type Figures, type LimitOverrides } from './_load-model.js';
import { resourceDefs } from './_resources.js';
import { decisionChanges, planSteps } from './_steps.js';
import { MAX_FACTOR, MAX_FACTOR_REASON, type Horizon, type LoadSummary, type Resource, type ScaleReport, type Step } from './model.js';
import { byCodeUnit } from '../util/compare.js';

export { MAX_FACTOR, MAX_FACTOR_REASON, ScaleReportSchema, HORIZON_LABELS, type ScaleReport, type Resource, type Step } from './model.js';
export { renderScaleText } from './render.js';
export { loadDesign } from './_load.js';

export interface ScaleSource {
  /** A folder written by `archie design --out` (or a design.json). */
  dir?: string;
  /** A brief: free text, or a path to a brief file. */
  brief?: string;
  /** Treat `brief` as text even if it looks like a path. */
  text?: boolean;
}

export interface ScaleOptions {
  factor: number;
  /** Per-node limits measured by the team (same keys as the planner's). */
  limits?: LimitOverrides;
}

/**
 * Parse and check a factor given as a number or text ("10", "10x", "10×"). The range is 1 to
 * MAX_FACTOR: below 1 is a shrink, which `archie design` with the lower numbers answers better.
 */
export function parseFactor(value: unknown, name = 'factor'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/\s*[x×]$/i, '') : '';
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) {
    throw new ArchieError('USAGE', `${name} must be a number such as 10, got ${JSON.stringify(value)}`, { hint: 'e.g. --factor 10 for ten times today\'s traffic' });
  }
  if (n <= 0) {
    throw new ArchieError('USAGE', `${name} must be positive, got ${text}`, { hint: 'the factor multiplies today\'s load: 10 means ten times the traffic' });
  }
  if (n < 1) {
    throw new ArchieError('USAGE', `${name} ${text} is below 1: archie scale plans for growth`, {
      hint: 'to size a design for less load, run archie design with the lower numbers; use --factor 1 to see today\'s headroom',
    });
  }
  if (n > MAX_FACTOR) {
    throw new ArchieError('USAGE', `${name} ${text} is above the maximum of ${formatNumber(MAX_FACTOR)}`, { hint: MAX_FACTOR_REASON });
  }
  return n;
}

async function sourceDesign(source: ScaleSource, limits: LimitOverrides): Promise<{ design: Design; limits: LimitOverrides; kind: 'design' | 'brief'; path: string | null }> {
  if (source.dir && source.brief) throw new ArchieError('USAGE', 'give a design folder or a brief, not both');
  if (source.dir) {
    const { design, file } = await loadDesign(source.dir);
    return { design, limits, kind: 'design', path: file };
  }
  if (!source.brief?.trim()) {
    throw new ArchieError('USAGE', 'nothing to scale: give a design folder or a brief', { hint: 'archie scale out/chat --factor 10, or archie scale --brief "chat for 2M daily users" --factor 10' });
  }
  const input = source.text || /\s/.test(source.brief.trim()) ? briefFromText(source.brief) : await readBrief(source.brief);
  // The brief's own measured limits apply unless the caller overrides them, as in `archie design`.
  const merged: LimitOverrides = { ...limits };
  for (const [k, v] of Object.entries(input.limits)) {
    if (v && merged[k as keyof LimitOverrides] === undefined) merged[k as keyof LimitOverrides] = v.value;
  }
  return { design: designFromInput(input, { limits: merged }), limits: merged, kind: 'brief', path: source.text || /\s/.test(source.brief.trim()) ? null : source.brief };
}

function loadSummary(g: Figures): LoadSummary {
  return {
    peakRps: g('peak-rps'),
    peakReadsPerSecond: g('peak-read-rps'),
    peakWritesPerSecond: g('peak-write-rps'),
    concurrentUsers: g('concurrent-users'),
    dailyActiveUsers: g('dau'),
  };
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

const LIMITS_BY_ID = new Map(Object.values(LIMITS).map((l) => [l.id, l]));

/** Scale a design or a brief to `factor` × today's load. */
export async function scale(source: ScaleSource, options: ScaleOptions): Promise<ScaleReport> {
  const factor = parseFactor(options.factor);
  const { design, limits: given, kind, path } = await sourceDesign(source, options.limits ?? {});
  // The per-node limits the design was sized with (stated in its brief, or typical for its kind of
  // system) are recorded in it; the caller's flags still win.
  const limits: LimitOverrides = { ...given };
  const ids: Record<string, keyof LimitOverrides> = {
    'app-rps-per-instance': 'appRpsPerInstance',
    'pg-writes-per-primary': 'pgWritesPerPrimary',
    'pg-reads-per-node': 'pgReadsPerNode',
    'ws-connections-per-node': 'wsConnectionsPerNode',
  };
  for (const l of design.capacity.limits ?? []) {
    const key = ids[l.id];
    if (key && limits[key] === undefined && l.value !== LIMITS_BY_ID.get(l.id)?.value) limits[key] = l.value;
  }
  const archetype = archetypeById(design.requirements.archetype.id);
  if (!archetype) {
    throw new ArchieError('INVALID', `the design's archetype "${design.requirements.archetype.id}" is not one this archie knows`, {
      hint: 'regenerate the design with this version of archie',
    });
  }
  const facts = designFacts(design, archetype);
  const model = new LoadModel(design, archetype, limits);
  const now = model.at(1);
  const at = model.at(factor);

  const resources: Resource[] = resourceDefs(facts, limits).map((def) => {
    const capacity = def.nodes * def.limit.value;
    const loadNow = def.load(now, 1);
    const loadAtFactor = def.load(at, factor);
    const loadAt = (f: number) => def.load(model.at(f), f);
    const saturatesAt = solveSaturation(loadAt, capacity, MAX_FACTOR);
    const overTargetAt = solveSaturation(loadAt, capacity * def.targetUtilisation, MAX_FACTOR);
    const utilisationAtFactor = capacity > 0 ? loadAtFactor / capacity : Infinity;
    return {
      id: def.id, name: def.name, target: def.target, unit: def.unit, limit: def.limit, nodes: def.nodes, nodesBasis: def.nodesBasis,
      capacity: round(capacity, 2), targetUtilisation: def.targetUtilisation, loadNow: round(loadNow, 2), loadAtFactor: round(loadAtFactor, 2),
      loadFormula: def.loadFormula, utilisationNow: round(capacity > 0 ? loadNow / capacity : 1e9), utilisationAtFactor: round(Math.min(utilisationAtFactor, 1e9)),
      saturatesAt: saturatesAt === null ? null : round(saturatesAt, 3), overTargetAt: overTargetAt === null ? null : round(overTargetAt, 3),
      status: utilisationAtFactor >= 1 ? 'saturated' : utilisationAtFactor >= def.targetUtilisation ? 'over-target' : 'ok',
      note: def.note,
    };
  });
  resources.sort((a, b) => (a.saturatesAt ?? Infinity) - (b.saturatesAt ?? Infinity) || byCodeUnit(a.id, b.id));
  const byId = new Map(resources.map((r) => [r.id, r]));

  // The planner's own answer at the new load, and the current design re-priced there.
  const redesign = plan(
    { requirements: scaleRequirements(design.requirements, factor), archetype, assumptions: [], openQuestions: [], warnings: [] },
    { limits },
  );
  const scaled = model.plan(factor);
  const repriced = planCost(scaled.ctx, scaled.cap, design.components, design.dataStores).lines;
  const steps = planSteps({ facts, factor, resources: byId, at, redesign, repriced });
  const rank = (s: Step) => Math.min(...s.removes.map((id) => resources.findIndex((r) => r.id === id)).filter((i) => i >= 0), resources.length);
  // Stable sort: steps that remove the same bottleneck keep the order they were planned in (size up before adding replicas).
  const horizon = (h: Horizon) => steps.filter((s) => s.horizon === h).sort((a, b) => rank(a) - rank(b));

  const first = resources[0] && resources[0].saturatesAt !== null ? resources[0] : undefined;
  const fmt = (v: number) => formatNumber(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
  const notes: string[] = [];
  const managed = design.components.filter((c) => !c.runtime && c.kind !== 'client').map((c) => `${c.name} (${c.technology})`);
  if (managed.length) notes.push(`Not sized here, scaled by the provider: ${managed.join('; ')}. Check their account quotas before a ${formatNumber(factor)}× launch.`);
  if (design.dataStores.some((s) => s.id === 'sqs')) notes.push('Amazon SQS standard queues have no practical throughput limit; FIFO queues cap at 300 msg/s per queue without batching.');
  if (kind === 'design') notes.push('design.json does not record per-node limits given when it was made (e.g. --rps-per-instance); pass them again to scale with them.');
  const workers = design.components.filter((c) => c.kind === 'worker');
  if (workers.length) notes.push(`Workers (${workers.map((w) => w.name).join(', ')}) scale with queue depth; the knowledge base has no per-worker limit, so they are not sized here.`);

  const cents = (v: number) => Math.round(v * 100) / 100;
  const added = cents(steps.filter((s) => s.monthlyCostDeltaUsd > 0).reduce((n, s) => n + s.monthlyCostDeltaUsd, 0));
  const saved = cents(steps.filter((s) => s.monthlyCostDeltaUsd < 0).reduce((n, s) => n + s.monthlyCostDeltaUsd, 0));
  return {
    title: design.title,
    source: { kind, path },
    factor,
    method:
      `Load at ${formatNumber(factor)}×: the planner's capacity formulas re-run on the design's requirements with daily, monthly and concurrent users and request rates multiplied by ${formatNumber(factor)} ` +
      '(record sizes, read/write ratio, peak factor, retention and existing data unchanged) and the design\'s decisions held fixed. Re-planning rather than multiplying the figures keeps the non-linear ones right ' +
      '(instance counts, connection pools, a year of accumulated data). Each resource\'s load is compared with the nodes the design deploys × the per-node limit from the knowledge base; ' +
      '"saturates at" is the multiple of today\'s load where the load reaches that capacity. A second, full re-plan at the new load shows the decisions archie would take differently.',
    loadNow: loadSummary(now),
    loadAtFactor: loadSummary(at),
    resources,
    firstBottleneck: first
      ? {
          resource: first.id,
          saturatesAt: first.saturatesAt!,
          summary: `${first.name} ${first.saturatesAt! < 1 ? `is already over capacity at today's load (it saturates at ${fmt(first.saturatesAt!)}×)` : `saturates first, at ${fmt(first.saturatesAt!)}× today's load`}: ${fmt(first.loadNow)} ${first.unit} at today's load against ${first.nodes} × ${fmt(first.limit.value)} = ${fmt(first.capacity)} ${first.unit}` +
            `; at ${formatNumber(factor)}× the load is ${fmt(first.loadAtFactor)} ${first.unit} (${formatNumber(first.utilisationAtFactor * 100, 0)}% of capacity).`,
        }
      : null,
    plan: { immediate: horizon('immediate'), 'months-1-3': horizon('months-1-3'), 'months-3-6': horizon('months-3-6') },
    decisionChanges: decisionChanges(design, redesign),
    cost: {
      currentMonthlyUsd: design.cost.totalMonthlyUsd,
      addedMonthlyUsd: added,
      savedMonthlyUsd: saved,
      redesignMonthlyUsd: redesign.cost.totalMonthlyUsd,
      priceTable: { name: PRICE_TABLE.name, asOf: PRICE_TABLE.asOf },
    },
    notes,
  };
}
