import type { Design } from '../model/design.js';
import { pct } from './decisions/_util.js';
import type { PlanContext } from './context.js';

/** Service level objectives from the requirements, with the alert that guards each. */
export function planSlos(ctx: PlanContext): Design['slos'] {
  const l = ctx.req.latency;
  const a = ctx.req.availability;
  const e = ctx.req.errorRate;
  const budget = ((1 - a.value) * 43_200).toFixed(1);
  const out: Design['slos'] = [
    { id: 'latency-p50', sli: 'Server-side latency of successful API requests, p50', objective: `< ${l.p50Ms.value} ms`, window: '28 days, measured per 5 minutes', alert: 'Ticket when the 1-hour p50 exceeds the objective', provenance: l.p50Ms.provenance },
    { id: 'latency-p95', sli: 'Server-side latency of successful API requests, p95', objective: `< ${l.p95Ms.value} ms`, window: '28 days', alert: 'Page when the 15-minute p95 exceeds the objective by 50%', provenance: l.p95Ms.provenance },
    { id: 'latency-p99', sli: 'Server-side latency of successful API requests, p99', objective: `< ${l.p99Ms.value} ms`, window: '28 days', alert: 'Page when the 15-minute p99 exceeds twice the objective', provenance: l.p99Ms.provenance },
    { id: 'availability', sli: 'Share of valid requests answered without a 5xx, at the edge', objective: `≥ ${pct(a.value)} (error budget ${budget} min/month)`, window: '30 days rolling', alert: 'Multi-window burn-rate alerts: page at 14.4× over 1 h, ticket at 3× over 3 days', provenance: a.provenance },
    { id: 'error-rate', sli: 'Share of requests returning 5xx', objective: `< ${pct(e.value)}`, window: '30 days rolling', alert: 'Page when the 5-minute rate exceeds 10× the objective', provenance: e.provenance },
  ];
  if (ctx.archetype.traits.realtime) {
    out.push({ id: 'delivery-latency', sli: 'Time from send accepted to push delivered to an online recipient, p99', objective: '< 1 s', window: '28 days', alert: 'Page when the 15-minute p99 exceeds 3 s', provenance: { kind: 'assumed', reason: 'real-time delivery must feel instant; 1 s leaves room for fan-out across nodes' } });
  }
  if (ctx.req.scale.readWriteRatio.value < 1000 && ctx.archetype.events.length > 0) {
    out.push({ id: 'async-freshness', sli: 'Age of the oldest unprocessed event', objective: '< 60 s', window: '28 days', alert: 'Ticket above 5 minutes, page above 15 minutes', provenance: { kind: 'assumed', reason: 'side effects should follow within a minute' } });
  }
  return out;
}
