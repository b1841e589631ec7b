import type { Actor, Inventory, Operation, Workload } from '../model/workload.js';
import type { Provenance } from '../model/requirements.js';
import { compact, formatNumber } from './units.js';
import type { StatedActor, StatedOperation, WorkloadFacts } from './workload.js';

/**
 * Operations with rates: the facts the reader found, turned into average operations per second,
 * each with the formula an architect would write by hand ("150M daily users × 0.5 tweets a day ÷
 * 86,400 s = 868/s"). Populations come from the brief where it names them; where an operation
 * needs a population the brief does not give, the caller's assumed one is used and said so.
 */

const S_PER_DAY = 86_400;

export interface Populations {
  /** Daily active people (stated, derived from monthly, or assumed). */
  dau: { value: number; how: string };
  /** People online at the same moment. */
  concurrent: { value: number; how: string };
}

export interface OperationRates {
  operations: Omit<Operation, 'peakPerSecond'>[];
  actors: Actor[];
  /** Counts that are not rates: metric series, minutes of use a day. */
  inventory: Inventory[];
  /** Seconds a day the load is spread over (86,400, or the trading window). */
  activeSeconds: number;
  /** Sum of the operations that write / read, per second on average. */
  writes: number;
  reads: number;
  /** Database rows written per second on average (writes × rows each). */
  rowsWritten: number;
  /** Operations the brief states at their peak ("sustain 1M transfers per second"). */
  statedAtPeak: Set<string>;
  notes: string[];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(\d)/, 'op-$1') || 'op';
const stated = (quote: string): Provenance => ({ kind: 'stated', quote });

/** One actor per name and kind, the first mention winning (the brief's order). */
function actorsOf(facts: WorkloadFacts): Actor[] {
  const seen = new Set<string>();
  const out: Actor[] = [];
  for (const a of [...facts.actors].sort((x, y) => x.at - y.at)) {
    const key = `${a.name}/${a.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: slug(`${a.kind}-${a.name}`), name: a.name, count: a.count, kind: a.kind, nature: a.nature, provenance: stated(a.quote) });
  }
  return out;
}

/** The count to multiply a per-actor rate by, and how it was chosen. */
function populationFor(op: StatedOperation, facts: WorkloadFacts, pops: Populations): { count: number; label: string; actor: StatedActor | null } {
  const named = op.actor ? facts.actors.filter((a) => a.name === op.actor) : [];
  const pick = (list: StatedActor[]) => list.find((a) => a.kind === 'daily') ?? list.find((a) => a.kind === 'registered') ?? list.find((a) => a.kind === 'monthly') ?? list.find((a) => a.kind === 'concurrent');
  const own = pick(named);
  if (own) return { count: own.count, label: `${compact(own.count)} ${own.kind === 'registered' ? '' : `${own.kind} `}${own.name}s`, actor: own };
  // "each client", "each player" with the population named as users: the main population.
  const nearest = facts.actors.filter((a) => a.at <= op.at && a.nature !== 'organisations').sort((a, b) => b.at - a.at);
  const near = pick(nearest.filter((a) => a.kind !== 'concurrent')) ?? nearest[0];
  if (near) return { count: near.count, label: `${compact(near.count)} ${near.kind === 'registered' ? '' : `${near.kind} `}${near.name}s`, actor: near };
  return { count: pops.dau.value, label: `${compact(pops.dau.value)} daily users`, actor: null };
}

export function operationRates(facts: WorkloadFacts, pops: Populations, peakFactor: number): OperationRates {
  const actors = actorsOf(facts);
  const activeSeconds = facts.activeWindow?.seconds ?? S_PER_DAY;
  const windowNote = facts.activeWindow ? ` over the ${formatNumber(activeSeconds / 3600, 1)}-hour window ("${facts.activeWindow.quote}")` : '';
  const ops: Omit<Operation, 'peakPerSecond'>[] = [];
  const statedAtPeak = new Set<string>();
  const ids = new Set<string>();
  const notes: string[] = [];
  const idFor = (name: string) => {
    let id = slug(name);
    for (let i = 2; ids.has(id); i++) id = `${slug(name)}-${i}`;
    ids.add(id);
    return id;
  };
  const actorId = (a: StatedActor | null) => (a ? (actors.find((x) => x.name === a.name && x.kind === a.kind)?.id ?? null) : null);
  const legs = facts.legs?.value ?? 1;

  for (const op of [...facts.operations].sort((a, b) => a.at - b.at)) {
    let avg: number;
    let formula: string;
    let actor: string | null = null;
    if (op.rate.basis === 'absolute') {
      const r = op.rate;
      // "1 billion orders a day" on a market open 6.5 hours: the day's orders arrive in the window.
      const perDayStated = r.period === S_PER_DAY && activeSeconds < S_PER_DAY;
      const perPeriod = r.perSecond * r.period;
      avg = perDayStated ? perPeriod / activeSeconds : r.perSecond;
      formula = r.period === 1
        ? `${formatNumber(r.perSecond)}/s as stated`
        : `${compact(perPeriod)} per ${periodName(r.period)} ÷ ${formatNumber(perDayStated ? activeSeconds : r.period)} s${perDayStated ? windowNote : ''}`;
      // Stated at its peak ("must sustain …"): the average is the peak over the peak factor.
      if (r.peak) {
        avg /= peakFactor;
        formula = `${formula} at peak ÷ ${formatNumber(peakFactor, 1)} peak factor`;
      }
      if (r.peak) statedAtPeak.add(op.name);
    } else if (op.rate.basis === 'per-actor') {
      const pop = populationFor(op, facts, pops);
      actor = actorId(pop.actor);
      avg = (pop.count * op.rate.perDay) / activeSeconds;
      formula = `${pop.label}${pop.actor ? '' : ` (${pops.dau.how})`} × ${formatNumber(op.rate.perDay, 2)} per day ÷ ${formatNumber(activeSeconds)} s${windowNote}`;
    } else {
      const seconds = op.rate.seconds;
      const pop = populationFor(op, facts, pops);
      actor = actorId(pop.actor);
      const online = pop.actor ? facts.actors.find((a) => a.name === pop.actor!.name && a.kind === 'concurrent') : undefined;
      if (online && online !== pop.actor) {
        avg = online.count / seconds;
        formula = `${compact(online.count)} ${online.name}s online ÷ one every ${formatNumber(seconds)} s`;
      } else if (pop.actor?.nature === 'devices' || pop.actor?.kind === 'concurrent') {
        avg = pop.count / seconds;
        formula = `${pop.label} ÷ one every ${formatNumber(seconds)} s`;
      } else if (pop.actor && !facts.activity && pop.actor.name !== 'user') {
        // "20,000 couriers, each sending their location every 5 s": the named workforce is taken as online.
        avg = pop.count / seconds;
        formula = `${pop.label}, all taken as online (say how many are online at once to refine) ÷ one every ${formatNumber(seconds)} s`;
      } else if (facts.activity) {
        // Only while in use: "navigate 35 minutes a week", a request every 15 s of it.
        avg = (pop.count * facts.activity.secondsPerDay) / seconds / S_PER_DAY;
        formula = `${pop.label} × ${formatNumber(facts.activity.secondsPerDay / 60, 1)} active minutes a day ("${facts.activity.quote}") × 60 ÷ one every ${formatNumber(seconds)} s ÷ 86,400 s`;
      } else {
        avg = pops.concurrent.value / seconds;
        formula = `${compact(pops.concurrent.value)} online at once (${pops.concurrent.how}) ÷ one every ${formatNumber(seconds)} s`;
      }
    }
    if (!Number.isFinite(avg) || avg <= 0) continue;
    const fanout = op.fanout ?? (facts.fanout && op.kind === 'write' && ops.every((o) => o.fanout === null) ? fanoutOf(facts) : null);
    // A size said of this operation's thing ("pages average 500 KB" for "download html page").
    const head = op.name.split(' ').at(-1)!;
    const size = (facts.sizes ?? []).find((z) => z.noun === head || op.name.endsWith(` ${z.noun}`));
    ops.push({
      id: idFor(op.name),
      name: op.name,
      kind: op.kind,
      actor,
      averagePerSecond: avg,
      formula,
      rowsWritten: op.kind === 'write' ? (op.rows ?? legs) : 0,
      payloadBytes: op.kind === 'write' ? (op.payloadBytes ?? size?.bytes ?? null) : null,
      fanout,
      provenance: stated(op.quote),
    });
  }
  // Reads stated as a ratio to the main write: "10 reads per write".
  const main = [...ops].filter((o) => o.kind === 'write').sort((a, b) => b.averagePerSecond - a.averagePerSecond)[0];
  if (facts.readsPerWrite && main && !ops.some((o) => o.kind === 'read')) {
    ops.push({
      id: idFor(`read ${main.name.replace(/^(?:create|post|send|add|upload|submit|place|write) /, '')}`),
      name: `read ${main.name.replace(/^(?:create|post|send|add|upload|submit|place|write) /, '')}`,
      kind: 'read',
      actor: main.actor,
      averagePerSecond: main.averagePerSecond * facts.readsPerWrite.value,
      formula: `${formatNumber(main.averagePerSecond, 1)}/s ${main.name} × ${formatNumber(facts.readsPerWrite.value)} reads per write`,
      rowsWritten: 0,
      payloadBytes: null,
      fanout: null,
      provenance: { kind: 'derived', from: [`workload.operations.${main.id}`], how: `"${facts.readsPerWrite.quote}"` },
    });
  }
  // Writes stated as a share of a read: "1 booking for every 500 searches".
  const wpr = facts.writesPerRead;
  const read = wpr ? [...ops].filter((o) => o.kind === 'read').sort((a, b) => b.averagePerSecond - a.averagePerSecond)[0] : undefined;
  if (wpr && read && !ops.some((o) => o.kind === 'write')) {
    ops.push({
      id: idFor(wpr.write),
      name: wpr.write,
      kind: 'write',
      actor: read.actor,
      averagePerSecond: read.averagePerSecond * wpr.value,
      formula: `${formatNumber(read.averagePerSecond, 1)}/s ${read.name} × ${formatNumber(wpr.value, 4)} ${wpr.write}s per ${wpr.read}`,
      rowsWritten: legs,
      payloadBytes: null,
      fanout: null,
      provenance: { kind: 'derived', from: [`workload.operations.${read.id}`], how: `"${wpr.quote}"` },
    });
  }
  // Series and time of use: counts an architect computes before any rate.
  const inventory: Inventory[] = [];
  const items = facts.perActorItems;
  const owners = items ? facts.actors.filter((a) => a.name === items.actor) : [];
  const owner = owners.sort((a, b) => b.count - a.count)[0];
  if (items && owner) {
    const noun = items.noun === 'metrics' || items.noun === 'series' || items.noun === 'time series' ? 'metric series' : items.noun;
    inventory.push({ id: slug(noun), name: noun.charAt(0).toUpperCase() + noun.slice(1), count: owner.count * items.count, unit: /series/.test(noun) ? 'series' : 'count', formula: `${compact(owner.count)} ${owner.name}s × ${formatNumber(items.count)} ${items.noun} each`, provenance: { kind: 'derived', from: ['workload.actors'], how: `"${owner.quote}", "${items.quote}"` } });
    // A report per interval carries every one of them: "every machine reports its metrics every 10 s".
    for (const o of ops) if (o.actor === actorId(owner) && o.kind === 'write' && o.rowsWritten === legs && /report|metric|sample|reading|measurement|scrape|push/.test(o.name)) o.rowsWritten = items.count;
    // Series with no stated interval are still collected: at the common 10-second scrape interval,
    // assumed and said so; the DAU of the company the machines serve is not this system's load.
    if (/series/.test(noun) && !ops.some((o) => o.actor === actorId(owner) && o.kind === 'write')) {
      const every = 10;
      ops.push({
        id: idFor('ingest metric samples'), name: 'ingest metric samples', kind: 'write', actor: actorId(owner),
        averagePerSecond: (owner.count * items.count) / every,
        formula: `${compact(owner.count * items.count)} series (${compact(owner.count)} ${owner.name}s × ${formatNumber(items.count)} ${items.noun}) ÷ one sample every ${every} s`,
        rowsWritten: 1, payloadBytes: null, fanout: null,
        provenance: { kind: 'assumed', reason: `the brief gives no collection interval; ${every} s is a common scrape interval (say "scraped every 15 seconds" to refine)` },
      });
    }
  }
  if (facts.activity) {
    const dauPeople = facts.actors.filter((a) => a.nature === 'people' && a.kind === 'daily').sort((a, b) => b.count - a.count)[0];
    const count = dauPeople?.count ?? pops.dau.value;
    inventory.push({ id: 'active-minutes-per-day', name: 'Minutes of use a day (all users)', count: (count * facts.activity.secondsPerDay) / 60, unit: 'minutes/day', formula: `${compact(count)} daily users × ${formatNumber(facts.activity.secondsPerDay / 60, 1)} minutes a day ("${facts.activity.quote}")`, provenance: { kind: 'derived', from: ['workload.actors'], how: `"${facts.activity.quote}"` } });
  }
  const writes = ops.filter((o) => o.kind === 'write').reduce((t, o) => t + o.averagePerSecond, 0);
  const reads = ops.filter((o) => o.kind === 'read').reduce((t, o) => t + o.averagePerSecond, 0);
  const rowsWritten = ops.reduce((t, o) => t + o.averagePerSecond * o.rowsWritten, 0);
  return { operations: ops, actors, inventory, activeSeconds, writes, reads, rowsWritten, statedAtPeak, notes };
}

/** Recipients of one event: the stated degree, times the share online when the brief gives it. */
function fanoutOf(facts: WorkloadFacts): number {
  const f = facts.fanout!;
  return facts.onlineShare ? f.degree * facts.onlineShare.value : f.degree;
}

function periodName(seconds: number): string {
  return seconds === 1 ? 'second' : seconds === 60 ? 'minute' : seconds === 3_600 ? 'hour' : seconds === 86_400 ? 'day' : seconds === 604_800 ? 'week' : seconds === 2_592_000 ? 'month' : seconds === 31_536_000 ? 'year' : `${formatNumber(seconds)} s`;
}

/** The model as design.json shows it, once the peak factor is known. */
export function workloadModel(rates: OperationRates, peakFactor: number, unread: string[]): Workload {
  return {
    actors: rates.actors,
    inventory: rates.inventory,
    operations: rates.operations.map((o) => ({
      ...o,
      peakPerSecond: o.averagePerSecond * peakFactor,
    })),
    activeSecondsPerDay: rates.activeSeconds === S_PER_DAY ? null : rates.activeSeconds,
    unread,
  };
}

/**
 * The model always shows what the load was sized from. With no operation stated, the archetype's
 * requests per user are split into writes and reads by the read:write ratio; with only writes (or
 * only reads) stated, the other side comes from the ratio. Each such operation says it was assumed.
 */
export function withAssumedOperations(rates: OperationRates, readsPerWrite: number, avgRpsQ: { value: number; provenance: Provenance }, dau: number, rpud: number, archetype: { name: string }): OperationRates {
  const avgRps = avgRpsQ.value;
  const ops = [...rates.operations];
  const writeShare = 1 / (1 + readsPerWrite);
  const assumed = (reason: string): Provenance => ({ kind: 'assumed', reason });
  if (ops.length === 0) {
    const p = avgRpsQ.provenance;
    // From the stated total when there is one ("100k requests/minute"), else from the users.
    const base = p.kind === 'stated' ? `${formatNumber(avgRps, 1)} req/s ("${p.quote}")` : p.kind === 'derived' && p.from.includes('peakRps') ? `${formatNumber(avgRps, 1)} req/s (${p.how})` : `${compact(dau)} daily users × ${formatNumber(rpud, 1)} requests a day ÷ 86,400 s`;
    ops.push(
      { id: 'api-writes', name: 'API writes', kind: 'write', actor: null, averagePerSecond: avgRps * writeShare, formula: `${base} ÷ (1 + ${formatNumber(readsPerWrite)} reads per write)`, rowsWritten: 1, payloadBytes: null, fanout: null, provenance: assumed(`the brief names no operation; typical requests of a ${archetype.name.toLowerCase()} user, split by the read:write ratio`) },
      { id: 'api-reads', name: 'API reads', kind: 'read', actor: null, averagePerSecond: avgRps * (1 - writeShare), formula: `${base} × ${formatNumber(readsPerWrite)} ÷ (1 + ${formatNumber(readsPerWrite)})`, rowsWritten: 0, payloadBytes: null, fanout: null, provenance: assumed(`the brief names no operation; typical requests of a ${archetype.name.toLowerCase()} user, split by the read:write ratio`) },
    );
  } else if (rates.reads === 0 && rates.writes > 0) {
    ops.push({ id: 'reads', name: 'reads', kind: 'read', actor: null, averagePerSecond: rates.writes * readsPerWrite, formula: `${formatNumber(rates.writes, 1)} writes/s × ${formatNumber(readsPerWrite)} reads per write`, rowsWritten: 0, payloadBytes: null, fanout: null, provenance: assumed(`the brief states no reads; ${formatNumber(readsPerWrite)} reads per write is typical for ${archetype.name.toLowerCase()}`) });
  } else if (rates.writes === 0 && rates.reads > 0) {
    ops.push({ id: 'writes', name: 'writes', kind: 'write', actor: null, averagePerSecond: rates.reads / readsPerWrite, formula: `${formatNumber(rates.reads, 1)} reads/s ÷ ${formatNumber(readsPerWrite)} reads per write`, rowsWritten: 1, payloadBytes: null, fanout: null, provenance: assumed(`the brief states no writes; ${formatNumber(readsPerWrite)} reads per write is typical for ${archetype.name.toLowerCase()}`) });
  }
  return { ...rates, operations: ops };
}

/**
 * Clauses of the brief holding a number that no reader used, so a person can check what archie
 * did not understand ("1,000 server pools of 100 machines each"). A number counts as used when a
 * quote of a stated fact contains it within the same clause.
 */
export function unreadClauses(text: string, quotes: readonly string[]): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const used = quotes.map(norm).filter((q) => q.length > 0);
  const out: string[] = [];
  for (const clause of text.split(/(?<=[.;!?])\s+|\n+|,\s+(?=\D)/)) {
    const c = norm(clause);
    if (!/\d/.test(c)) continue;
    const numbers = c.match(/\d[\d,.]*(?:\s?(?:k|m|b|bn|million|billion|thousand|%|ms|kb|mb|gb|tb|pb|x))?/g) ?? [];
    const unused = numbers.filter((n) => !used.some((q) => q.includes(n.trim()) && (c.includes(q) || q.includes(c) || overlaps(c, q))));
    if (unused.length > 0 && out.length < 20) out.push(clause.trim().replace(/\s+/g, ' ').replace(/[.;,]$/, ''));
  }
  return out;
}

function overlaps(clause: string, quote: string): boolean {
  // The quote shares a run of at least 12 characters with the clause (quotes are trimmed spans of it).
  for (let i = 0; i + 12 <= quote.length; i += 6) if (clause.includes(quote.slice(i, i + 12))) return true;
  return false;
}
