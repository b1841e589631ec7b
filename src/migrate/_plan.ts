import type { ApiOperation } from './_api.js';
import type { Clustering } from './_contexts.js';
import { norm, segments } from './_contexts.js';
import type { Context, Phase, Route } from './model.js';
import { byCodeUnit } from '../util/compare.js';

/**
 * The strangler fig: extraction order, the facade's routing table per phase, and the data steps,
 * checks and rollback of each phase.
 */

/** Identity first (every other service needs its tokens), then least coupled first. */
export function extractionOrder(contexts: Context[]): string[] {
  return [...contexts]
    .sort((a, b) => Number(b.identity) - Number(a.identity) || a.coupling - b.coupling || a.operations - b.operations || byCodeUnit(a.id, b.id))
    .map((c) => c.id);
}

interface Node {
  seg: string;
  children: Map<string, Node>;
  /** Operations at exactly this path. */
  ops: ApiOperation[];
  /** Context → operations in the subtree. */
  counts: Map<string, number>;
}

const isParam = (s: string) => /^\{.*\}$/.test(s) || s.startsWith(':');

/**
 * Longest-prefix routing rules: a rule `prefix/**` wherever the context that owns most of a subtree
 * changes, and exact method rules for operations that differ from their subtree's owner.
 */
export function routingRules(ops: ApiOperation[], of: Map<ApiOperation, string>, nouns: Map<string, Set<string>> = new Map()): Route[] {
  const root: Node = { seg: '', children: new Map(), ops: [], counts: new Map() };
  for (const op of ops) {
    let n = root;
    const ctx = of.get(op)!;
    n.counts.set(ctx, (n.counts.get(ctx) ?? 0) + 1);
    for (const s of segments(op.path)) {
      const key = isParam(s) ? '*' : s;
      let c = n.children.get(key);
      if (!c) {
        c = { seg: key, children: new Map(), ops: [], counts: new Map() };
        n.children.set(key, c);
      }
      n = c;
      n.counts.set(ctx, (n.counts.get(ctx) ?? 0) + 1);
    }
    n.ops.push(op);
  }
  const rules: Route[] = [];
  // The context with most operations below; on a tie, the one named like the segment.
  const named = (ctx: string, seg: string) => (nouns.get(ctx)?.has(norm(seg)) ? 1 : 0);
  const dominant = (n: Node) => [...n.counts.entries()].sort((a, b) => b[1] - a[1] || named(b[0], n.seg) - named(a[0], n.seg) || byCodeUnit(a[0], b[0]))[0]![0];
  const walk = (n: Node, prefix: string, inherited: string) => {
    const own = dominant(n);
    let effective = inherited;
    if (own !== inherited) {
      rules.push({ pattern: `${prefix || ''}/**`, methods: ['*'], target: own });
      effective = own;
    }
    // Methods at this exact path owned by another context than the subtree's.
    const byCtx = new Map<string, Set<string>>();
    for (const op of n.ops) {
      const c = of.get(op)!;
      if (c !== effective) byCtx.set(c, (byCtx.get(c) ?? new Set()).add(op.method));
    }
    for (const [c, methods] of [...byCtx.entries()].sort((a, b) => byCodeUnit(a[0], b[0]))) rules.push({ pattern: prefix || '/', methods: [...methods].sort(), target: c });
    for (const [key, child] of [...n.children.entries()].sort((a, b) => byCodeUnit(a[0], b[0]))) walk(child, `${prefix}/${key}`, effective);
  };
  // The catch-all stays with the monolith: rules start at the first path segment.
  for (const [key, child] of [...root.children.entries()].sort((a, b) => byCodeUnit(a[0], b[0]))) walk(child, `/${key}`, '(monolith)');
  return rules;
}

/** Rules most specific first: longer prefixes, exact paths before their `/**`. */
function specificity(r: Route): number {
  const segs = r.pattern.split('/').filter(Boolean);
  return segs.filter((s) => s !== '**').length * 2 + (segs[segs.length - 1] === '**' ? 0 : 1);
}

export function facadeAfter(rules: Route[], extracted: Set<string>): Route[] {
  // Each rule points at its context's service once extracted, else at the monolith; rules that
  // change nothing relative to the rule above them are dropped.
  const resolved = rules.map((r) => ({ ...r, target: extracted.has(r.target) ? r.target : 'monolith' }));
  const parentTarget = (r: Route): string => {
    const segs = r.pattern.split('/').filter((s) => s && s !== '**');
    const exact = !r.pattern.endsWith('/**');
    for (let k = segs.length - (exact ? 0 : 1); k >= 0; k--) {
      const prefix = `/${segs.slice(0, k).join('/')}`.replace(/^\/$/, '');
      const match = resolved.find((x) => x !== r && x.pattern === `${prefix}/**`);
      if (match) return match.target;
    }
    return 'monolith';
  };
  return resolved
    .filter((r) => r.target !== parentTarget(r))
    .sort((a, b) => specificity(b) - specificity(a) || byCodeUnit(a.pattern, b.pattern));
}

const list = (xs: string[], n = 6) => (xs.length <= n ? xs.join(', ') : `${xs.slice(0, n).join(', ')} and ${xs.length - n} more`);

export function buildPhases(c: Clustering, order: string[], ops: ApiOperation[], existing: string): Phase[] {
  const byId = new Map(c.contexts.map((x) => [x.id, x]));
  const rules = routingRules(ops, c.of, c.nouns);
  const phases: Phase[] = [
    {
      number: 0,
      name: 'Facade in front of the monolith',
      context: null,
      why: 'Every later phase is a routing change at the facade, so it must carry all traffic first, unchanged.',
      routes: [{ pattern: '/**', methods: ['*'], target: 'monolith' }],
      facade: [{ pattern: '/**', methods: ['*'], target: 'monolith' }],
      data: [],
      verification: [
        `Route 100% of traffic through the facade to ${existing}; error rate and p99 latency unchanged for a week.`,
        'Record per-route request rates, latencies and error rates: the baseline every later phase is compared with.',
      ],
      rollback: ['Point DNS back at the monolith.'],
    },
  ];
  const extracted = new Set<string>();
  let previous = phases[0]!.facade;
  order.forEach((id, i) => {
    const ctx = byId.get(id)!;
    extracted.add(id);
    const facade = facadeAfter(rules, extracted);
    const moved = facade.filter((r) => r.target === id);
    const prevKeys = new Set(previous.map((r) => `${r.pattern} ${r.methods.join(',')} ${r.target}`));
    const changed = facade.filter((r) => !prevKeys.has(`${r.pattern} ${r.methods.join(',')} ${r.target}`));
    previous = facade;
    const reads = ops.filter((o) => c.of.get(o) === id && o.method === 'GET').length;
    const others = ctx.referencedBy.map((r) => byId.get(r.to)?.name ?? r.to);
    const uses = ctx.references.map((r) => byId.get(r.to)?.name ?? r.to);
    const owns = ctx.owns.length ? list(ctx.owns) : `${ctx.name.toLowerCase()} data`;
    phases.push({
      number: i + 1,
      name: `Extract ${ctx.name}`,
      context: id,
      why: ctx.identity
        ? 'Identity goes first: every extracted service must validate the same tokens, and the facade must know who calls.'
        : `${ctx.coupling === 0 ? 'No cross-context references' : `${ctx.coupling} cross-context reference(s)`} (${uses.length ? `uses ${list(uses, 4)}` : 'uses no other context'}; ${others.length ? `used by ${list(others, 4)}` : 'used by no other context'}): ` +
          (i === order.length - 1 ? 'the most entangled context, left for last; what remains of the monolith is retired with it.' : 'the least coupled of the contexts still in the monolith.'),
      routes: changed.length ? changed : moved,
      facade,
      data: [
        { step: 'expand', action: `Create the ${ctx.name} service's own store with tables for ${owns}; the monolith's tables stay as they are.` },
        { step: 'migrate', action: `Backfill ${owns} from the monolith, then keep them current with change data capture (or dual writes from the monolith) while the monolith still serves ${ctx.name}.` },
        {
          step: 'switch',
          action: `Flip the facade routes above to the new service; it writes ${owns} and publishes change events.` +
            (others.length ? ` ${list(others, 4)} now read this data through the service's API or a local copy fed by its events, not by joining its tables.` : '') +
            (uses.length ? ` The service reads ${list(uses, 4)} data through their APIs (or the monolith's, until they move).` : ''),
        },
        {
          step: 'contract',
          action: `Stop the monolith writing ${owns}; drop foreign keys from other tables into them${others.length ? ` (${list(others, 4)})` : ''}; after the retention period, drop the monolith's copies.`,
        },
      ],
      verification: [
        `Contract tests: replay the ${ctx.operations} operation(s) of ${ctx.name} from the API description against the new service before any traffic moves.`,
        reads > 0 ? `Shadow traffic: mirror the ${reads} read operation(s) at the facade to the new service and compare responses; switch when mismatches stay below 0.1% for a week.` : 'No read operations to shadow: compare the state the writes leave in both stores instead.',
        `Reconciliation: row counts and checksums of ${owns} equal between the monolith and the new store, daily until the contract step.`,
        'SLOs on the moved routes (p99 latency, error rate) no worse than the phase 0 baseline.',
      ],
      rollback: [
        `Point ${moved.length ? list(moved.map((r) => r.pattern), 4) : 'the moved routes'} back at the monolith at the facade (one configuration change).`,
        'Until the contract step the monolith\'s tables stay current (reverse replication or dual writes from the new service), so a rollback loses no writes.',
        'The contract step is the point of no return: run it only after the phase has been clean for two weeks; after it, rolling back means restoring the data into the monolith.',
      ],
    });
  });
  return phases;
}
