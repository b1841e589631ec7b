import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { briefFromText, resolve, type Resolved } from '../../../src/brief/index.js';
import { ArchieError } from '../../../src/errors.js';

/**
 * The corpus of briefs (briefs.yaml beside this file) and the check of one entry against what
 * the reader makes of it. The corpus test asserts with it; the reader's author can run it on one
 * brief to see every difference at once.
 */

const num = z.number().finite();

const ActorExpect = z.strictObject({
  name: z.string().min(1),
  count: num,
  kind: z.enum(['daily', 'monthly', 'concurrent', 'registered']),
  nature: z.enum(['people', 'devices', 'organisations']).optional(),
});

const OpExpect = z.strictObject({
  /** A substring of the operation's name; "a|b" accepts either. */
  match: z.string().min(1),
  kind: z.enum(['write', 'read']).optional(),
  perSecond: num.positive(),
  fanout: num.optional(),
});

const Expect = z.strictObject({
  dau: num.optional(),
  mau: num.optional(),
  concurrent: num.optional(),
  actors: z.array(ActorExpect).optional(),
  ops: z.array(OpExpect).optional(),
  writesPerSecond: num.optional(),
  readsPerSecond: num.optional(),
  peakFactor: num.optional(),
  readsPerWrite: num.optional(),
  growthPerMonth: num.optional(),
  p99Ms: num.optional(),
  existingSystem: z.boolean().optional(),
  refused: z.boolean().optional(),
  error: z.enum(['INPUT', 'INVALID', 'CONTRADICTION']).optional(),
});

const Entry = z.strictObject({
  brief: z.string(),
  expect: Expect,
  tolerance: num.positive().max(0.5).optional(),
  note: z.string().optional(),
  gap: z.string().min(3).optional(),
});
export type CorpusEntry = z.infer<typeof Entry>;

export const CORPUS_PATH = fileURLToPath(new URL('./briefs.yaml', import.meta.url));

/** The corpus, validated: a misspelt field fails here rather than being silently unchecked. */
export function loadCorpus(path = CORPUS_PATH): CorpusEntry[] {
  const data: unknown = parse(readFileSync(path, 'utf8'));
  const parsed = z.array(Entry).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path[0];
    const brief = typeof at === 'number' && Array.isArray(data) ? JSON.stringify((data[at] as { brief?: unknown })?.brief) : '';
    throw new Error(`${path}: entry ${typeof at === 'number' ? at + 1 : '?'} ${brief}: ${issue.path.slice(1).join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

type Outcome = { ok: Resolved } | { error: unknown };

export function read(text: string): Outcome {
  try {
    return { ok: resolve(briefFromText(text)) };
  } catch (error) {
    return { error };
  }
}

const close = (actual: number, expected: number, tol: number) => (expected === 0 ? Math.abs(actual) < 1e-9 : Math.abs(actual - expected) <= tol * Math.abs(expected));
const show = (n: number) => (Math.abs(n) >= 100 || Number.isInteger(n) ? String(Math.round(n * 100) / 100) : n.toPrecision(4));

/** Every way the reader's model differs from the entry's expectations; empty when it meets them all. */
export function checkEntry(entry: CorpusEntry, outcome: Outcome = read(entry.brief)): string[] {
  const x = entry.expect;
  const tol = entry.tolerance ?? 0.01;
  const failures: string[] = [];
  if ('error' in outcome) {
    const e = outcome.error;
    const code = e instanceof ArchieError ? e.code : 'not an ArchieError';
    const message = e instanceof Error ? e.message : String(e);
    if (x.refused === true && code === 'REFUSED') return [];
    if (x.error !== undefined && code === x.error) return [];
    const wanted = x.refused === true ? 'a refusal' : x.error !== undefined ? `error ${x.error}` : 'no error';
    return [`threw ${code} (${message}); expected ${wanted}`];
  }
  if (x.refused === true) failures.push('was not refused');
  if (x.error !== undefined) failures.push(`no ${x.error} error was raised`);
  const r = outcome.ok.requirements;
  const num = (field: string, actual: number, expected: number | undefined) => {
    if (expected !== undefined && !close(actual, expected, tol)) failures.push(`${field} is ${show(actual)}, expected ${show(expected)}`);
  };
  num('dau', r.scale.dau.value, x.dau);
  num('mau', r.scale.mau.value, x.mau);
  num('concurrent', r.scale.concurrentUsers.value, x.concurrent);
  num('peakFactor', r.scale.peakFactor.value, x.peakFactor);
  num('readsPerWrite', r.scale.readWriteRatio.value, x.readsPerWrite);
  num('growthPerMonth', r.growthPerMonth.value, x.growthPerMonth);
  num('p99Ms', r.latency.p99Ms.value, x.p99Ms);
  const ops = r.workload.operations;
  const sum = (kind: 'write' | 'read') => ops.filter((o) => o.kind === kind).reduce((t, o) => t + o.averagePerSecond, 0);
  num('writesPerSecond', sum('write'), x.writesPerSecond);
  num('readsPerSecond', sum('read'), x.readsPerSecond);
  if (x.existingSystem !== undefined && (r.existingSystem !== null) !== x.existingSystem) {
    failures.push(x.existingSystem ? 'no existing system was read' : `an existing system was read ("${r.existingSystem?.description}")`);
  }

  if (x.actors) {
    const left = [...r.workload.actors];
    for (const want of x.actors) {
      const same = (a: (typeof left)[number]) => a.name.toLowerCase().includes(want.name.toLowerCase()) && a.kind === want.kind && (!want.nature || a.nature === want.nature);
      const i = left.findIndex((a) => same(a) && close(a.count, want.count, tol));
      if (i >= 0) {
        left.splice(i, 1);
        continue;
      }
      const near = left.find(same);
      failures.push(near ? `actor ${want.kind} ${want.name}: ${show(near.count)}, expected ${show(want.count)}` : `no ${want.kind} ${want.name} (${show(want.count)}) among the actors`);
    }
    for (const a of left) failures.push(`unexpected actor ${a.kind} ${a.name} ${show(a.count)} ("${a.provenance.kind === 'stated' ? a.provenance.quote : a.provenance.kind}")`);
  }

  if (x.ops) {
    // Operations read from the brief (stated, or derived from a stated ratio), not the ones archie assumed.
    const left = ops.filter((o) => o.provenance.kind !== 'assumed');
    for (const want of x.ops) {
      const alts = want.match.toLowerCase().split('|');
      const same = (o: (typeof left)[number]) => alts.some((a) => o.name.toLowerCase().includes(a)) && (!want.kind || o.kind === want.kind);
      const good = (o: (typeof left)[number]) => same(o) && close(o.averagePerSecond, want.perSecond, tol) && (want.fanout === undefined || (o.fanout !== null && close(o.fanout, want.fanout, tol)));
      const i = left.findIndex(good);
      if (i >= 0) {
        left.splice(i, 1);
        continue;
      }
      const near = left.find(same);
      const label = `${want.kind ?? ''} op "${want.match}"`.trim();
      if (!near) failures.push(`no ${label} (${show(want.perSecond)}/s)`);
      else if (!close(near.averagePerSecond, want.perSecond, tol)) failures.push(`${label}: "${near.name}" at ${show(near.averagePerSecond)}/s, expected ${show(want.perSecond)}/s (${near.formula})`);
      else failures.push(`${label}: "${near.name}" fan-out ${near.fanout === null ? 'none' : show(near.fanout)}, expected ${show(want.fanout!)}`);
      if (near) left.splice(left.indexOf(near), 1);
    }
    for (const o of left) failures.push(`unexpected ${o.kind} op "${o.name}" at ${show(o.averagePerSecond)}/s (${o.formula})`);
  }
  return failures;
}
