import { NUMBER_SRC, parseNumber } from '../../brief/units.js';
import { n } from '../../plan/decisions/_util.js';
import type { CapabilityInput, Reading } from './_types.js';

/** Helpers the capabilities read their numbers with: the workload first, the brief's words next, an assumption last. */

/** The first workload operation of `kind` whose name or id matches, as its peak and average rates. */
export function operation(input: CapabilityInput, re: RegExp, kind?: 'read' | 'write'): { id: string; name: string; peak: number; avg: number; fanout: number | null } | null {
  for (const o of input.ctx.req.workload.operations) {
    if (kind && o.kind !== kind) continue;
    if (re.test(o.name) || re.test(o.id)) return { id: o.id, name: o.name, peak: o.peakPerSecond, avg: o.averagePerSecond, fanout: o.fanout };
  }
  return null;
}

/** The peak rate of the matching operation, or of all writes (reads) when the workload has none. */
export function peakRate(input: CapabilityInput, re: RegExp, kind: 'read' | 'write'): Reading {
  const op = operation(input, re, kind);
  if (op) return { value: op.peak, source: 'workload', from: `the workload's "${op.name}"`, figure: `op-${op.id}-peak` };
  const load = input.ctx.load;
  return { value: kind === 'write' ? load.peakWrites : load.peakReads, source: 'derived', from: `all ${kind}s: the workload names no such operation`, figure: kind === 'write' ? 'peak-write-rps' : 'peak-read-rps' };
}

/** The average rate of the matching operation, or of all writes (reads). */
export function averageRate(input: CapabilityInput, re: RegExp, kind: 'read' | 'write'): Reading {
  const op = operation(input, re, kind);
  if (op) return { value: op.avg, source: 'workload', from: `the workload's "${op.name}"`, figure: `op-${op.id}` };
  const load = input.ctx.load;
  return { value: kind === 'write' ? load.avgWrites : load.avgReads, source: 'derived', from: `all ${kind}s: the workload names no such operation` };
}

/** The count of the first workload actor whose name matches. */
export function actorCount(input: CapabilityInput, re: RegExp): Reading | null {
  const a = input.ctx.req.workload.actors.find((x) => re.test(x.name) || re.test(x.id));
  return a ? { value: a.count, source: 'workload', from: `${a.kind} ${a.name}s in the workload` } : null;
}

export interface StatedNumber {
  value: number;
  /** The words the number was read from. */
  quote: string;
  /** Up to 40 characters before the number, for telling an average from a maximum. */
  before: string;
}

/**
 * Numbers the brief states in a phrase: `pattern` is a regex source with `#` where the number
 * stands, e.g. `# (?:participants|people) per (?:call|meeting)`.
 */
export function stated(input: CapabilityInput, ...patterns: string[]): StatedNumber[] {
  const out: StatedNumber[] = [];
  for (const p of patterns) {
    const re = new RegExp(p.replace('#', `(${NUMBER_SRC})`), 'gi');
    for (const m of input.text.matchAll(re)) {
      const v = parseNumber(m[1]!);
      if (v === null || !Number.isFinite(v) || v < 0) continue;
      const at = m.index ?? 0;
      out.push({ value: v, quote: m[0].trim(), before: input.text.slice(Math.max(0, at - 40), at) });
    }
  }
  return out;
}

/** The largest number stated in any of the phrases, or null. */
export function statedMax(input: CapabilityInput, ...patterns: string[]): Reading | null {
  const all = stated(input, ...patterns);
  if (!all.length) return null;
  const best = all.reduce((a, b) => (b.value > a.value ? b : a));
  return { value: best.value, source: 'stated', from: `"${best.quote}"` };
}

/** Whether the brief says any of these (word-bounded regex sources), outside a negation right before it. */
export function says(input: CapabilityInput, ...patterns: string[]): string | null {
  for (const p of patterns) {
    const m = new RegExp(`(?<![a-z0-9])(?:${p})`, 'i').exec(input.text);
    if (!m) continue;
    const before = input.text.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:no|not|without|never)\s+(?:\w+\s+)?$/.test(before)) continue;
    return m[0];
  }
  return null;
}

/** An assumed reading, recorded in the design's assumptions. */
export function assumed(input: CapabilityInput, field: string, label: string, value: number, unit: string, reason: string, override: string): Reading {
  input.assume(field, label, `${value} ${unit}`, reason, override);
  return { value, source: 'assumed', from: `assumed: ${reason}` };
}

/**
 * A rate as the design writes it: `N what/s` when a capacity figure holds it (the review checks every
 * `/s` against the capacity plan), `N what per second` for a number of the capability's own.
 */
export function ps(r: Reading, what = ''): string {
  return `${n(r.value)}${what ? ` ${what}` : ''}${r.figure ? '/s' : ' per second'}`;
}

/** "12,000/s (the workload's …)" for a rationale: the number, its unit, and where it came from. */
export function cite(r: Reading, unit = ''): string {
  return `${unit === '/s' ? ps(r) : `${n(r.value)}${unit}`} (${r.from})`;
}
