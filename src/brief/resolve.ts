import { ArchieError } from '../errors.js';
import { archetypeById, detectArchetype, type Archetype } from '../knowledge/archetypes/index.js';
import type {
  Assumption,
  FunctionalRequirement,
  OpenQuestion,
  Provenance,
  Quantity,
  Regulation,
  Requirements,
} from '../model/requirements.js';
import type { BriefInput, Stated } from './input.js';
import { compact, formatBytes, formatNumber, formatPercent } from './units.js';
import { operationRates, unreadClauses, withAssumedOperations, workloadModel } from './resolve-workload.js';

/** Requirements plus everything archie had to assume or could not settle. */
export interface Resolved {
  requirements: Requirements;
  archetype: Archetype;
  assumptions: Assumption[];
  openQuestions: OpenQuestion[];
  warnings: string[];
}

const S_PER_DAY = 86_400;

/** Largest plausible sustained requests per user per day (one request every second, all day). */
const MAX_REQUESTS_PER_USER_DAY = 86_400;
/** Connected devices may report more often than people click. */
const MAX_REQUESTS_PER_DEVICE_DAY = 864_000;

const stated = (s: Stated<unknown>): Provenance => ({ kind: 'stated', quote: s.quote });
const derived = (from: string[], how: string): Provenance => ({ kind: 'derived', from, how });
const assumed = (reason: string): Provenance => ({ kind: 'assumed', reason });
const qty = (value: number, unit: string, provenance: Provenance): Quantity => ({ value, unit, provenance });

interface Ctx {
  archetype: Archetype;
  assumptions: Assumption[];
  openQuestions: OpenQuestion[];
  warnings: string[];
}

function assume(ctx: Ctx, field: string, label: string, value: string, reason: string, override: string): Provenance {
  // A later, better-informed assumption of the same field replaces the first.
  ctx.assumptions = ctx.assumptions.filter((a) => a.field !== field);
  ctx.assumptions.push({ field, label, value, reason, override });
  return assumed(reason);
}

function contradiction(message: string, hint: string): never {
  throw new ArchieError('CONTRADICTION', message, { path: 'brief', hint });
}

function absurd(message: string, hint: string): never {
  throw new ArchieError('INVALID', message, { path: 'brief', hint });
}

/** Turn what the brief states into complete Requirements, filling gaps from the archetype. */
export function resolve(input: BriefInput): Resolved {
  if (input.refusal) {
    throw new ArchieError('REFUSED', `archie does not design this system. ${input.refusal.value} ("${input.refusal.quote}")`, {
      hint: 'archie refuses systems built for mass surveillance of people. A system that processes personal data with consent, minimisation and a lawful purpose is fine: describe that instead.',
    });
  }
  const text = input.text.trim();
  let archetype: Archetype;
  let matched: string[] = [];
  let archetypeProvenance: Provenance;
  const warnings: string[] = [];
  if (input.archetype) {
    const a = archetypeById(input.archetype.value);
    if (!a) {
      throw new ArchieError('INVALID', `unknown archetype "${input.archetype.value}"`, {
        path: 'archetype',
        hint: 'remove the field to let archie detect it, or use one of the ids listed by `archie design --list-archetypes`',
      });
    }
    archetype = a;
    archetypeProvenance = stated(input.archetype);
  } else {
    const m = detectArchetype(text);
    archetype = m.archetype;
    matched = m.matched;
    archetypeProvenance =
      m.score > 0
        ? derived(['briefText'], `keywords matched: ${m.matched.map((k) => `"${k}"`).join(', ')}`)
        : assumed('no known kind of system was recognised in the brief');
    if (m.score === 0) {
      warnings.push(
        'The brief did not match any known kind of system, so archie designed a generic resource API. Name the product (e.g. "chat", "e-commerce store", "URL shortener") or set `archetype` in a YAML brief for a design with its own entities and access patterns.',
      );
    }
  }
  const ctx: Ctx = { archetype, assumptions: [], openQuestions: [], warnings };
  const d = archetype.defaults;
  const isDevices = archetype.id === 'iot-telemetry';

  // ---------------------------------------------------------------- sanity on stated numbers
  for (const [k, v] of Object.entries(input) as Array<[string, unknown]>) {
    const s = v as Stated<unknown> | undefined;
    if (s && typeof s === 'object' && 'value' in s && typeof s.value === 'number') {
      if (!Number.isFinite(s.value) || s.value < 0) absurd(`"${s.quote}" gives ${k} = ${s.value}, which is not a valid amount`, 'use a positive number');
    }
  }
  const cap = (s: Stated<number> | undefined, max: number, what: string) => {
    if (s && s.value > max) absurd(`"${s.quote}" is ${compact(s.value)} ${what}, beyond any real system (limit ${compact(max)})`, 'check the number and its unit (k = thousand, M = million, B = billion)');
  };
  cap(input.dau, 8e9, 'daily users');
  cap(input.mau, 8e9, 'monthly users');
  cap(input.concurrentUsers, 8e9, 'concurrent users');
  cap(input.avgRps, 1e8, 'requests per second');
  cap(input.peakRps, 1e9, 'requests per second');
  cap(input.writesPerSecond, 1e8, 'writes per second');
  cap(input.teamSize, 100_000, 'engineers');
  cap(input.recordBytes, 1e9, 'bytes per record');
  cap(input.blobBytes, 5e12, 'bytes per object');
  cap(input.retentionDays, 36_500, 'days of retention');
  cap(input.peakFactor, 1000, 'x peak factor');
  if (input.dau?.value === 0 || input.mau?.value === 0) absurd('the brief states zero users', 'give the number of daily or monthly active users');
  if (input.teamSize?.value === 0) absurd('the brief states a team of zero', 'give the number of engineers who will build and run it');
  if (input.availability && input.availability.value >= 1) {
    contradiction(`"${input.availability.quote}" asks for 100% availability, which no system achieves`, 'state a target such as 99.9% or 99.99% and archie will size for it');
  }
  if (input.peakFactor && input.peakFactor.value < 1) contradiction(`"${input.peakFactor.quote}" makes the peak lower than the average`, 'a peak factor is at least 1 (peak ÷ average)');
  if (input.dau && input.mau && input.mau.value < input.dau.value) {
    contradiction(`monthly users ("${input.mau.quote}") are fewer than daily users ("${input.dau.quote}")`, 'every daily user is also a monthly user: check which number is which');
  }
  if (input.concurrentUsers && input.mau && input.concurrentUsers.value > input.mau.value) {
    contradiction(`concurrent users ("${input.concurrentUsers.quote}") exceed monthly users ("${input.mau.quote}")`, 'people online at the same moment are a subset of the month\'s users');
  }
  if (input.concurrentUsers && input.dau && input.concurrentUsers.value > input.dau.value) {
    contradiction(`concurrent users ("${input.concurrentUsers.quote}") exceed daily users ("${input.dau.quote}")`, 'people online at the same moment are a subset of the day\'s users');
  }
  if (input.avgRps && input.peakRps && input.peakRps.value < input.avgRps.value) {
    contradiction(`the peak rate ("${input.peakRps.quote}") is below the average rate ("${input.avgRps.quote}")`, 'check which number is the peak');
  }
  const lat = [input.p50Ms, input.p95Ms, input.p99Ms];
  for (let i = 0; i < lat.length - 1; i++) {
    const a = lat[i];
    for (const b of lat.slice(i + 1)) {
      if (a && b && a.value > b.value) contradiction(`latency targets are out of order: "${a.quote}" is above "${b.quote}"`, 'a lower percentile cannot be slower than a higher one');
    }
  }

  // ---------------------------------------------------------------- users and load
  let ratio: Quantity = input.readWriteRatio
    ? qty(input.readWriteRatio.value, 'reads per write', stated(input.readWriteRatio))
    : input.readsPerSecond && input.writesPerSecond && input.writesPerSecond.value > 0
      ? qty(input.readsPerSecond.value / input.writesPerSecond.value, 'reads per write', derived(['readsPerSecond', 'writesPerSecond'], 'reads/s ÷ writes/s'))
      : qty(d.readWriteRatio, 'reads per write', assume(ctx, 'scale.readWriteRatio', 'Read:write ratio', `${formatNumber(d.readWriteRatio)}:1`,
        `typical for ${archetype.name.toLowerCase()}`, 'YAML traffic.readWriteRatio, or write "read:write 10:1" in the brief'));

  // Average total request rate, if the brief pins it down directly.
  let avgRpsStated: Quantity | undefined;
  if (input.avgRps) avgRpsStated = qty(input.avgRps.value, 'req/s', stated(input.avgRps));
  else if (input.writesPerSecond && input.readsPerSecond) {
    avgRpsStated = qty(input.writesPerSecond.value + input.readsPerSecond.value, 'req/s', derived(['writesPerSecond', 'readsPerSecond'], 'writes/s + reads/s'));
  } else if (input.writesPerSecond) {
    avgRpsStated = qty(input.writesPerSecond.value * (1 + ratio.value), 'req/s', derived(['writesPerSecond', 'scale.readWriteRatio'], 'writes/s × (1 + reads per write)'));
  } else if (input.readsPerSecond) {
    avgRpsStated = qty(input.readsPerSecond.value * (1 + 1 / ratio.value), 'req/s', derived(['readsPerSecond', 'scale.readWriteRatio'], 'reads/s × (1 + writes per read)'));
  }

  let peakFactor: Quantity;
  if (input.peakFactor) peakFactor = qty(input.peakFactor.value, '× average', stated(input.peakFactor));
  else if (input.peakRps && avgRpsStated) {
    peakFactor = qty(input.peakRps.value / avgRpsStated.value, '× average', derived(['peakRps', 'avgRps'], 'peak req/s ÷ average req/s'));
  } else {
    peakFactor = qty(d.peakFactor, '× average', assume(ctx, 'scale.peakFactor', 'Peak factor', `${formatNumber(d.peakFactor)}× the daily average`,
      `daily traffic curves of ${archetype.name.toLowerCase()} systems peak at about this multiple of the 24-hour average`, 'YAML traffic.peakFactor, or "5x at peak" in the brief'));
  }
  if (!avgRpsStated && input.peakRps) {
    avgRpsStated = qty(input.peakRps.value / peakFactor.value, 'req/s', derived(['peakRps', 'scale.peakFactor'], 'peak req/s ÷ peak factor'));
  }

  // ---------------------------------------------------------------- operations (the workload model)
  const facts = input.workload ?? { actors: [], operations: [], sizes: [] };
  const dauGuess = input.dau
    ? { value: input.dau.value, how: 'stated' }
    : input.mau
      ? { value: Math.round(input.mau.value * d.dauOverMau), how: `monthly users × ${d.dauOverMau}, assumed` }
      : { value: d.dau, how: 'assumed: the brief gives no user count' };
  const concurrentGuess = input.concurrentUsers
    ? { value: input.concurrentUsers.value, how: 'stated' }
    : facts.onlineShare
      ? { value: Math.round(dauGuess.value * facts.onlineShare.value), how: `${compact(dauGuess.value)} daily × ${formatPercent(facts.onlineShare.value, 0)} online ("${facts.onlineShare.quote}")` }
      : { value: Math.round(dauGuess.value * d.concurrencyRatio), how: `daily users × ${d.concurrencyRatio}, the share online at once for the kind of system, assumed` };
  const rates = operationRates(facts, { dau: dauGuess, concurrent: concurrentGuess }, peakFactor.value);
  // A total rate and the operations it is made of must agree: 500 writes/s do not fit in 100 req/s.
  if (input.avgRps && rates.writes + rates.reads > input.avgRps.value * 1.01) {
    const parts = rates.operations.filter((o) => o.provenance.kind === 'stated').map((o) => `"${(o.provenance as { quote: string }).quote}"`);
    contradiction(`the operations the brief names (${parts.join(', ')}) add up to ${formatNumber(rates.writes + rates.reads, 1)}/s, more than the total "${input.avgRps.quote}"`, 'check which number is the total, and whether one of them is a peak');
  }
  // Machines and devices writing on their own are read back in aggregates (dashboards, alerts), not
  // once per write: the kind of system's read:write ratio does not apply to them.
  const deviceWrites = rates.writes > 0 && rates.reads === 0 && !input.readWriteRatio && rates.operations.every((o) => o.kind === 'write' && rates.actors.find((a) => a.id === o.actor)?.nature === 'devices');
  if (deviceWrites && ratio.value > 0.1) {
    ratio = qty(0.1, 'reads per write', assume(ctx, 'scale.readWriteRatio', 'Read:write ratio', '1:10',
      'the writes come from machines and devices, read back in aggregates (dashboards, alerts) rather than one read per write', 'YAML traffic.readWriteRatio, or "dashboards run 2,000 queries per minute"'));
  }
  if (rates.operations.length > 0 && !input.avgRps && !input.peakRps) {
    const names = rates.operations.map((o) => o.name);
    if (rates.writes > 0 && rates.reads > 0 && !input.readWriteRatio) {
      ratio = qty(rates.reads / rates.writes, 'reads per write', derived(['workload.operations'], 'Σ read operations/s ÷ Σ write operations/s'));
    }
    const total = rates.writes > 0 && rates.reads > 0 ? rates.writes + rates.reads : rates.writes > 0 ? rates.writes * (1 + ratio.value) : rates.reads * (1 + 1 / ratio.value);
    const how =
      rates.writes > 0 && rates.reads > 0
        ? `Σ of the operations (${names.join(', ')})`
        : rates.writes > 0
          ? `Σ write operations (${names.join(', ')}) × (1 + ${formatNumber(ratio.value)} reads per write)`
          : `Σ read operations (${names.join(', ')}) × (1 + 1 ÷ ${formatNumber(ratio.value)} reads per write)`;
    avgRpsStated = qty(total, 'req/s', derived(['workload.operations', ...(rates.writes > 0 && rates.reads > 0 ? [] : ['scale.readWriteRatio'])], how));
  }

  let dau: Quantity;
  let mau: Quantity;
  let rpud: Quantity;
  const rpudDefault = () =>
    qty(d.requestsPerUserPerDay, 'req/user/day', assume(ctx, 'scale.requestsPerUserPerDay', 'Requests per active user per day', formatNumber(d.requestsPerUserPerDay),
      `typical API calls a daily user of ${archetype.name.toLowerCase()} makes`, 'YAML users.requestsPerUserPerDay, or "each user makes 50 requests a day"'));
  if (input.dau) dau = qty(input.dau.value, isDevices ? 'devices' : 'users', stated(input.dau));
  else if (input.mau) dau = qty(Math.round(input.mau.value * d.dauOverMau), 'users', derived(['scale.mau'], `monthly users × ${d.dauOverMau} (typical daily/monthly ratio, assumed)`));
  else dau = qty(NaN, 'users', assumed('pending'));

  if (input.requestsPerUserPerDay) rpud = qty(input.requestsPerUserPerDay.value, 'req/user/day', stated(input.requestsPerUserPerDay));
  else if (avgRpsStated && Number.isFinite(dau.value)) {
    rpud = qty((avgRpsStated.value * S_PER_DAY) / dau.value, 'req/user/day', derived(['scale.avgRps', 'scale.dau'], 'average req/s × 86,400 ÷ daily users'));
  } else rpud = rpudDefault();

  if (!Number.isFinite(dau.value)) {
    if (avgRpsStated) {
      dau = qty(Math.max(1, Math.round((avgRpsStated.value * S_PER_DAY) / rpud.value)), 'users', derived(['scale.avgRps', 'scale.requestsPerUserPerDay'], 'average req/s × 86,400 ÷ requests per user per day'));
    } else {
      dau = qty(d.dau, isDevices ? 'devices' : 'users', assume(ctx, 'scale.dau', 'Daily active users', compact(d.dau),
        'the brief gives no user count or traffic; this is a modest launch size for the kind of system', 'YAML users.daily, or "200k daily users" in the brief'));
      ctx.openQuestions.push({
        question: 'How many daily active users (or requests per second) should the system carry at launch, and in a year?',
        why: 'Every capacity figure, the instance counts and the cost scale with it.',
        assumed: `${compact(d.dau)} daily active users`,
      });
    }
  }
  if (input.mau) mau = qty(input.mau.value, 'users', stated(input.mau));
  else mau = qty(Math.round(dau.value / d.dauOverMau), 'users', derived(['scale.dau'], `daily users ÷ ${d.dauOverMau} (typical daily/monthly ratio for the kind of system)`));

  const perUserLimit = isDevices ? MAX_REQUESTS_PER_DEVICE_DAY : MAX_REQUESTS_PER_USER_DAY;
  // A rate summed from operations already names who performs each; the check is for a stated total against stated users.
  if (rpud.value > perUserLimit && rates.operations.length === 0) {
    const who = input.dau ? `"${input.dau.quote}"` : input.mau ? `"${input.mau.quote}"` : `${compact(dau.value)} users`;
    const rate = input.avgRps?.quote ?? input.peakRps?.quote ?? input.writesPerSecond?.quote ?? input.requestsPerUserPerDay?.quote ?? `${formatNumber(rpud.value)} requests per user per day`;
    contradiction(
      `${who} and "${rate}" cannot both hold: that is ${formatNumber(rpud.value / S_PER_DAY, 1)} requests per second from every user, all day`,
      'check the units (per second vs per day, k vs M) or state which number is right',
    );
  }

  const avgRps: Quantity = avgRpsStated ?? qty((dau.value * rpud.value) / S_PER_DAY, 'req/s', derived(['scale.dau', 'scale.requestsPerUserPerDay'], 'daily users × requests per user per day ÷ 86,400 s'));

  const concurrent: Quantity = input.concurrentUsers
    ? qty(input.concurrentUsers.value, 'users', stated(input.concurrentUsers))
    : facts.onlineShare
      ? qty(Math.max(1, Math.round(dau.value * facts.onlineShare.value)), 'users', derived(['scale.dau'], `daily users × ${formatPercent(facts.onlineShare.value, 0)} online at once ("${facts.onlineShare.quote}")`))
      : qty(Math.max(1, Math.round(dau.value * d.concurrencyRatio)), 'users', derived(['scale.dau'], `daily users × ${d.concurrencyRatio} (share online at the busiest moment, typical for the kind of system)`));

  const bytesQ = (s: Stated<number> | undefined, def: number, field: string, label: string, reason: string, override: string): Quantity =>
    s ? qty(s.value, 'bytes', stated(s)) : qty(def, 'bytes', assume(ctx, field, label, formatBytes(def), reason, override));
  const recordBytes = bytesQ(input.recordBytes, d.recordBytes, 'scale.recordBytes', 'Stored size of one written record', 'typical row size for the main entity including its text fields', 'YAML data.recordSize, or "each message is about 1 KB"');
  const requestBytes = bytesQ(input.requestBytes, d.requestBytes, 'scale.requestBytes', 'Average write request size', 'JSON body of a typical write', 'YAML data.requestSize');
  const responseBytes = bytesQ(input.responseBytes, d.responseBytes, 'scale.responseBytes', 'Average read response size', 'a typical page of results or one resource as JSON', 'YAML data.responseSize');
  const blobBytes = archetype.traits.blobs || input.blobBytes
    ? bytesQ(input.blobBytes, d.blobBytes, 'scale.blobBytes', 'Average uploaded object size', 'typical media/file size for the kind of system', 'YAML data.blobSize, or "images of 2 MB"')
    : qty(0, 'bytes', assumed('the kind of system stores no binary objects'));
  const blobsPerUserPerDay = input.blobsPerUserPerDay
    ? qty(input.blobsPerUserPerDay.value, 'objects/user/day', stated(input.blobsPerUserPerDay))
    : input.dataBytesPerDay && blobBytes.value > 0 && dau.value > 0
      // "We expect to add 100 PB of data per year": the uploads that volume makes, at the object size.
      ? qty(input.dataBytesPerDay.value / blobBytes.value / dau.value, 'objects/user/day', derived(['scale.blobBytes', 'scale.dau'], `"${input.dataBytesPerDay.quote}" = ${formatBytes(input.dataBytesPerDay.value)} a day ÷ object size ÷ daily users`))
    : blobBytes.value > 0
      ? qty(d.blobsPerUserPerDay || 0.1, 'objects/user/day', assume(ctx, 'scale.blobsPerUserPerDay', 'Uploads per daily user per day', formatNumber(d.blobsPerUserPerDay || 0.1), 'typical upload frequency for the kind of system', 'YAML data.blobsPerUserPerDay'))
      : qty(0, 'objects/user/day', assumed('the kind of system stores no binary objects'));
  const retentionDays = input.retentionDays
    ? qty(input.retentionDays.value, 'days', stated(input.retentionDays))
    : qty(d.retentionDays, 'days', assume(ctx, 'scale.retentionDays', 'Data retention', `${formatNumber(d.retentionDays / 365, 1)} years`,
      'a common retention for this kind of data; the storage plan grows until it is reached', 'YAML data.retention, or "keep data for 3 years"'));
  if (!input.retentionDays && archetype.traits.personalData) {
    ctx.openQuestions.push({
      question: 'How long must personal data be kept, and when must it be deleted?',
      why: 'Retention drives storage size and is a legal obligation under data-protection law (storage limitation).',
      assumed: `${formatNumber(d.retentionDays / 365, 1)} years, then deletion`,
    });
  }
  const initialDataBytes = input.initialDataBytes
    ? qty(input.initialDataBytes.value, 'bytes', stated(input.initialDataBytes))
    : qty(0, 'bytes', assumed(input.existingSystem ? 'the brief does not say how much data the existing system holds' : 'a new system starts empty'));
  if (input.existingSystem && !input.initialDataBytes) {
    ctx.openQuestions.push({
      question: 'How much data does the existing system hold, in GB, and how fast does it grow?',
      why: 'Migration time, backfill duration and first-year storage depend on it.',
      assumed: 'no existing data counted in storage figures',
    });
  }

  // Horizons: the ones the brief states, and the retention period when it is longer than a year
  // (storage reaches its steady state there: "keep everything for 5 years", "a 10-year lifetime").
  const retentionMonthsStated = input.retentionDays ? Math.round(input.retentionDays.value / 30.4167) : 0;
  const horizonSet = new Set(input.horizonsMonths.map((h) => h.value));
  if (retentionMonthsStated > 12 && retentionMonthsStated <= 120) horizonSet.add(retentionMonthsStated);
  const longestHorizon = Math.max(12, ...horizonSet);
  const statesLoad = Boolean(input.avgRps || input.peakRps || input.dau || input.mau || facts.operations.length);
  // A compound default over many years would dominate every figure of a brief that states today's volume.
  const growthDefault = statesLoad && longestHorizon > 12 ? 0 : d.growthPerMonth;
  const growth: Quantity = input.growthPerMonth
    ? qty(input.growthPerMonth.value, 'per month', stated(input.growthPerMonth))
    : qty(growthDefault, 'per month', assume(ctx, 'growthPerMonth', 'Growth of users and traffic', growthDefault === 0 ? 'none: the stated volume is held flat' : `${formatPercent(d.growthPerMonth, 1)} per month (compound)`,
      growthDefault === 0
        ? `the brief states its volume and sizes ${formatNumber(longestHorizon / 12, 1)} years ahead without a growth rate; compounding a guessed rate over that long would outweigh every stated number`
        : 'moderate growth for a product after launch',
      'YAML growth.perMonth or growth.doublingMonths, or "30% a year", "doubling every 6 months" in the brief'));

  // ---------------------------------------------------------------- quality targets
  let p99 = input.p99Ms ? qty(input.p99Ms.value, 'ms', stated(input.p99Ms)) : undefined;
  let p95 = input.p95Ms ? qty(input.p95Ms.value, 'ms', stated(input.p95Ms)) : undefined;
  const p50In = input.p50Ms ? qty(input.p50Ms.value, 'ms', stated(input.p50Ms)) : undefined;
  if (input.latencyUnlabelledMs && !p95) {
    p95 = qty(input.latencyUnlabelledMs.value, 'ms', stated(input.latencyUnlabelledMs));
    ctx.openQuestions.push({
      question: `Which percentile does "${input.latencyUnlabelledMs.quote}" refer to?`,
      why: 'A p50 target and a p99 target of the same number lead to very different designs.',
      assumed: `p95 < ${formatNumber(input.latencyUnlabelledMs.value)} ms`,
    });
  }
  const sloDefault = (ms: number, field: string, label: string) =>
    qty(ms, 'ms', assume(ctx, field, label, `${ms} ms`, 'archie\'s default SLO (p50 < 50 ms, p95 < 100 ms, p99 < 200 ms)', `YAML ${field.replace('Ms', '')}, or "${field.slice(8, 11)} < ${ms * 1.5} ms" in the brief`));
  if (!p99) {
    const floor = Math.max(p95?.value ?? 0, p50In?.value ?? 0);
    p99 = floor > 200 ? qty(floor * 2, 'ms', derived([p95 ? 'latency.p95Ms' : 'latency.p50Ms'], 'twice the stated lower-percentile target')) : sloDefault(200, 'latency.p99Ms', 'Latency p99');
  }
  if (!p95) {
    p95 = p99.value < 100 || (p50In && p50In.value > 100)
      ? qty(Math.max(p50In?.value ?? 0, Math.round(p99.value / 2)), 'ms', derived(['latency.p99Ms'], 'half the p99 target, to keep the percentiles ordered'))
      : sloDefault(100, 'latency.p95Ms', 'Latency p95');
  }
  const p50 = p50In ?? (p95.value < 50 ? qty(Math.round(p95.value / 2), 'ms', derived(['latency.p95Ms'], 'half the p95 target')) : sloDefault(50, 'latency.p50Ms', 'Latency p50'));
  if (p50.value > p95.value || p95.value > p99.value) {
    contradiction(`latency targets are out of order: p50 ${p50.value} ms, p95 ${p95.value} ms, p99 ${p99.value} ms`, 'state all three percentiles, lowest first');
  }

  const availability = input.availability
    ? qty(input.availability.value, 'fraction', stated(input.availability))
    : qty(d.availability, 'fraction', assume(ctx, 'availability', 'Availability target', formatPercent(d.availability),
      `usual target for ${archetype.name.toLowerCase()}`, 'YAML availability, or "99.95% uptime" in the brief'));
  const errorRate = input.errorRate
    ? qty(input.errorRate.value, 'fraction', stated(input.errorRate))
    : qty(0.001, 'fraction', assume(ctx, 'errorRate', 'Error-rate objective', '0.1% of requests', 'archie\'s default SLO', 'YAML errorRate'));

  // ---------------------------------------------------------------- team, money, time
  const teamSize = input.teamSize
    ? qty(input.teamSize.value, 'engineers', stated(input.teamSize))
    : qty(5, 'engineers', assume(ctx, 'team.size', 'Team size', '5 engineers', 'a typical product team', 'YAML team.size, or "team of 8" in the brief'));
  if (!input.teamSize) {
    ctx.openQuestions.push({
      question: 'How many engineers will build and run the system, and do they have operations (Kubernetes, on-call) experience?',
      why: 'Team size and operational maturity decide between a monolith and services, and between managed and self-run infrastructure.',
      assumed: '5 engineers with moderate operations experience',
    });
  }
  const opsMaturity = input.opsMaturity
    ? { value: input.opsMaturity.value, provenance: stated(input.opsMaturity) }
    : {
      value: (teamSize.value >= 20 ? 'high' : teamSize.value >= 6 ? 'medium' : 'low') as 'low' | 'medium' | 'high',
      provenance: derived(['team.size'], 'teams of 20+ usually have platform/SRE people; 6–19 some operations experience; smaller teams little time for it'),
    };
  const budget = input.budgetUsdPerMonth ? qty(input.budgetUsdPerMonth.value, 'USD/month', stated(input.budgetUsdPerMonth)) : null;
  if (!budget) {
    ctx.openQuestions.push({
      question: 'What monthly infrastructure budget is available?',
      why: 'Above $1,000/month the estimate needs a human decision; a tight budget changes managed-vs-self-run choices.',
      assumed: 'no budget constraint; the cost estimate is reported for approval',
    });
  }
  const timeline = input.timelineWeeks ? qty(input.timelineWeeks.value, 'weeks', stated(input.timelineWeeks)) : null;

  // ---------------------------------------------------------------- compliance, place, cloud
  const regulations: Requirements['regulations'] = [];
  const seen = new Set<Regulation>();
  for (const r of input.regulations) {
    if (!seen.has(r.value)) {
      seen.add(r.value);
      regulations.push({ value: r.value, provenance: stated(r) });
    }
  }
  const regions = input.regions?.value ?? [];
  const personalData = input.personalData
    ? { value: input.personalData.value, provenance: stated(input.personalData) }
    : regulations.some((r) => r.value === 'GDPR' || r.value === 'HIPAA' || r.value === 'CCPA')
      ? { value: true, provenance: derived(['regulations'], 'the stated regulation governs personal data') }
      : { value: archetype.traits.personalData, provenance: assumed(archetype.traits.personalData ? `a ${archetype.name.toLowerCase()} system stores data about its users` : 'the kind of system stores no data about people') };
  if (personalData.value && regions.includes('eu') && !seen.has('GDPR')) {
    seen.add('GDPR');
    regulations.push({ value: 'GDPR', provenance: derived(['geography.regions', 'personalData'], 'personal data of people in the EU falls under the GDPR') });
  }
  if (personalData.value && regions.length === 0 && !seen.has('GDPR')) {
    ctx.openQuestions.push({
      question: 'Where are the users, and where must their data stay?',
      why: 'EU users bring the GDPR (residency, erasure, processor agreements); several continents bring multi-region latency questions.',
      assumed: 'one region, no residency constraint',
    });
  }
  const multiRegion = input.multiRegion?.value ?? false;
  const geography: Requirements['geography'] = {
    regions: regions.length > 0 ? regions : ['single region'],
    multiRegion,
    provenance: input.regions || input.multiRegion
      ? { kind: 'stated', quote: [input.regions?.quote, input.multiRegion?.quote].filter(Boolean).join('; ') }
      : assume(ctx, 'geography', 'Geography', 'one region, three availability zones', 'the brief names no regions; one region with zone redundancy is the simplest setup that meets most targets', 'YAML regions/multiRegion, or "users in the EU and US" in the brief'),
  };
  const cloud: Requirements['cloud'] = input.cloud
    ? { value: input.cloud.value, provenance: stated(input.cloud) }
    : { value: 'aws', provenance: assume(ctx, 'cloud', 'Cloud provider', 'AWS', 'the most widely used provider, and the one archie\'s price table lists; the design maps to GCP and Azure equivalents', 'YAML cloud: gcp|azure|aws, or "on GCP" in the brief') };

  const existingSystem = input.existingSystem ? { description: input.existingSystem.value, provenance: stated(input.existingSystem) } : null;

  // ---------------------------------------------------------------- functional requirements
  const functional: FunctionalRequirement[] = [];
  let n = 1;
  for (const f of input.functional) {
    functional.push({ id: `FR-${n++}`, text: f.value, type: 'functional', priority: f.priority, provenance: { kind: 'stated', quote: f.quote } });
  }
  for (const f of archetype.functional) {
    if (functional.some((x) => x.text.toLowerCase() === f.text.toLowerCase())) continue;
    functional.push({ id: `FR-${n++}`, text: f.text, type: 'functional', priority: f.priority, provenance: assumed(`a core capability of ${archetype.name.toLowerCase()} systems`) });
  }

  const horizonsMonths = [...horizonSet].sort((a, b) => a - b);

  const title = input.title ?? titleFrom(text, archetype);
  const requirements: Requirements = {
    title,
    briefText: text,
    archetype: { id: archetype.id, name: archetype.name, matched, provenance: archetypeProvenance },
    scale: {
      dau,
      mau,
      concurrentUsers: concurrent,
      requestsPerUserPerDay: rpud,
      avgRps,
      peakFactor,
      readWriteRatio: ratio,
      recordBytes,
      responseBytes,
      requestBytes,
      blobsPerUserPerDay,
      blobBytes,
      retentionDays,
      initialDataBytes,
    },
    growthPerMonth: growth,
    latency: { p50Ms: p50, p95Ms: p95, p99Ms: p99 },
    availability,
    errorRate,
    team: { size: teamSize, opsMaturity },
    budgetUsdPerMonth: budget,
    timelineWeeks: timeline,
    regulations,
    geography,
    cloud,
    existingSystem,
    horizonsMonths,
    personalData,
    functional,
    workload: workloadModel(withAssumedOperations(rates, ratio.value, avgRps, dau.value, rpud.value, archetype), peakFactor.value, unreadClauses(text, statedQuotes(input))),
  };
  return { requirements, archetype, assumptions: ctx.assumptions, openQuestions: ctx.openQuestions, warnings: ctx.warnings };
}

/** Every quote the readers kept: what of the brief was used. */
function statedQuotes(input: BriefInput): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.quote === 'string') out.push(o.quote);
      for (const [k, x] of Object.entries(o)) if (k !== 'text') visit(x);
    }
  };
  visit({ ...input, text: undefined });
  return out;
}

function titleFrom(text: string, archetype: Archetype): string {
  const firstSentence = text.split(/(?<=[.!?])\s|\n/)[0]?.trim() ?? '';
  const cleaned = firstSentence.replace(/^(?:please\s+)?(?:design|build|create|architect|we need|i need|we want|make)\s+(?:me\s+)?(?:an?\s+|the\s+)?/i, '').replace(/[.!?]$/, '');
  if (cleaned.length >= 8 && cleaned.length <= 90) return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  return archetype.name;
}
