import type { Archetype } from '../knowledge/archetypes/_types.js';
import type { Design } from '../model/design.js';
import type { Requirements } from '../model/requirements.js';
import { planCapacity, type CapacityPlan } from '../plan/capacity.js';
import { makeContext, type Limits, type PlanContext } from '../plan/context.js';

/**
 * The load at a multiple of today's: the planner's own capacity formulas evaluated on the design's
 * requirements with users and request rates multiplied, and the design's decisions held fixed (same
 * cache, same broker), so every figure means what it means in the design document.
 */
export type LimitOverrides = Partial<Record<keyof Limits, number>>;

/** Users and request rates × f; sizes, ratios, retention and existing data stay as they are. */
export function scaleRequirements(req: Requirements, f: number): Requirements {
  const s = req.scale;
  const mul = <Q extends { value: number }>(q: Q): Q => ({ ...q, value: q.value * f });
  return { ...req, scale: { ...s, dau: mul(s.dau), mau: mul(s.mau), concurrentUsers: mul(s.concurrentUsers), avgRps: mul(s.avgRps) } };
}

export type Column = 'current' | 'oneYear';
export type Figures = (id: string, column?: Column) => number;

export class LoadModel {
  private readonly cache = new Map<number, Map<string, { current: number; oneYear: number }>>();

  constructor(
    readonly design: Design,
    readonly archetype: Archetype,
    readonly limits: LimitOverrides,
  ) {}

  /** The planner's context and capacity plan at f × today's load, with the design's decisions. */
  plan(f: number): { ctx: PlanContext; cap: CapacityPlan } {
    const ctx = makeContext(
      { requirements: scaleRequirements(this.design.requirements, f), archetype: this.archetype, assumptions: [], openQuestions: [], warnings: [] },
      this.limits,
    );
    for (const d of this.design.decisions) ctx.decided.set(d.id, d);
    return { ctx, cap: planCapacity(ctx) };
  }

  /** Capacity figures at f × today's load (f = 1 reproduces the design's own figures). */
  at(f: number): Figures {
    let m = this.cache.get(f);
    if (!m) {
      m = new Map(this.plan(f).cap.figures.map((x) => [x.id, { current: x.current, oneYear: x.oneYear }]));
      this.cache.set(f, m);
    }
    const figures = m;
    return (id, column = 'current') => figures.get(id)?.[column] ?? 0;
  }
}

/**
 * The multiple of today's load at which `load(f)` reaches `capacity`, or null beyond `max`.
 * Most loads are linear or affine in f (users × rates, plus existing data), solved exactly from
 * three points; step functions (pool sizes rounded per instance) are bisected.
 */
export function solveSaturation(load: (f: number) => number, capacity: number, max: number): number | null {
  if (!(capacity > 0)) return 0;
  const l1 = load(1);
  const l2 = load(2);
  const l4 = load(4);
  const b = l2 - l1;
  const a = l1 - b;
  const affine = Math.abs(a + 4 * b - l4) <= 1e-9 * Math.max(1, Math.abs(l4));
  if (affine) {
    if (b <= 0) return a >= capacity ? 0 : null;
    const f = (capacity - a) / b;
    if (f <= 0) return 0;
    return f > max ? null : f;
  }
  const lo0 = 1e-4;
  if (load(lo0) >= capacity) return 0;
  if (load(max) < capacity) return null;
  let lo = Math.log(lo0);
  let hi = Math.log(max);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (load(Math.exp(mid)) >= capacity) hi = mid;
    else lo = mid;
  }
  return Math.exp(hi);
}
