import { isScalar, isMap, type LineCounter, type Document } from 'yaml';
import * as z from 'zod/mini';
import { ArchieError } from '../errors.js';
import { parseJsonWithPositions, parseYaml } from '../util/parse.js';
import { CLOUDS, REGULATIONS } from '../model/constants.js';
import { extractFromText } from './extract.js';
import { judgePurpose } from './purpose.js';
import type { BriefInput, Stated } from './input.js';
import { parseAvailability, parseBytes, parseDurationDays, parseMoney, parseNumber, periodSeconds } from './units.js';

/**
 * The YAML (or JSON) brief. Every field is optional except `description` or `title`; numbers may
 * be written as people write them ("2M", "4 KB", "99.95%", "3 years"). Unknown fields are errors
 * that name the field and suggest the closest known one. docs/brief.md documents this schema.
 */

// zod/mini: the same validator with a far smaller bundle, because a brief is read on every
// `archie design` and start-up time is part of the product.
const numberish = z.union([z.number(), z.string()]);
const opt = z.optional;
const strict = z.strictObject;

export const BriefFileSchema = strict({
  title: opt(z.string().check(z.minLength(1), z.maxLength(200))),
  description: opt(z.string().check(z.maxLength(100_000))),
  archetype: opt(z.string()),
  users: opt(strict({ daily: opt(numberish), monthly: opt(numberish), concurrent: opt(numberish), requestsPerUserPerDay: opt(numberish) })),
  traffic: opt(
    strict({
      requestsPerSecond: opt(numberish),
      peakRequestsPerSecond: opt(numberish),
      writesPerSecond: opt(numberish),
      readsPerSecond: opt(numberish),
      peakFactor: opt(numberish),
      readWriteRatio: opt(numberish),
    }),
  ),
  data: opt(
    strict({
      recordSize: opt(numberish),
      requestSize: opt(numberish),
      responseSize: opt(numberish),
      blobsPerUserPerDay: opt(numberish),
      blobSize: opt(numberish),
      retention: opt(numberish),
      existing: opt(numberish),
      personal: opt(z.boolean()),
    }),
  ),
  growth: opt(strict({ perMonth: opt(numberish), doublingMonths: opt(numberish) })),
  latency: opt(strict({ p50: opt(numberish), p95: opt(numberish), p99: opt(numberish) })),
  availability: opt(numberish),
  errorRate: opt(numberish),
  team: opt(strict({ size: opt(numberish), opsMaturity: opt(z.enum(['low', 'medium', 'high'])) })),
  budget: opt(numberish),
  timeline: opt(numberish),
  regulations: opt(z.array(z.string())),
  regions: opt(z.array(z.string())),
  multiRegion: opt(z.boolean()),
  cloud: opt(z.string()),
  existingSystem: opt(z.string()),
  horizons: opt(z.array(numberish)),
  requirements: opt(z.array(z.string().check(z.minLength(1)))),
  /** The workload model, stated exactly (the same model free text is read into). */
  actors: opt(
    z.array(
      strict({
        name: z.string().check(z.minLength(1), z.maxLength(80)),
        count: numberish,
        kind: opt(z.enum(['daily', 'monthly', 'concurrent', 'registered'])),
        nature: opt(z.enum(['people', 'devices', 'organisations'])),
      }),
    ).check(z.maxLength(100)),
  ),
  operations: opt(
    z.array(
      strict({
        name: z.string().check(z.minLength(1), z.maxLength(80)),
        kind: opt(z.enum(['write', 'read'])),
        perSecond: opt(numberish),
        perDay: opt(numberish),
        perMonth: opt(numberish),
        perActorPerDay: opt(numberish),
        everySeconds: opt(numberish),
        actor: opt(z.string()),
        atPeak: opt(z.boolean()),
        fanout: opt(numberish),
        rowsWritten: opt(numberish),
        payloadSize: opt(numberish),
      }),
    ).check(z.maxLength(200)),
  ),
  activeHoursPerDay: opt(numberish),
  limits: opt(
    strict({
      appRpsPerInstance: opt(numberish),
      pgWritesPerPrimary: opt(numberish),
      pgReadsPerNode: opt(numberish),
      wsConnectionsPerNode: opt(numberish),
    }),
  ),
});
export type BriefFile = z.infer<typeof BriefFileSchema>;

/** Every dotted field path the schema accepts, for "did you mean" suggestions. */
function knownPaths(schema: z.ZodMiniType = BriefFileSchema, prefix = ''): string[] {
  const out: string[] = [];
  const def = (schema as unknown as { _zod?: { def?: { type?: string; shape?: Record<string, z.ZodMiniType>; innerType?: z.ZodMiniType } } })._zod?.def;
  if (!def) return out;
  if (def.type === 'optional' && def.innerType) return knownPaths(def.innerType, prefix);
  if (def.type === 'object' && def.shape) {
    for (const [k, v] of Object.entries(def.shape)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p);
      out.push(...knownPaths(v, p));
    }
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length]![b.length]!;
}

function suggest(path: string): string | undefined {
  const leaf = path.split('.').pop()!.toLowerCase();
  const parent = path.split('.').slice(0, -1).join('.');
  let best: { p: string; d: number } | undefined;
  for (const p of knownPaths()) {
    const pl = p.split('.').pop()!.toLowerCase();
    const d = editDistance(leaf, pl) + (p.startsWith(parent) ? 0 : 1);
    if (!best || d < best.d) best = { p, d };
  }
  return best && best.d <= Math.max(2, Math.floor(leaf.length / 3)) ? best.p : undefined;
}

/** Position of a dotted path in the YAML document, for messages. */
function positionOf(doc: Document, lc: LineCounter, path: Array<string | number>): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let range: [number, number, number] | undefined = (node as { range?: [number, number, number] })?.range;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
    if (!pair) break;
    range = (pair.key as { range?: [number, number, number] }).range ?? range;
    node = pair.value;
  }
  if (!range) return undefined;
  const p = lc.linePos(range[0]);
  return { line: p.line, column: p.col };
}

type Num = (path: string, v: string | number | undefined, opts?: { min?: number; max?: number; integer?: boolean }) => Stated<number> | undefined;
type Bytes = (path: string, v: string | number | undefined) => Stated<number> | undefined;

/** `actors`, `operations` and `activeHoursPerDay`: stated fields win over what the description implied. */
function workloadFromFile(b: BriefFile, out: BriefInput, num: Num, bytes: Bytes, fail: (path: string, v: unknown, expected: string) => never): void {
  const facts = out.workload ?? { actors: [], operations: [], sizes: [] };
  const at = (i: number) => -1_000_000 + i; // before any text position: the file's own facts come first
  if (b.actors) {
    facts.actors = b.actors.map((a, i) => {
      const count = num(`actors.${i}.count`, a.count, { min: 1, max: 1e10 })!;
      const nature = a.nature ?? (/device|sensor|meter|vehicle|car|machine|tracker|phone|camera/i.test(a.name) ? 'devices' : /tenant|compan|organi|business|store|shop|restaurant|hotel/i.test(a.name) ? 'organisations' : 'people');
      return { name: a.name.trim().toLowerCase(), count: count.value, kind: a.kind ?? 'registered', nature, quote: count.quote.replace(/^actors\.\d+\.count/, `actors.${i}: ${a.name}`), at: at(i) };
    });
    // The scale fields follow the stated actors unless users.* says otherwise.
    const people = facts.actors.filter((a) => a.nature === 'people');
    const daily = people.find((a) => a.kind === 'daily');
    const monthly = people.find((a) => a.kind === 'monthly');
    const concurrent = people.find((a) => a.kind === 'concurrent');
    if (daily && !b.users?.daily) out.dau = { value: daily.count, quote: daily.quote };
    if (monthly && !b.users?.monthly) out.mau = { value: monthly.count, quote: monthly.quote };
    if (concurrent && !b.users?.concurrent) out.concurrentUsers = { value: concurrent.count, quote: concurrent.quote };
  }
  if (b.operations) {
    facts.operations = b.operations.map((o, i) => {
      const p = `operations.${i}`;
      const given = (['perSecond', 'perDay', 'perMonth', 'perActorPerDay', 'everySeconds'] as const).filter((k) => o[k] !== undefined);
      if (given.length !== 1) fail(p, o, 'exactly one of perSecond, perDay, perMonth, perActorPerDay or everySeconds');
      const k = given[0]!;
      const v = num(`${p}.${k}`, o[k], { min: 0 })!;
      if (v.value <= 0) fail(`${p}.${k}`, o[k], 'a rate above zero');
      const kind = o.kind ?? (/\b(?:read|view|get|list|search|fetch|redirect|open|load|download)/i.test(o.name) ? 'read' : 'write');
      const rate =
        k === 'perActorPerDay' ? { basis: 'per-actor' as const, perDay: v.value }
          : k === 'everySeconds' ? { basis: 'interval' as const, seconds: v.value }
            : { basis: 'absolute' as const, perSecond: v.value / (k === 'perSecond' ? 1 : k === 'perDay' ? 86_400 : 2_592_000), peak: Boolean(o.atPeak), period: k === 'perSecond' ? 1 : k === 'perDay' ? 86_400 : 2_592_000 };
      const fanout = num(`${p}.fanout`, o.fanout, { min: 1 });
      const rows = num(`${p}.rowsWritten`, o.rowsWritten, { min: 1, max: 1000 });
      const size = bytes(`${p}.payloadSize`, o.payloadSize);
      return {
        name: o.name.trim().toLowerCase(),
        kind,
        rate,
        ...(o.actor && { actor: o.actor.trim().toLowerCase() }),
        quote: v.quote.replace(new RegExp(`^${p}\\.${k}`), `${p}: ${o.name}, ${k}`),
        at: at(i),
        ...(fanout && { fanout: fanout.value }),
        ...(rows && { rows: rows.value }),
        ...(size && { payloadBytes: size.value }),
      };
    });
  }
  if (b.activeHoursPerDay !== undefined) {
    const h = num('activeHoursPerDay', b.activeHoursPerDay, { min: 0.5, max: 24 })!;
    if (h.value < 24) facts.activeWindow = { seconds: h.value * 3600, quote: h.quote };
  }
  out.workload = facts;
}

export function parseBriefFile(text: string, path: string): BriefInput {
  // Strict: a .json brief is JSON, a YAML brief is YAML 1.2 core schema without custom tags or
  // control characters; nesting and aliases are checked before anything recursive sees them.
  const options = { path, label: 'the brief', strict: true, maxAliasCount: 100 };
  const { doc, lineCounter: lc, value: raw } = /\.json$/i.test(path) ? parseJsonWithPositions(text, options) : parseYaml(text, options);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ArchieError('INVALID', 'the brief must be a mapping of fields (title, description, users, traffic, ...)', {
      path,
      hint: 'see docs/brief.md for the fields; or pass the brief as free text in quotes',
    });
  }
  const parsed = BriefFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const fieldPath = [...issue.path, ...(keys.length ? [keys[0]!] : [])].map(String);
    const dotted = fieldPath.join('.');
    const pos = positionOf(doc, lc, fieldPath);
    if (issue.code === 'unrecognized_keys') {
      const s = suggest(dotted);
      throw new ArchieError('INVALID', `unknown field "${dotted}"`, {
        path, ...pos,
        hint: s ? `did you mean "${s}"? See docs/brief.md for every field` : 'remove it; see docs/brief.md for every field',
      });
    }
    throw new ArchieError('INVALID', `field "${dotted || '(root)'}": ${issue.message}`, { path, ...pos, hint: 'see docs/brief.md for the expected type' });
  }
  const b = parsed.data;
  if (!b.description && !b.title) {
    throw new ArchieError('INVALID', 'the brief has neither "title" nor "description"', {
      path,
      hint: 'add a description: one or two sentences on what the system does, for whom and at what scale',
    });
  }
  return fromFile(b, path, doc, lc);
}

function fromFile(b: BriefFile, file: string, doc: Document, lc: LineCounter): BriefInput {
  // The description is read like a free-text brief first; explicit fields then override it.
  const description = [b.title, b.description].filter(Boolean).join('. ');
  const out = extractFromText(description);
  out.text = description;
  // Every free-text field is screened for purpose, not only the description.
  const screened = judgePurpose([description, ...(b.requirements ?? []), b.existingSystem ?? ''].join('\n'));
  if (screened && !out.refusal) out.refusal = { value: `The brief describes a system for watching people: ${screened.reason}.`, quote: screened.quote };
  if (b.title) out.title = b.title;
  const q = (path: string, v: unknown) => `${path}: ${typeof v === 'string' ? v : JSON.stringify(v)}`;
  const fail = (path: string, v: unknown, expected: string): never => {
    const pos = positionOf(doc, lc, path.split('.'));
    throw new ArchieError('INVALID', `field "${path}" has ${JSON.stringify(v)}, expected ${expected}`, { path: file, ...pos, hint: 'see docs/brief.md' });
  };
  const num = (path: string, v: string | number | undefined, opts: { min?: number; max?: number; integer?: boolean } = {}): Stated<number> | undefined => {
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : parseNumber(v.replace(/\s*(users|rps|req\/s|requests\/s|x)$/i, ''));
    if (n === null || !Number.isFinite(n)) return fail(path, v, 'a number such as 2000000, "2M" or "100k"');
    const min = opts.min ?? 0;
    if (n < min || (opts.max !== undefined && n > opts.max)) return fail(path, v, `a number between ${min} and ${opts.max ?? 'any'}`);
    return { value: n, quote: q(path, v) };
  };
  const bytes = (path: string, v: string | number | undefined): Stated<number> | undefined => {
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : parseBytes(v) ?? parseNumber(v);
    if (n === null || n < 0) return fail(path, v, 'a size such as 512, "4 KB" or "2 MB"');
    return { value: n, quote: q(path, v) };
  };
  const days = (path: string, v: string | number | undefined): Stated<number> | undefined => {
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : parseDurationDays(v);
    if (n === null || n <= 0) return fail(path, v, 'a duration such as 90 (days), "6 months" or "3 years"');
    return { value: n, quote: q(path, v) };
  };
  const ms = (path: string, v: string | number | undefined): Stated<number> | undefined => {
    if (v === undefined) return undefined;
    let n: number | null = typeof v === 'number' ? v : null;
    if (typeof v === 'string') {
      const m = /^\s*([\d.]+)\s*(ms|s)?\s*$/i.exec(v);
      n = m ? Number(m[1]) * (m[2]?.toLowerCase() === 's' ? 1000 : 1) : null;
    }
    if (n === null || !(n > 0) || n > 600_000) return fail(path, v, 'a latency such as 200 or "200 ms"');
    return { value: n, quote: q(path, v) };
  };
  const set = <K extends keyof BriefInput>(key: K, value: BriefInput[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };

  if (b.archetype) set('archetype', { value: b.archetype, quote: q('archetype', b.archetype) });
  set('dau', num('users.daily', b.users?.daily));
  set('mau', num('users.monthly', b.users?.monthly));
  set('concurrentUsers', num('users.concurrent', b.users?.concurrent));
  set('requestsPerUserPerDay', num('users.requestsPerUserPerDay', b.users?.requestsPerUserPerDay));
  set('avgRps', num('traffic.requestsPerSecond', b.traffic?.requestsPerSecond));
  set('peakRps', num('traffic.peakRequestsPerSecond', b.traffic?.peakRequestsPerSecond));
  set('writesPerSecond', num('traffic.writesPerSecond', b.traffic?.writesPerSecond));
  set('readsPerSecond', num('traffic.readsPerSecond', b.traffic?.readsPerSecond));
  set('peakFactor', num('traffic.peakFactor', b.traffic?.peakFactor, { min: 1, max: 1000 }));
  if (b.traffic?.readWriteRatio !== undefined) {
    const v = b.traffic.readWriteRatio;
    const m = typeof v === 'string' ? /^\s*([\d.]+)\s*:\s*([\d.]+)\s*$/.exec(v) : null;
    const r = m ? Number(m[1]) / Number(m[2]) : typeof v === 'number' ? v : parseNumber(v);
    if (r === null || !Number.isFinite(r) || r <= 0) fail('traffic.readWriteRatio', v, 'reads per write, e.g. 10 or "10:1"');
    else set('readWriteRatio', { value: r, quote: q('traffic.readWriteRatio', v) });
  }
  set('recordBytes', bytes('data.recordSize', b.data?.recordSize));
  set('requestBytes', bytes('data.requestSize', b.data?.requestSize));
  set('responseBytes', bytes('data.responseSize', b.data?.responseSize));
  set('blobsPerUserPerDay', num('data.blobsPerUserPerDay', b.data?.blobsPerUserPerDay));
  set('blobBytes', bytes('data.blobSize', b.data?.blobSize));
  set('retentionDays', days('data.retention', b.data?.retention));
  set('initialDataBytes', bytes('data.existing', b.data?.existing));
  if (b.data?.personal !== undefined) set('personalData', { value: b.data.personal, quote: q('data.personal', b.data.personal) });
  if (b.growth?.perMonth !== undefined) {
    const v = b.growth.perMonth;
    const n = typeof v === 'number' ? v : /%\s*$/.test(v) ? (parseNumber(v.replace(/%\s*$/, '')) ?? NaN) / 100 : parseNumber(v);
    if (n === null || !Number.isFinite(n) || n < 0 || n > 10) fail('growth.perMonth', v, 'a monthly growth such as 0.1 or "10%"');
    else set('growthPerMonth', { value: n, quote: q('growth.perMonth', v) });
  }
  if (b.growth?.doublingMonths !== undefined) {
    const d = num('growth.doublingMonths', b.growth.doublingMonths, { min: 0.5, max: 240 });
    if (d) set('growthPerMonth', { value: 2 ** (1 / d.value) - 1, quote: d.quote });
  }
  set('p50Ms', ms('latency.p50', b.latency?.p50));
  set('p95Ms', ms('latency.p95', b.latency?.p95));
  set('p99Ms', ms('latency.p99', b.latency?.p99));
  if (b.availability !== undefined) {
    const a = typeof b.availability === 'number' ? parseAvailability(String(b.availability)) : parseAvailability(b.availability);
    if (a === null || a < 0.5 || a >= 1) fail('availability', b.availability, 'a target such as "99.9%", 0.999 or "four nines"');
    else set('availability', { value: a, quote: q('availability', b.availability) });
  }
  if (b.errorRate !== undefined) {
    const v = b.errorRate;
    const n = typeof v === 'number' ? v : /%\s*$/.test(v) ? (parseNumber(v.replace(/%\s*$/, '')) ?? NaN) / 100 : parseNumber(v);
    if (n === null || !Number.isFinite(n) || n <= 0 || n >= 0.5) fail('errorRate', v, 'a fraction such as 0.001 or "0.1%"');
    else set('errorRate', { value: n, quote: q('errorRate', v) });
  }
  set('teamSize', num('team.size', b.team?.size, { min: 1, max: 10_000, integer: true }));
  if (b.team?.opsMaturity) set('opsMaturity', { value: b.team.opsMaturity, quote: q('team.opsMaturity', b.team.opsMaturity) });
  if (b.budget !== undefined) {
    const v = b.budget;
    let n: number | null = typeof v === 'number' ? v : null;
    if (typeof v === 'string') {
      const m = /^(.*?)\s*(?:\/|per|a)\s*(month|mo|year|yr)\s*$/i.exec(v);
      const amount = parseMoney(m ? m[1]! : v);
      n = amount === null ? null : m && /y/i.test(m[2]!) ? amount / 12 : amount;
    }
    if (n === null || n < 0) fail('budget', v, 'a monthly amount such as 2000 or "$2k/month"');
    else set('budgetUsdPerMonth', { value: n, quote: q('budget', v) });
  }
  if (b.timeline !== undefined) {
    const v = b.timeline;
    let weeks: number | null = typeof v === 'number' ? v : null;
    if (typeof v === 'string') {
      const m = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(v);
      const secs = m ? periodSeconds(m[2]!) : null;
      weeks = m && secs !== null ? Math.round((Number(m[1]) * secs) / 604_800) : null;
    }
    if (weeks === null || weeks <= 0) fail('timeline', v, 'weeks, e.g. 12 or "3 months"');
    else set('timelineWeeks', { value: weeks, quote: q('timeline', v) });
  }
  if (b.regulations) {
    out.regulations = b.regulations.map((r, i) => {
      const norm = r.trim().toUpperCase().replace(/^PCI$|^PCI DSS$|^PCIDSS$/, 'PCI-DSS').replace(/^SOC2$|^SOC-2$/, 'SOC 2');
      const hit = REGULATIONS.find((x) => x.toUpperCase() === norm);
      if (!hit) return fail(`regulations.${i}`, r, `one of ${REGULATIONS.join(', ')}`);
      return { value: hit, quote: q('regulations', r) };
    });
  }
  if (b.regions) set('regions', { value: b.regions.map((r) => r.trim().toLowerCase()), quote: q('regions', b.regions) });
  if (b.multiRegion !== undefined) set('multiRegion', { value: b.multiRegion, quote: q('multiRegion', b.multiRegion) });
  if (b.cloud) {
    const c = b.cloud.trim().toLowerCase();
    const hit = CLOUDS.find((x) => x === c);
    if (!hit) fail('cloud', b.cloud, `one of ${CLOUDS.join(', ')}`);
    else set('cloud', { value: hit, quote: q('cloud', b.cloud) });
  }
  if (b.existingSystem) set('existingSystem', { value: b.existingSystem, quote: q('existingSystem', b.existingSystem) });
  if (b.horizons) {
    out.horizonsMonths = b.horizons.map((h, i) => {
      const months = typeof h === 'number' ? h : (parseDurationDays(h) ?? NaN) / 30;
      if (!Number.isFinite(months) || months <= 12 || months > 120) return fail(`horizons.${i}`, h, 'months beyond a year, e.g. 24 or "3 years" (at most 10 years)');
      return { value: Math.round(months), quote: q('horizons', h) };
    });
  }
  if (b.requirements) {
    out.functional = b.requirements.map((r) => ({
      value: r.trim(),
      quote: r.trim(),
      priority: /\b(must|need|required)\b/i.test(r) ? 'must' : /\bcould|nice to have|optional\b/i.test(r) ? 'could' : 'should',
    }));
  }
  if (b.actors || b.operations || b.activeHoursPerDay !== undefined) workloadFromFile(b, out, num, bytes, fail);
  if (b.limits) {
    for (const k of ['appRpsPerInstance', 'pgWritesPerPrimary', 'pgReadsPerNode', 'wsConnectionsPerNode'] as const) {
      const s = num(`limits.${k}`, b.limits[k], { min: 1 });
      if (s) out.limits[k] = s;
    }
  }
  return out;
}
