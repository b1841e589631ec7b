import type { Cloud, Regulation } from '../model/requirements.js';
import { emptyInput, type BriefInput, type Stated } from './input.js';
import { readWorkload, type StatedActor, type WorkloadFacts } from './workload.js';
import { judgePurpose } from './purpose.js';
import {
  BYTE_UNIT_SRC,
  NUMBER_SRC,
  PERIOD_SRC,
  WORD_NUMBER_SRC,
  parseAvailability,
  parseBytes,
  parseDurationDays,
  parseMoney,
  parseNumber,
  periodSeconds,
} from './units.js';

/**
 * Free text → BriefInput. Each extractor looks for one kind of statement, keeps the exact words it
 * matched as the quote, and never guesses: what it does not find stays undefined and is filled
 * from the archetype later, as a listed assumption.
 */

const NUM = `(${NUMBER_SRC})`;
const NUM_OR_WORD = `(${NUMBER_SRC}|${WORD_NUMBER_SRC})`;

function stated<T>(value: T, quote: string): Stated<T> {
  return { value, quote: quote.trim().replace(/\s+/g, ' ') };
}

/**
 * Compiled patterns, by source: the extractors build big patterns and compiling them dominates a
 * run. The `u` flag is set because V8 compiles case-insensitive patterns markedly faster with it.
 */
const COMPILED = new Map<string, RegExp>();
function compile(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = COMPILED.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    COMPILED.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

function* matches(text: string, source: string): Generator<RegExpExecArray> {
  const re = compile(source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

function first(text: string, source: string): RegExpExecArray | null {
  return compile(source, 'i').exec(text);
}

/** The few words before a match, lower-cased, to read its context. */
function before(text: string, m: RegExpExecArray, chars = 30): string {
  return text.slice(Math.max(0, m.index - chars), m.index).toLowerCase();
}
function after(text: string, m: RegExpExecArray, chars = 40): string {
  return text.slice(m.index + m[0].length, m.index + m[0].length + chars).toLowerCase();
}

// ------------------------------------------------------------------ users

/** The user counts the planner's scale fields need, from the actors the workload reader found. */
function usersFromActors(facts: WorkloadFacts, out: BriefInput): void {
  const people = facts.actors.filter((a) => a.nature === 'people');
  const devices = facts.actors.filter((a) => a.nature === 'devices');
  const first = (list: StatedActor[], kind: StatedActor['kind']) => list.find((a) => a.kind === kind);
  const daily = first(people, 'daily');
  // The main population: the one with a daily count, else the first named; monthly and concurrent counts of that same population.
  const main = daily?.name ?? people[0]?.name;
  const same = people.filter((a) => a.name === main);
  const monthly = first(same, 'monthly') ?? (daily ? undefined : first(people, 'monthly'));
  const concurrent = first(same, 'concurrent') ?? first(people, 'concurrent');
  const registered = first(same, 'registered');
  if (daily) out.dau = stated(daily.count, daily.quote);
  if (monthly) out.mau = stated(monthly.count, monthly.quote);
  // "1M users" usually means the user base, not daily actives.
  else if (registered && (!daily || registered.count >= daily.count)) out.mau = stated(registered.count, registered.quote);
  if (concurrent) out.concurrentUsers = stated(concurrent.count, concurrent.quote);
  // Connected things report every day: count them as the daily actives when no people are counted.
  if (!out.dau && !out.mau && devices[0]) out.dau = stated(devices[0].count, devices[0].quote);
}

// ------------------------------------------------------------------ rates

const WRITE_NOUNS = /^(messages?|msgs?|events?|writes?|orders?|transactions?|txns?|payments?|bookings?|reservations?|posts?|uploads?|notifications?|rides?|trips?|measurements?|readings?|data ?points?|datapoints?|metrics?|pastes?|urls?|links?|scores?|updates?|inserts?|signups?|tweets?|comments?|likes?|pings?|location updates?|logs?|log lines?|documents?)$/;
const READ_NOUNS = /^(reads?|views?|page ?views?|redirects?|clicks?|searches?|lookups?|plays?|streams?|downloads?|queries|query|impressions?|visits?)$/;
const RATE_NOUNS = String.raw`(?:requests?|reqs?|calls?|api calls?|hits?|operations?|ops|messages?|msgs?|events?|writes?|reads?|orders?|transactions?|txns?|payments?|bookings?|reservations?|posts?|uploads?|notifications?|rides?|trips?|measurements?|readings?|data ?points?|datapoints?|metrics?|pastes?|urls?|links?|scores?|updates?|inserts?|signups?|tweets?|comments?|likes?|pings?|location updates?|log lines?|logs?|documents?|views?|page ?views?|redirects?|clicks?|searches?|lookups?|plays?|streams?|downloads?|queries|query|impressions?|visits?)`;

type RateKind = 'total' | 'write' | 'read';

/** A rate said to be the peak: "peak of 5k rps", "5k rps at peak". */
function isPeak(text: string, m: RegExpExecArray): boolean {
  return /peak|spike|burst|max(?:imum)?|busiest/.test(before(text, m, 24)) || /^\s*(?:at|during|in|on)\s+(?:the\s+)?(?:peak|busiest|spike)/.test(after(text, m, 24));
}

function classifyRate(noun: string | undefined, abbrev: string | undefined): RateKind {
  if (abbrev) {
    const a = abbrev.toLowerCase();
    if (a.startsWith('w')) return 'write';
    if (a.startsWith('t')) return 'write';
    return 'total';
  }
  const n = (noun ?? 'requests').toLowerCase().trim();
  if (WRITE_NOUNS.test(n)) return 'write';
  if (READ_NOUNS.test(n)) return 'read';
  return 'total';
}

function extractRates(text: string, out: BriefInput): void {
  const rates: Array<{ perSecond: number; kind: RateKind; peak: boolean; quote: string }> = [];
  // A word before the period needs a space after it: "2 and" is not "2 a d(ay)".
  const long = String.raw`\b${NUM}\s*(${RATE_NOUNS})?\s*(?:\/\s*|(?:per|a|an|each|every)\s+)(${PERIOD_SRC})\b`;
  for (const m of matches(text, long)) {
    const n = parseNumber(m[1]!);
    const secs = periodSeconds(m[3]!);
    if (n === null || secs === null) continue;
    // "$5,000 per month" is money, not a rate; "the free tier allows 100 requests per day" is a limit, not the load.
    if (/(?:\$|€|£|usd|eur)\s?$/i.test(before(text, m, 5))) continue;
    if (/\b(?:allow(?:s|ed)?|limit(?:ed)?(?:\s+(?:to|of))?|quota(?:\s+of)?|no more than|not more than|at most|capped at|cap of|max(?:imum)?(?:\s+of)?|throttl\w*|free tier\w*)\s*(?:\w+\s+){0,2}$/i.test(before(text, m, 40))) continue;
    // "5 years" etc. are durations, not rates: a rate needs a noun or a slash/per.
    if (!m[2] && !/\/|per|a|an|each|every/i.test(m[0])) continue;
    // A bare "N per day" after a user count is requests per user ("20 requests per user per day").
    const tail = after(text, m, 16);
    if (/^\s*(?:per|a|each)\s+(?:user|device|driver|member|customer)/.test(tail)) continue;
    if (/per\s+(?:user|device|driver|member|customer)\s*$/.test(before(text, m, 20))) continue;
    // "short links: 2 million a day", "writes: 1k/s": a count without its noun that the workload reader
    // took as an operation (its noun is before the count) is not the whole system's load.
    if (!m[2] && out.workload?.operations.some((o) => o.quote.includes(m[0].trim()))) continue;
    rates.push({ perSecond: n / secs, kind: classifyRate(m[2], undefined), peak: isPeak(text, m), quote: m[0] });
  }
  for (const m of matches(text, String.raw`\b${NUM}\s*(rps|qps|tps|wps|req\/s|requests\/s|writes\/s|reads\/s|ops\/s|msg\/s|messages\/s|events\/s)\b`)) {
    const n = parseNumber(m[1]!);
    if (n === null) continue;
    const unit = m[2]!.toLowerCase();
    let kind: RateKind = 'total';
    if (/^(wps|writes|msg|messages|events|tps)/.test(unit)) kind = 'write';
    else if (/^reads/.test(unit)) kind = 'read';
    rates.push({ perSecond: n, kind, peak: isPeak(text, m), quote: m[0] });
  }
  for (const r of rates) {
    if (r.kind === 'total') {
      if (r.peak) out.peakRps ??= stated(r.perSecond, r.quote);
      else out.avgRps ??= stated(r.perSecond, r.quote);
    } else if (r.kind === 'write') {
      // A peak write rate alone does not give the average; it is kept only when no average is stated.
      out.writesPerSecond ??= r.peak ? undefined : stated(r.perSecond, r.quote);
    } else if (!r.peak) {
      out.readsPerSecond ??= stated(r.perSecond, r.quote);
    }
  }
  // Per-user request rates: "each user sends 40 messages a day", "20 requests per user per day".
  const perUser = first(
    text,
    String.raw`\b${NUM}\s*(${RATE_NOUNS})?\s*(?:per|a|each)\s+(?:user|device|driver|member|customer)\s*(?:per|a|each|\/)\s*(${PERIOD_SRC})\b`,
  ) ?? first(
    text,
    String.raw`\b(?:each|every|per|a)\s+(?:user|device|driver|member|customer)\s+(?:\w+\s+){0,2}?${NUM}\s*(${RATE_NOUNS})?\s*(?:\/|per|a|an|each|every)\s*(${PERIOD_SRC})\b`,
  );
  if (perUser) {
    const n = parseNumber(perUser[1]!);
    const secs = periodSeconds(perUser[3]!);
    if (n !== null && secs !== null) out.requestsPerUserPerDay ??= stated((n * 86_400) / secs, perUser[0]);
  }
  // Devices reporting on an interval: "reporting every 10 seconds".
  const every = first(text, String.raw`\b(?:every|each)\s+${NUM_OR_WORD}?\s*(${PERIOD_SRC})\b`);
  if (every && /report|send|ping|emit|publish|upload|update|measure|read|sample/.test(before(text, every, 40))) {
    const n = every[1] ? parseNumber(every[1]) : 1;
    const secs = periodSeconds(every[2]!);
    if (n !== null && n > 0 && secs !== null) out.requestsPerUserPerDay ??= stated(86_400 / (n * secs), every[0]);
  }
}

// ------------------------------------------------------------------ peak, ratio, sizes

function extractPeak(text: string, out: BriefInput): void {
  const word = first(text, String.raw`\bpeak\w*\s+(?:\w+\s+){0,3}?(?:is|are|of|at|runs?|reach(?:es)?|about|around)?\s*(twice|double|thrice|triple)\s+(?:the\s+)?(?:average|normal|mean|usual|baseline)`)
    ?? first(text, String.raw`\b(twice|double|thrice|triple)\s+(?:the\s+)?(?:average|normal|usual)\s+(?:\w+\s+)?at\s+(?:the\s+)?peak`);
  if (word) {
    out.peakFactor = stated(/twice|double/i.test(word[1]!) ? 2 : 3, word[0]);
    return;
  }
  const m =
    first(text, String.raw`\b${NUM}\s*(?:x|×|times)\s*(?:(?:the\s+)?(?:average|normal|baseline|usual)\s*)?(?:traffic\s*|load\s*)?(?:at|during|in|on)?\s*(?:the\s+)?(?:peaks?|spikes?|bursts?|busiest)`) ??
    first(text, String.raw`\b(?:peaks?|spikes?|bursts?)\s*(?:traffic|load)?\s*(?:of|at|to|up to|reach(?:es|ing)?|is|are|around|about|~)?\s*${NUM}\s*(?:x|×|times)\b`);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n !== null) out.peakFactor = stated(n, m[0]);
  }
}

function extractRatio(text: string, out: BriefInput): void {
  const m =
    first(text, String.raw`\b${NUM}\s*:\s*${NUM}\s*(?:read(?:s)?\s*(?:[:/-]|to)\s*writes?|r\s*:\s*w|read\/write|reads? to writes?)`) ??
    first(text, String.raw`\bread(?:s)?\s*(?:[:/-]|to)\s*writes?\s*(?:ratio)?\s*(?:of|is|=|:|around|about)?\s*${NUM}\s*:\s*${NUM}`);
  if (m) {
    const r = parseNumber(m[1]!);
    const w = parseNumber(m[2]!);
    if (r !== null && w !== null && w > 0) out.readWriteRatio = stated(r / w, m[0]);
    return;
  }
  const times = first(text, String.raw`\b${NUM}\s*(?:x|×|times)\s+(?:more\s+)?reads?\s+than\s+writes?`);
  if (times) {
    const n = parseNumber(times[1]!);
    if (n !== null) out.readWriteRatio = stated(n, times[0]);
    return;
  }
  // A stated number of reads per write ("50 reads for every write", "5 reads per paste") beats "read-heavy".
  if (out.workload?.readsPerWrite) {
    out.readWriteRatio = stated(out.workload.readsPerWrite.value, out.workload.readsPerWrite.quote);
    return;
  }
  const heavy = first(text, String.raw`\b(read|write)[- ]heavy\b`);
  if (heavy) out.readWriteRatio = stated(heavy[1]!.toLowerCase() === 'read' ? 20 : 0.5, heavy[0]);
}

function extractSizes(text: string, out: BriefInput): void {
  for (const m of matches(text, String.raw`\b${NUM}\s*(${BYTE_UNIT_SRC})\b`)) {
    const bytes = parseBytes(`${m[1]} ${m[2]}`);
    if (bytes === null) continue;
    const ctx = `${before(text, m, 50)} ${after(text, m, 40)}`;
    // "we add 100 PB of data per year", "2 TB of new files a month": a volume rate, not data already held.
    const volume = /^\s*(?:of\s+(?:new\s+)?(?:data|storage|objects?|files?|content|media|uploads?|logs?)\s+)?(?:(?:per|a|an|each|every)\s+|\/\s*)(day|week|month|year)\b/.exec(after(text, m, 40));
    if (volume && bytes >= 1e9) {
      out.dataBytesPerDay ??= stated(bytes / ({ day: 1, week: 7, month: 30, year: 365 }[volume[1] as 'day']), text.slice(m.index, m.index + m[0].length + volume[0].length).trim());
      continue;
    }
    if (/\b(per|a|an|each|\/)\s*(second|sec|s|minute|hour|day|month)\b/.test(after(text, m, 14))) continue; // a bandwidth, not a size
    if (/image|photo|picture|video|file|attachment|media|upload|blob|document|pdf|asset|avatar/.test(ctx) && bytes >= 10_000) {
      out.blobBytes ??= stated(bytes, m[0]);
    } else if (/response|page|payload returned|reply/.test(ctx)) {
      out.responseBytes ??= stated(bytes, m[0]);
    } else if (bytes >= 1e9 || /existing|already|today|currently|historical|dataset|database of|we have|migrat/.test(ctx)) {
      out.initialDataBytes ??= stated(bytes, m[0]);
    } else if (/request|payload|body/.test(ctx)) {
      out.requestBytes ??= stated(bytes, m[0]);
      out.recordBytes ??= stated(bytes, m[0]);
    } else {
      out.recordBytes ??= stated(bytes, m[0]);
    }
  }
}

// ------------------------------------------------------------------ time, quality, growth

function extractRetention(text: string, out: BriefInput): void {
  const m = first(
    text,
    String.raw`\b(?:keep|kept|retain(?:ed)?|retention(?:\s+(?:of|is|period))?|store[sd]?|archived?|hold|held|preserve[sd]?)\b[^.;\n]{0,40}?\b(?:for\s+)?${NUM_OR_WORD}\s*(days?|weeks?|months?|years?)\b`,
  );
  if (m) {
    const d = parseDurationDays(`${m[1]} ${m[2]}`);
    if (d !== null) out.retentionDays = stated(d, m[0]);
    return;
  }
  const life = first(text, String.raw`\b${NUM_OR_WORD}[- ](days?|weeks?|months?|years?)\s+(?:lifetime|retention|history|life)\b`);
  if (life) {
    const d = parseDurationDays(`${life[1]} ${life[2]}`);
    if (d !== null) out.retentionDays = stated(d, life[0]);
    return;
  }
  const forever = first(text, String.raw`\b(?:keep|retain|store)\w*\b[^.;\n]{0,30}\b(forever|indefinitely|permanently)\b`);
  if (forever) out.retentionDays = stated(3650, forever[0]);
}

function extractHorizon(text: string, out: BriefInput): void {
  for (const m of matches(text, String.raw`\b(?:over|in|within|for|across)\s+(?:the\s+)?(?:next\s+)?${NUM_OR_WORD}\s*(years?|months?)\b`)) {
    const ctx = before(text, m, 40);
    if (/keep|kept|retain|retention|store|archive|hold|held|launch|ship|mvp|deliver|deadline|build/.test(ctx)) continue;
    const n = parseNumber(m[1]!);
    if (n === null) continue;
    const months = Math.round(/year/i.test(m[2]!) ? n * 12 : n);
    if (months > 12 && months <= 120 && !out.horizonsMonths.some((h) => h.value === months)) out.horizonsMonths.push(stated(months, m[0]));
  }
}

function extractLatency(text: string, out: BriefInput): void {
  // "p99 < 1 s", "a p99 of 300 milliseconds", "p99 order-to-ack under 1 ms", "sub-50ms p99".
  const src = String.raw`\b(p50|p90|p95|p99|p99\.9|median|average|mean|95th percentile|99th percentile)?\s*(?:latency|response times?|responses?)?\s*(?:(?<=(?:p\d\d|p99\.9|percentile)\s*)(?:[a-z]+-[a-z-]+\s+|[a-z]+\s+(?=under|below|within|<))?)?(?:of\s+|is\s+|at\s+|target\s+)?(<=|≤|<|under|below|less than|within|sub-?|at most|max(?:imum)?(?:\s+of)?|(?<=(?:p\d\d|p99\.9|percentile)\s*(?:latency\s+)?(?:of|is|=|:)\s*))\s*${NUM}\s*(ms|milliseconds?|s|secs?|seconds?)\b`;
  for (const m of matches(text, src)) {
    const n = parseNumber(m[3]!);
    if (n === null) continue;
    const ms = /^s/i.test(m[4]!) ? n * 1000 : n;
    const ctx = `${before(text, m, 30)} ${m[0]}`.toLowerCase();
    if (!/p\d|median|average|mean|percentile|latenc|response|sub-?\d|\bms\b|millisecond/.test(ctx)) continue;
    const label = (m[1] ?? /(p50|p95|p99|median)\s*$/.exec(before(text, m, 12))?.[1] ?? /^\s*(?:at\s+|for\s+(?:the\s+)?)?(p50|p90|p95|p99(?:\.9)?|median)\b/.exec(after(text, m, 16))?.[1] ?? '').toLowerCase();
    if (label === 'p50' || label === 'median' || label === 'average' || label === 'mean') out.p50Ms ??= stated(ms, m[0]);
    else if (label === 'p95' || label === 'p90' || label.startsWith('95')) out.p95Ms ??= stated(ms, m[0]);
    else if (label.startsWith('p99') || label.startsWith('99')) out.p99Ms ??= stated(ms, m[0]);
    else out.latencyUnlabelledMs ??= stated(ms, m[0]);
  }
}

function extractAvailability(text: string, out: BriefInput): void {
  const nines = first(text, String.raw`\b(two|three and a half|three|four|five|six|[2-6])\s+nines\b`);
  if (nines) {
    const a = parseAvailability(`${nines[1]} nines`);
    if (a !== null) out.availability = stated(a, nines[0]);
    return;
  }
  for (const m of matches(text, String.raw`\b(9\d(?:\.\d+)?|100(?:\.0+)?)\s*%`)) {
    const ctx = `${before(text, m, 30)} ${after(text, m, 30)}`;
    if (!/uptime|availab|sla|slo|available|up\b/.test(ctx)) continue;
    // "99.9999% durability and 99.99% availability": a durability figure is not the availability target.
    if (/^\s*(?:data\s+)?durab/i.test(after(text, m, 20)) || /durab\w*\s*(?:of|:|=|target)?\s*$/i.test(before(text, m, 20))) continue;
    const a = parseAvailability(m[1]!);
    if (a !== null) {
      out.availability = stated(a, `${m[0]}${/^\s*(uptime|availability|sla)/i.exec(text.slice(m.index + m[0].length))?.[0] ?? ''}`);
      return;
    }
  }
}

function extractGrowth(text: string, out: BriefInput): void {
  const doubling = first(text, String.raw`\b(doubl|tripl|quadrupl)(?:e|es|ed|ing)\s+(?:every|each|a|per)\s+${NUM_OR_WORD}?\s*(months?|years?|weeks?)\b`);
  if (doubling) {
    const factor = { doubl: 2, tripl: 3, quadrupl: 4 }[doubling[1]!.toLowerCase() as 'doubl'];
    const n = doubling[2] ? parseNumber(doubling[2]) : 1;
    if (n !== null && n > 0) {
      const months = /year/i.test(doubling[3]!) ? n * 12 : /week/i.test(doubling[3]!) ? n / 4.345 : n;
      out.growthPerMonth = stated(factor ** (1 / months) - 1, doubling[0]);
      return;
    }
  }
  const pct =
    first(text, String.raw`\b${NUM}\s*%\s*(?:growth\s*)?(?:(?:per|a|each|every)\b|\/|month[- ]over[- ]month|mom\b|year[- ]over[- ]year|yoy\b)\s*(month|year|mo|yr)?`) ??
    first(text, String.raw`\b${NUM}\s*%\s*(yearly|annual|annually|monthly|year-on-year|month-on-month)\s*(?:user\s+|traffic\s+)?(?:growth|increase)`) ??
    first(text, String.raw`\bgrow(?:s|ing|th)?\s+(?:of\s+|by\s+|at\s+)?(?:about\s+|around\s+)?${NUM}\s*%\s*(?:a|per|each|every)?\s*(year|month|yr|mo)`);
  if (pct && /grow|growth|increase|mom|yoy|over/.test(`${before(text, pct, 30)} ${pct[0]}`.toLowerCase())) {
    const p = parseNumber(pct[1]!);
    if (p !== null) {
      const yearly = /year|yr|yoy|annual/i.test(pct[0]);
      out.growthPerMonth = stated(yearly ? (1 + p / 100) ** (1 / 12) - 1 : p / 100, pct[0]);
      return;
    }
  }
  const mult =
    first(text, String.raw`\b(?:grow(?:s|ing)?|growth|scale|reach)\w*\s+(?:by\s+|to\s+)?${NUM}\s*(?:x|×|times)\s*(?:in|within|over|per|each|every|a)\s*(?:the\s+next\s+|one\s+|a\s+)?${NUM_OR_WORD}?\s*(years?|months?)\b`) ??
    first(text, String.raw`\b${NUM}\s*(?:x|×)\s+(?:growth\s+|more\s+(?:users|traffic)\s+)?(?:in|within|over)\s+(?:the\s+next\s+)?${NUM_OR_WORD}?\s*(years?|months?)\b`);
  if (mult) {
    const f = parseNumber(mult[1]!);
    const n = mult[2] ? parseNumber(mult[2]) : 1;
    if (f !== null && n !== null && f > 0 && n > 0) {
      const months = /year/i.test(mult[3]!) ? n * 12 : n;
      out.growthPerMonth = stated(f ** (1 / months) - 1, mult[0]);
    }
  }
}

// ------------------------------------------------------------------ people, money, time

function extractTeam(text: string, out: BriefInput): void {
  const solo = first(text, String.raw`\b(?:solo|single|one-person|lone)\s+(?:developer|dev|engineer|founder)\b`);
  if (solo) {
    out.teamSize = stated(1, solo[0]);
  } else {
    const m =
      first(text, String.raw`\bteam\s+(?:of|is|size\s*(?:of|is|:)?)\s*${NUM_OR_WORD}\b`) ??
      first(text, String.raw`\b${NUM_OR_WORD}\s*(?:-person\s+team|person\s+team|(?:backend\s+|software\s+|full[- ]stack\s+)?(?:engineers|developers|devs|people|programmers))\b`);
    if (m) {
      const n = parseNumber(m[1]!);
      if (n !== null) out.teamSize = stated(n, m[0]);
    }
  }
  const low = first(text, String.raw`\b(no (?:dedicated )?(?:ops|devops|sre|infrastructure) (?:team|people|engineers?|experience)|no ops|limited ops|little ops|small ops|no kubernetes experience)\b`);
  const high = first(text, String.raw`\b((?:sre|platform|devops|infrastructure) team|(?:strong|mature|experienced) (?:ops|devops|sre)|kubernetes experience|run(?:ning)? kubernetes)\b`);
  if (low) out.opsMaturity = stated('low', low[0]);
  else if (high) out.opsMaturity = stated('high', high[0]);
}

function extractBudget(text: string, out: BriefInput): void {
  const money = String.raw`((?:us\$|\$|€|£|usd\s?|eur\s?)\s?${NUMBER_SRC}|${NUMBER_SRC}\s?(?:usd|eur|dollars|euros))`;
  const m =
    first(text, String.raw`${money}\s*(?:\/|per|a|each)\s*(month|mo|year|yr|annum)\b`) ??
    first(text, String.raw`\b(?:budget|spend|cost|costs)\b[^.;\n]{0,30}?${money}(?:\s*(?:\/|per|a|each)\s*(month|mo|year|yr|annum))?`);
  if (!m) return;
  const amount = parseMoney(m[1]!);
  if (amount === null) return;
  const yearly = m[2] !== undefined && /y|annum/i.test(m[2]);
  out.budgetUsdPerMonth = stated(yearly ? amount / 12 : amount, m[0]);
}

function extractTimeline(text: string, out: BriefInput): void {
  const m = first(
    text,
    String.raw`\b(?:launch|ship|deliver|go[- ]live|release|mvp|deadline|ready|live|build it|timeline)\w*\b[^.;\n]{0,30}?\b(?:in|within|by|of)?\s*${NUM_OR_WORD}\s*(weeks?|months?)\b`,
  ) ?? first(text, String.raw`\b${NUM_OR_WORD}[- ](weeks?|months?)\s+(?:deadline|timeline|runway)\b`);
  if (!m) return;
  const n = parseNumber(m[1]!);
  if (n === null) return;
  out.timelineWeeks = stated(/month/i.test(m[2]!) ? Math.round(n * 4.345) : n, m[0]);
}

// ------------------------------------------------------------------ compliance, place, cloud, history

const REGULATION_PATTERNS: Array<[Regulation, string]> = [
  ['GDPR', String.raw`\bGDPR\b|general data protection regulation`],
  ['HIPAA', String.raw`\bHIPAA\b`],
  ['PCI-DSS', String.raw`\bPCI(?:[- ]?DSS)?\b`],
  ['SOC 2', String.raw`\bSOC\s?-?2\b`],
  ['CCPA', String.raw`\bCCPA\b`],
];

function extractCompliance(text: string, out: BriefInput): void {
  for (const [reg, src] of REGULATION_PATTERNS) {
    const m = first(text, src);
    if (m) out.regulations.push(stated(reg, m[0]));
  }
  const pd = first(text, String.raw`\b(personal data|personally identifiable|PII|patient|patients|medical records?|health records?|card ?holder data|credit card numbers?)\b`);
  if (pd) out.personalData = stated(true, pd[0]);
}

function extractGeography(text: string, out: BriefInput): void {
  const regions: string[] = [];
  const quotes: string[] = [];
  const add = (region: string, q: string) => {
    if (!regions.includes(region)) {
      regions.push(region);
      quotes.push(q);
    }
  };
  for (const m of matches(text, String.raw`\b([a-z]{2}-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)\b`)) add(m[1]!.toLowerCase(), m[0]);
  for (const m of matches(text, String.raw`\b(EU|Europe|European|EEA)\b`)) add('eu', m[0]);
  for (const m of matches(text, String.raw`\b(US|USA|United States|North America|American)\b`)) {
    if (m[0] === 'us' || m[0] === 'Us') continue; // the pronoun
    add('us', m[0]);
  }
  for (const m of matches(text, String.raw`\b(APAC|Asia|Asia-Pacific|Australia|Japan|India|Singapore)\b`)) add('apac', m[0]);
  for (const m of matches(text, String.raw`\b(LATAM|Latin America|South America|Brazil)\b`)) add('latam', m[0]);
  if (regions.length > 0) out.regions = stated(regions, quotes.join(', '));
  const multi = first(text, String.raw`\b(multi[- ]region|multiple regions|active[- ]active|several regions|global(?:ly)?|worldwide|world-wide|across (?:the )?(?:world|continents))\b`);
  if (multi) out.multiRegion = stated(true, multi[0]);
  else if (regions.length > 1) out.multiRegion = stated(true, quotes.join(', '));
  const single = first(text, String.raw`\b(single[- ]region|one region)\b`);
  if (single) out.multiRegion = stated(false, single[0]);
}

function extractCloud(text: string, out: BriefInput): void {
  const clouds: Array<[Cloud, string]> = [
    ['aws', String.raw`\b(AWS|Amazon Web Services|Amazon cloud)\b`],
    ['gcp', String.raw`\b(GCP|Google Cloud(?: Platform)?)\b`],
    ['azure', String.raw`\b(Azure|Microsoft cloud)\b`],
  ];
  for (const [cloud, src] of clouds) {
    const m = first(text, src);
    if (m) {
      out.cloud = stated(cloud, m[0]);
      return;
    }
  }
  const agnostic = first(text, String.raw`\b(cloud[- ]agnostic|multi[- ]cloud|any cloud|on[- ]prem(?:ise|ises)?)\b`);
  if (agnostic) out.cloud = stated('any', agnostic[0]);
}

function extractExisting(text: string, out: BriefInput): void {
  const m =
    first(text, String.raw`\b(?:migrat\w*|mov\w*|port\w*|transition\w*)\s+(?:away\s+)?from\s+(?:our\s+|an?\s+|the\s+)?([^.;,\n]{3,80})`) ??
    first(text, String.raw`\b((?:existing|current|legacy|old)\s+[^.;,\n]{0,40}?(?:monolith|system|application|app|platform|stack|codebase|service|backend)[^.;,\n]{0,40})`) ??
    first(text, String.raw`\b(?:replac\w+|rewrit\w+|break(?:ing)? up|decompos\w+)\s+(?:our\s+|the\s+|an?\s+)?((?:existing\s+|legacy\s+)?[^.;,\n]{0,40}?monolith[^.;,\n]{0,40})`) ??
    first(text, String.raw`\b(?:we|currently)\s+(?:have|run|running|use)\s+(?:an?\s+|our\s+)?((?:[\w.+-]+\s+){0,3}monolith[^.;,\n]{0,40})`) ??
    first(text, String.raw`\b(?:currently|today|right now|at the moment)\s*,?\s+(?:it\s+is\s+|it's\s+|we(?:'re| are)\s+(?:on\s+)?|on\s+|running\s+)?(?:an?\s+|one\s+)?((?:[\w.+-]+\s+){0,3}(?:monolith|app|application|system|stack|backend|server|database|postgres(?:ql)?|mysql)\b[^.;,\n]{0,40})`);
  if (m) out.existingSystem = stated(m[1]!.trim(), m[0]);
}

// ------------------------------------------------------------------ functional statements, refusal

function extractFunctional(text: string, out: BriefInput): void {
  const sentences = text.split(/(?<=[.!?;])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  for (const s of sentences) {
    const m = /^(?:[-*•]\s*)?(?:(?:the\s+)?(?:users?|customers?|admins?|drivers?|riders?|players?|the system|it|we)\s+)?(must|needs? to|should|can|could|will|may|want to|wants to)\s+(?:be able to\s+)?(.{8,200})$/i.exec(s);
    if (!m) continue;
    if (/\d/.test(m[2]!) && /(users|rps|requests|ms|%|\$)/i.test(m[2]!)) continue; // a number, not a feature
    const modal = m[1]!.toLowerCase();
    const priority = /must|need/.test(modal) ? 'must' : /should|will|want/.test(modal) ? 'should' : 'could';
    out.functional.push({ ...stated(s.replace(/^[-*•]\s*/, '').replace(/[.;]$/, ''), s), priority });
  }
}

function extractRefusal(text: string, out: BriefInput): void {
  const j = judgePurpose(text);
  if (j) out.refusal = stated(`The brief describes a system for watching people: ${j.reason}.`, j.quote);
}

/**
 * Each extractor with a cheap guard: its patterns are only compiled and run when the text has a
 * word it could match. Compiling the large patterns is most of an extraction's cost.
 */
const EXTRACTORS: Array<[guard: RegExp | null, run: (text: string, out: BriefInput) => void]> = [
  [null, extractRefusal],
  [/\d/, extractRates],
  [/peak|spike|burst|twice|double|thrice|triple/i, extractPeak],
  [/read|write/i, extractRatio],
  [/\d\s*(?:[kmgtp]i?b|bytes?|kilo|mega|giga|tera|peta)/i, extractSizes],
  [/keep|kept|retain|retention|store|archiv|hold|held|preserv|lifetime|history|life\b/i, extractRetention],
  [/year|month/i, extractHorizon],
  [/ms\b|millisecond|second|latenc|response|\bp\d\d|\d\s*s\b/i, extractLatency],
  [/%|nines/i, extractAvailability],
  [/grow|doubl|tripl|quadrupl|%|\d\s*(?:x|×|times)/i, extractGrowth],
  [/team|engineer|developer|devs|people|programmer|solo|single|lone|ops|sre|platform|kubernetes/i, extractTeam],
  [/\$|€|£|usd|eur|dollar|euro|budget|spend|cost/i, extractBudget],
  [/launch|ship|deliver|live|release|mvp|deadline|ready|build|timeline|runway/i, extractTimeline],
  [/gdpr|general data|hipaa|pci|soc|ccpa|personal|pii|patient|medical|health|card/i, extractCompliance],
  [/\b(?:eu|europe|european|eea|us|usa|united states|america|american|apac|asia|australia|japan|india|singapore|latam|brazil|regions?|global\w*|worldwide|world|continents?|active)\b|-\d\b/i, extractGeography],
  [/aws|amazon|gcp|google|azure|microsoft|cloud|prem/i, extractCloud],
  [/migrat|mov|port|transition|existing|current|legacy|old|replac|rewrit|break|decompos|monolith|today|right now|at the moment/i, extractExisting],
  [/must|need|should|can|could|will|may|want/i, extractFunctional],
];

/** Extract every statement archie understands from free text. */
export function extractFromText(text: string): BriefInput {
  const out = emptyInput(text);
  out.workload = readWorkload(text);
  usersFromActors(out.workload, out);
  if (out.workload.dbNodeTps) out.limits.pgWritesPerPrimary = stated(out.workload.dbNodeTps.value, out.workload.dbNodeTps.quote);
  for (const [guard, run] of EXTRACTORS) {
    if (guard === null || guard.test(text)) run(text, out);
  }
  return out;
}
