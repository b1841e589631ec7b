import { briefFromText, readBrief, resolve } from './brief/index.js';
import { emptyInput, type BriefInput, type Stated } from './brief/input.js';
import { parseAvailability, parseBytes, parseDurationDays, parseNumber } from './brief/units.js';
import { ArchieError } from './errors.js';
import type { Capacity } from './model/design.js';
import type { Assumption, OpenQuestion } from './model/requirements.js';
import { plan } from './plan/index.js';

/** Flags of `archie capacity`, as strings the way a shell passes them. */
export interface CapacityFlags {
  archetype?: string;
  dau?: string;
  mau?: string;
  concurrent?: string;
  rps?: string;
  peakRps?: string;
  peakFactor?: string;
  readWrite?: string;
  recordSize?: string;
  retention?: string;
  growth?: string;
  availability?: string;
  horizon?: string[];
  rpsPerInstance?: string;
}

export interface CapacityReport {
  title: string;
  archetype: string;
  capacity: Capacity;
  assumptions: Assumption[];
  openQuestions: OpenQuestion[];
}

function flagNumber(name: string, v: string | undefined, parse: (s: string) => number | null, expected: string, min = 0): Stated<number> | undefined {
  if (v === undefined) return undefined;
  const n = parse(v);
  if (n === null || !Number.isFinite(n) || n < min) throw new ArchieError('USAGE', `--${name} ${JSON.stringify(v)} is not valid: expected ${expected}`);
  return { value: n, quote: `--${name} ${v}` };
}

/** Apply capacity flags on top of what a brief states (flags win). */
export function applyCapacityFlags(input: BriefInput, f: CapacityFlags): BriefInput {
  const out: BriefInput = { ...input };
  const num = (s: string) => parseNumber(s);
  if (f.archetype) out.archetype = { value: f.archetype, quote: `--archetype ${f.archetype}` };
  out.dau = flagNumber('dau', f.dau, num, 'a user count such as 2M', 1) ?? out.dau;
  out.mau = flagNumber('mau', f.mau, num, 'a user count such as 5M', 1) ?? out.mau;
  out.concurrentUsers = flagNumber('concurrent', f.concurrent, num, 'a user count', 1) ?? out.concurrentUsers;
  out.avgRps = flagNumber('rps', f.rps, num, 'requests per second such as 1200 or 5k', 0.001) ?? out.avgRps;
  out.peakRps = flagNumber('peak-rps', f.peakRps, num, 'requests per second', 0.001) ?? out.peakRps;
  out.peakFactor = flagNumber('peak-factor', f.peakFactor, num, 'a factor ≥ 1 such as 3', 1) ?? out.peakFactor;
  out.readWriteRatio =
    flagNumber('read-write', f.readWrite, (s) => {
      const m = /^\s*([\d.]+)\s*:\s*([\d.]+)\s*$/.exec(s);
      return m ? Number(m[1]) / Number(m[2]) : parseNumber(s);
    }, 'reads per write such as 10 or 10:1', 0.0001) ?? out.readWriteRatio;
  out.recordBytes = flagNumber('record-size', f.recordSize, (s) => parseBytes(s) ?? parseNumber(s), 'a size such as 1KB', 1) ?? out.recordBytes;
  out.retentionDays = flagNumber('retention', f.retention, (s) => parseDurationDays(s) ?? parseNumber(s), 'a duration such as 90d, "3 years" or 365', 1) ?? out.retentionDays;
  out.growthPerMonth = flagNumber('growth', f.growth, (s) => (/%\s*$/.test(s) ? (parseNumber(s.replace(/%\s*$/, '')) ?? NaN) / 100 : parseNumber(s)), 'monthly growth such as 10% or 0.1') ?? out.growthPerMonth;
  out.availability = flagNumber('availability', f.availability, (s) => parseAvailability(s), 'a target such as 99.9% or "four nines"', 0.5) ?? out.availability;
  if (f.horizon?.length) {
    out.horizonsMonths = f.horizon.map((h) => {
      const s = flagNumber('horizon', h, (x) => { const d = parseDurationDays(x); return d !== null ? Math.round(d / 30) : parseNumber(x); }, 'months beyond a year, such as 24 or "3 years"', 13);
      return s!;
    });
  }
  if (f.rpsPerInstance !== undefined) out.limits = { ...out.limits, appRpsPerInstance: flagNumber('rps-per-instance', f.rpsPerInstance, num, 'requests per second', 1)! };
  return out;
}

/**
 * The capacity planner alone: from a brief (text or file), from flags, or both.
 *
 * @example
 * ```ts
 * const r = await capacity(undefined, { dau: '2M', peakFactor: '3', readWrite: '4:1' });
 * r.capacity.figures.find((f) => f.id === 'peak-rps');
 * ```
 */
export async function capacity(brief: string | undefined, flags: CapacityFlags = {}): Promise<CapacityReport> {
  const hasFlags = Object.values(flags).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (!brief && !hasFlags) {
    throw new ArchieError('USAGE', 'give a brief or at least one load flag', { hint: 'e.g. archie capacity --dau 2M --peak-factor 3, or archie capacity "chat for 2M daily users"' });
  }
  const base = brief ? (brief.includes(' ') ? briefFromText(brief) : await readBrief(brief)) : emptyInput('');
  const input = applyCapacityFlags(base, flags);
  const resolved = resolve(input);
  const limits = input.limits.appRpsPerInstance ? { appRpsPerInstance: input.limits.appRpsPerInstance.value } : {};
  const d = plan(resolved, { limits });
  return { title: d.title, archetype: d.requirements.archetype.id, capacity: d.capacity, assumptions: d.assumptions, openQuestions: d.openQuestions };
}
