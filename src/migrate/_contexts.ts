import type { ApiModel, ApiOperation } from './_api.js';
import type { Context } from './model.js';
import { byCodeUnit } from '../util/compare.js';

/**
 * Bounded contexts from an API: start from the authors' own grouping (tags, or the first path
 * resource when there are none), then merge what the API shows belongs together:
 *  1. a group whose operations mostly live under another group's resource (`/products/{id}/images`)
 *     joins it, unless it is large or has a lifecycle of its own (`/payments/{id}/capture`);
 *  2. a group whose operations mostly return another group's main schema is another door into the
 *     same aggregate (`/checkouts/{id}` returns the order) and joins it;
 *  3. a group of one or two operations joins the group it references most.
 * Shared schemas then couple contexts: every reference from one context's operations to a schema
 * another context owns (or a `*_id` field naming its resource) is counted.
 */

const NAMESPACE = /^(api|rest|public|internal|admin|v\d+(\.\d+)*|\d{4}-\d{2}-\d{2})$/i;
const IDENTITY = /^(user|account|auth|authentication|authorization|session|login|logout|identity|oauth|oauth2|token|me|profile|customer|member|signin|signup|sign_in|sign_up|password|credential)$/;

export function norm(s: string): string {
  let n = s.toLowerCase().replace(/\.(json|xml)$/, '').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (/ies$/.test(n)) n = n.replace(/ies$/, 'y');
  else if (/(ss|us|is)$/.test(n)) return n;
  else if (/(x|ch|sh|sses)es$/.test(n)) n = n.replace(/es$/, '');
  else if (/s$/.test(n) && n.length > 3) n = n.replace(/s$/, '');
  return n;
}

export function segments(path: string): string[] {
  return path.split('/').filter(Boolean).map((s) => s.replace(/\.(json|xml)$/i, ''));
}

const isParam = (s: string) => /^\{.*\}$/.test(s) || s.startsWith(':');

/** The first resource segment of a path, skipping version and namespace prefixes. */
export function rootOf(path: string): string {
  const segs = segments(path);
  const r = segs.find((s) => !isParam(s) && !NAMESPACE.test(s));
  return r ? norm(r) : '(root)';
}

interface Unit {
  key: string;
  name: string;
  ops: ApiOperation[];
}

export interface Clustering {
  contexts: Context[];
  /** Context id → the normalised resource nouns of its groups. */
  nouns: Map<string, Set<string>>;
  /** Operation → context id. */
  of: Map<ApiOperation, string>;
  sharedKernel: string[];
}

function titleCase(s: string): string {
  return s.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function findContexts(api: ApiModel): Clustering {
  // ------------------------------------------------------------------ units
  const units = new Map<string, Unit>();
  for (const op of api.operations) {
    const name = op.tags[0] ?? rootOf(op.path);
    const key = norm(name);
    const u = units.get(key) ?? { key, name: titleCase(name), ops: [] };
    u.ops.push(op);
    units.set(key, u);
  }
  const parent = new Map<string, string>();
  const reason = new Map<string, string>();
  const find = (k: string): string => {
    let x = k;
    while (parent.has(x)) x = parent.get(x)!;
    return x;
  };
  const members = (root: string) => [...units.keys()].filter((k) => find(k) === root);
  const opsOf = (root: string) => members(root).flatMap((k) => units.get(k)!.ops);
  const merge = (child: string, into: string, why: string) => {
    const a = find(child);
    const b = find(into);
    if (a === b) return;
    parent.set(a, b);
    reason.set(child, why);
  };

  // Who owns a path resource: the unit named after it, else the one with most operations on it.
  const rootOwner = new Map<string, string>();
  const byRoot = new Map<string, Map<string, number>>();
  for (const u of units.values()) for (const op of u.ops) {
    const r = rootOf(op.path);
    const m = byRoot.get(r) ?? new Map<string, number>();
    m.set(u.key, (m.get(u.key) ?? 0) + 1);
    byRoot.set(r, m);
  }
  for (const [r, m] of byRoot) {
    if (units.has(r) && m.has(r)) rootOwner.set(r, r);
    else rootOwner.set(r, [...m.entries()].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0]![0]);
  }

  // ------------------------------------------------------------------ 1. nesting
  const lifecycle = (u: Unit) => new Set(u.ops.filter((o) => o.method !== 'GET' && o.method !== 'DELETE').map((o) => segments(o.path)).filter((s) => s.length >= 2 && isParam(s[s.length - 2]!) && !isParam(s[s.length - 1]!)).map((s) => s[s.length - 1]!)).size;
  const sortedUnits = [...units.values()].sort((a, b) => a.ops.length - b.ops.length || byCodeUnit(a.key, b.key));
  for (const u of sortedUnits) {
    const foreign = new Map<string, number>();
    for (const op of u.ops) {
      const r = rootOf(op.path);
      const owner = rootOwner.get(r);
      if (owner && owner !== u.key) foreign.set(owner, (foreign.get(owner) ?? 0) + 1);
    }
    // A resource that holds most of the API (/Accounts/{sid}/…, /repos/{owner}/{repo}/…) is a scope, not an aggregate.
    for (const owner of [...foreign.keys()]) {
      const scopeOps = api.operations.filter((o) => rootOwner.get(rootOf(o.path)) === owner).length;
      if (scopeOps > 0.4 * api.operations.length) foreign.delete(owner);
    }
    const total = [...foreign.values()].reduce((n, v) => n + v, 0);
    if (total === 0 || total / u.ops.length < 0.5) continue;
    const verbs = lifecycle(u);
    if (u.ops.length >= 12 || (verbs >= 2 && u.ops.length >= 6)) continue;
    const target = [...foreign.entries()].sort((a, b) => b[1] - a[1] || units.get(b[0])!.ops.length - units.get(a[0])!.ops.length || byCodeUnit(a[0], b[0]))[0]![0];
    merge(u.key, target, `${total} of its ${u.ops.length} operations are under /${segments(u.ops.find((o) => rootOwner.get(rootOf(o.path)) === target)!.path)[0]}/…`);
  }

  // ------------------------------------------------------------------ 2. same aggregate
  const primaryOwner = () => {
    const counts = new Map<string, Map<string, number>>();
    for (const u of units.values()) for (const op of u.ops) {
      if (!op.primary) continue;
      const c = find(u.key);
      const m = counts.get(op.primary) ?? new Map<string, number>();
      m.set(c, (m.get(c) ?? 0) + 1);
      counts.set(op.primary, m);
    }
    const owner = new Map<string, string>();
    for (const [s, m] of counts) owner.set(s, [...m.entries()].sort((a, b) => b[1] - a[1] || opsOf(b[0]).length - opsOf(a[0]).length || byCodeUnit(a[0], b[0]))[0]![0]);
    return owner;
  };
  {
    const owner = primaryOwner();
    const roots = [...new Set([...units.keys()].map(find))].sort((a, b) => opsOf(a).length - opsOf(b).length || byCodeUnit(a, b));
    for (const c of roots) {
      const withPrimary = opsOf(c).filter((o) => o.primary);
      if (withPrimary.length < 2) continue;
      const elsewhere = new Map<string, number>();
      for (const o of withPrimary) {
        const w = owner.get(o.primary!);
        if (w && find(w) !== find(c)) elsewhere.set(find(w), (elsewhere.get(find(w)) ?? 0) + 1);
      }
      const best = [...elsewhere.entries()].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0];
      if (best && best[1] / withPrimary.length >= 0.5) {
        const schema = withPrimary.find((o) => find(owner.get(o.primary!)!) === best[0])!.primary!;
        merge(c, best[0], `${best[1]} of its ${withPrimary.length} operations return or accept "${schema}", the main schema of ${units.get(best[0])!.name}`);
      }
    }
  }

  // ------------------------------------------------------------------ schema ownership and nouns
  const computeOwnership = () => {
    const owner = primaryOwner();
    for (const [k, v] of owner) owner.set(k, find(v));
    const nouns = new Map<string, string>();
    for (const k of units.keys()) nouns.set(k, find(k));
    for (const [s, c] of owner) if (!nouns.has(norm(s))) nouns.set(norm(s), c);
    // Schemas never returned at top level: owned by the context named like them, else by the heaviest user.
    const users = new Map<string, Map<string, number>>();
    for (const u of units.values()) for (const op of u.ops) for (const s of op.schemas) {
      const m = users.get(s) ?? new Map<string, number>();
      m.set(find(u.key), (m.get(find(u.key)) ?? 0) + 1);
      users.set(s, m);
    }
    for (const [s, m] of users) {
      if (owner.has(s)) continue;
      const named = nouns.get(norm(s)) ?? nouns.get(norm(s.replace(/[-_ ]?(input|request|response|body|create|update|params)$/i, '')));
      owner.set(s, named ?? [...m.entries()].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0]![0]);
    }
    return { owner, nouns, users };
  };

  // Shared kernel: schemas most groups touch and none is about (pagination, errors).
  const primaries = new Set(api.operations.map((o) => o.primary).filter((p): p is string => p !== null));
  const usedBy = new Map<string, Set<string>>();
  for (const u of units.values()) for (const op of u.ops) for (const sc of op.schemas) usedBy.set(sc, (usedBy.get(sc) ?? new Set()).add(u.key));
  const kernel = [...usedBy.entries()].filter(([sc, m]) => !primaries.has(sc) && units.size >= 3 && m.size >= Math.max(3, units.size / 3)).map(([sc]) => sc).sort();

  // ------------------------------------------------------------------ 3. tiny groups
  {
    const { owner, nouns } = computeOwnership();
    const roots = [...new Set([...units.keys()].map(find))].sort();
    for (const c of roots) {
      const ops = opsOf(c);
      if (ops.length > 2) continue;
      const refs: string[] = [];
      for (const o of ops) {
        for (const sc of o.schemas) if (!kernel.includes(sc) && owner.get(sc) && owner.get(sc) !== c) refs.push(owner.get(sc)!);
        for (const f of o.idFields) {
          const t = nouns.get(norm(f.replace(/_id$/, '')));
          if (t && t !== c) refs.push(t);
        }
      }
      if (refs.length === 0) continue;
      const count = new Map<string, number>();
      for (const r of refs) count.set(find(r), (count.get(find(r)) ?? 0) + 1);
      const best = [...count.entries()].sort((a, b) => b[1] - a[1] || refs.findIndex((r) => find(r) === a[0]) - refs.findIndex((r) => find(r) === b[0]))[0]![0];
      if (best !== find(c)) merge(c, best, `only ${ops.length} operation(s); it references ${units.get(best)!.name} data`);
    }
  }

  // ------------------------------------------------------------------ contexts with their data and coupling
  const { owner, nouns } = computeOwnership();
  const roots = [...new Set([...units.keys()].map(find))];
  const contextIds = new Map<string, string>();
  // A context is named after the group the others joined.
  for (const r of roots) contextIds.set(r, units.get(r)!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || r);
  const ctxOf = (rootKey: string) => contextIds.get(find(rootKey))!;
  const of = new Map<ApiOperation, string>();
  for (const u of units.values()) for (const op of u.ops) of.set(op, ctxOf(u.key));

  const refs = new Map<string, Map<string, { via: Set<string>; ops: Set<ApiOperation> }>>();
  const addRef = (from: string, to: string, via: string, op: ApiOperation) => {
    if (from === to) return;
    const m = refs.get(from) ?? new Map();
    const r = m.get(to) ?? { via: new Set<string>(), ops: new Set<ApiOperation>() };
    r.via.add(via);
    r.ops.add(op);
    m.set(to, r);
    refs.set(from, m);
  };
  for (const op of api.operations) {
    const from = of.get(op)!;
    for (const s of op.schemas) if (!kernel.includes(s) && owner.has(s)) addRef(from, ctxOf(owner.get(s)!), s, op);
    for (const f of op.idFields) {
      const t = nouns.get(norm(f.replace(/_id$/, '')));
      if (t) addRef(from, ctxOf(t), f, op);
    }
  }
  const contexts: Context[] = roots.map((r) => {
    const id = contextIds.get(r)!;
    const ops = opsOf(r);
    const out = [...(refs.get(id) ?? new Map()).entries()].map(([to, v]) => ({ to, via: [...v.via].sort(), count: v.ops.size })).sort((a, b) => b.count - a.count || byCodeUnit(a.to, b.to));
    const inn = [...refs.entries()].filter(([from]) => from !== id).flatMap(([from, m]) => (m.has(id) ? [{ to: from, via: [...m.get(id)!.via].sort(), count: m.get(id)!.ops.size }] : [])).sort((a, b) => b.count - a.count || byCodeUnit(a.to, b.to));
    const mem = [r, ...members(r).filter((k) => k !== r).sort((a, b) => units.get(b)!.ops.length - units.get(a)!.ops.length || byCodeUnit(a, b))];
    return {
      id,
      name: units.get(r)!.name,
      members: mem.map((k) => ({ unit: units.get(k)!.name, reason: k === r ? 'the group the others joined' : reason.get(k) ?? 'merged' })),
      operations: ops.length,
      writes: ops.filter((o) => o.method !== 'GET' && o.method !== 'HEAD' && o.method !== 'OPTIONS').length,
      paths: [...new Set(ops.map((o) => o.path))].sort(),
      // Request and response shapes are not data: only the schemas that stand for records are owned.
      owns: [...owner.entries()].filter(([sc, c]) => ctxOf(c) === id && !kernel.includes(sc) && !/[-_ ]?(input|request|response|body|params|handler|payload)$/i.test(sc)).map(([sc]) => sc).sort(),
      references: out,
      referencedBy: inn,
      coupling: out.reduce((n, x) => n + x.count, 0) + inn.reduce((n, x) => n + x.count, 0),
      identity: mem.some((k) => IDENTITY.test(k)),
    };
  });
  contexts.sort((a, b) => byCodeUnit(a.id, b.id));
  const ctxNouns = new Map<string, Set<string>>();
  for (const k of units.keys()) ctxNouns.set(ctxOf(k), (ctxNouns.get(ctxOf(k)) ?? new Set()).add(k));
  return { contexts, nouns: ctxNouns, of, sharedKernel: kernel };
}
