import { compact, formatNumber, formatPercent } from '../../brief/units.js';
import type { Design, Trace } from '../../model/design.js';
import { byCodeUnit } from '../../util/compare.js';
import { lowerFirst } from '../decisions/_util.js';

/**
 * Requirements traceability: one row per requirement of the Requirements Analysis (functional and
 * non-functional) and per stated constraint (budget, timeline), with the places of the design that
 * meet it and a verdict. A target the design does not meet is said plainly, with what would meet it.
 */

const STOP = new Set(['and', 'the', 'for', 'are', 'its', 'any', 'all', 'per', 'not', 'can', 'own', 'get', 'new', 'one', 'two', 'has', 'was', 'but', 'out', 'off', 'via', 'who', 'how', 'why', 'use', 'that', 'with', 'from', 'into', 'their', 'them', 'they', 'this', 'when', 'every', 'each', 'even', 'never', 'only', 'must', 'should', 'could', 'will', 'have', 'what', 'which', 'where', 'while', 'than', 'then', 'also', 'after', 'before', 'about', 'other', 'both', 'either', 'over', 'under', 'once', 'like', 'more', 'less', 'most', 'very', 'just', 'same', 'unless', 'allows', 'optionally', 'quickly', 'reliably', 'real', 'time', 'happens', 'completely', 'against', 'newest', 'first', 'survives', 'system', 'users', 'user']);

/** Content words of a sentence, crudely stemmed so "messages" meets "message" and "payments" meets "payment". */
export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? []) {
    if (STOP.has(w)) continue;
    out.add(w.replace(/(?:ies)$/, 'y').replace(/(?:ses|xes)$/, (m) => m.slice(0, -2)).replace(/(?<!s)s$/, ''));
  }
  return out;
}

interface Candidate {
  ref: string;
  label: string;
  words: Set<string>;
  kind: 'entity' | 'endpoint' | 'channel' | 'decision' | 'component' | 'security';
}

function candidates(d: Design): Candidate2[] {
  const c = (kind: Candidate['kind'], ref: string, label: string, name: string, rest: string): Candidate2 => ({ kind, ref, label, name: words(name), words: words(`${name} ${rest}`) });
  return [
    ...d.entities.map((e) => c('entity', `entity:${e.name}`, `the ${e.name} entity (\`${e.table}\`)`, `${e.name.replace(/([a-z])([A-Z])/g, '$1 $2')} ${e.table.replace(/_/g, ' ')}`, e.description)),
    ...d.api.endpoints.map((e) => c('endpoint', `endpoint:${e.operationId}`, `${e.method} ${e.path}`, e.operationId.replace(/([A-Z])/g, ' $1'), `${e.purpose} ${e.path.replace(/[/{}-]/g, ' ')}`)),
    ...d.api.realtime.map((x) => c('channel', `channel:${x.name}`, `the ${x.name} channel`, x.name.replace(/[._-]/g, ' '), x.purpose)),
    ...d.decisions.map((x) => c('decision', `decision:${x.id}`, `the ${x.title.toLowerCase()} decision`, x.title, x.chosen)),
    ...d.components.filter((x) => x.kind !== 'client').map((x) => c('component', `component:${x.id}`, x.name, x.name, x.purpose)),
    ...d.security.map((x) => ({ ...c('security', `security:${x.id}`, `security: ${x.item.toLowerCase()}`, x.item, `${x.category} ${x.detail} ${x.reference}`), regulation: REGULATIONS.find((r) => `${x.category} ${x.reference}`.toUpperCase().includes(r)) })),
  ];
}

interface Candidate2 extends Candidate {
  /** Words of its name alone (entity name and table, endpoint operation, decision title, component name). */
  name: Set<string>;
  /** For security items: the regulation they answer, if any. */
  regulation?: string;
}

const REGULATIONS = ['GDPR', 'HIPAA', 'PCI-DSS', 'SOC 2', 'CCPA', 'ISO 27001'];

/**
 * What meets a functional requirement, matched by name: a place of the design meets it when it
 * shares the requirement's distinctive words (those few places use), two of them, or one in its name.
 * A requirement no place matches that way is at risk: the design does not name it.
 */
function functionalRow(f: Design['requirements']['functional'][number], all: Candidate2[]): Trace {
  const want = [...words(f.text)];
  const df = new Map(want.map((w) => [w, all.filter((c) => c.words.has(w)).length]));
  const distinctive = want.filter((w) => (df.get(w) ?? 0) > 0 && (df.get(w) ?? 0) <= Math.max(3, all.length * 0.15));
  const scored = all
    .map((c) => {
      const hit = distinctive.filter((w) => c.words.has(w));
      return { c, hit, inName: hit.some((w) => c.name.has(w)) };
    })
    .filter((x) => x.c.kind !== 'security' && (x.hit.length >= 2 || x.inName))
    .sort((a, b) => b.hit.length - a.hit.length || Number(b.inName) - Number(a.inName) || byCodeUnit(a.c.ref, b.c.ref));
  const byKind = (kind: Candidate['kind'], max: number) => scored.filter((x) => x.c.kind === kind).slice(0, max).map((x) => x.c);
  // A requirement that names a regulation is met by the security items for it.
  const regulation = all.filter((c) => c.kind === 'security' && REGULATIONS.some((r) => f.text.toUpperCase().includes(r) && c.label.length > 0 && c.regulation === r));
  const hits = [...byKind('entity', 2), ...byKind('endpoint', 2), ...byKind('channel', 1), ...byKind('decision', 2), ...byKind('component', 1), ...regulation.slice(0, 4)];
  if (hits.length === 0) {
    return {
      requirement: f.id, text: f.text, kind: 'functional', metBy: [], verdict: 'at-risk',
      reason: 'No entity, endpoint, channel, decision or component of the design names it.',
      wouldMeet: 'Design it explicitly: name the capability in the brief (or a YAML brief\'s `functional` list) so archie adds its entities and endpoints, or add them by hand.',
    };
  }
  return {
    requirement: f.id, text: f.text, kind: 'functional', metBy: hits.map((h) => h.ref), verdict: 'met',
    reason: `Met by ${hits.map((h) => h.label).join(', ')} (matched by name; confirm the behaviour in the contract tests).`, wouldMeet: null,
  };
}

const fig = (d: Design, id: string) => d.capacity.figures.find((f) => f.id === id);
const figRefs = (d: Design, ids: string[]) => ids.filter((id) => fig(d, id)).map((id) => `figure:${id}`);

/** The traceability of a design: the rows in the order of the Requirements Analysis, then the constraints. */
export function planTraceability(d: Design): Trace[] {
  const r = d.requirements;
  const s = r.scale;
  const all = candidates(d);
  const rows: Trace[] = r.functional.map((f) => functionalRow(f, all));
  const nfr: Array<Omit<Trace, 'requirement' | 'kind'>> = [];
  const apps = fig(d, 'app-instances');
  const primaries = fig(d, 'db-write-primaries');
  const peak = fig(d, 'peak-rps');

  nfr.push({
    text: `Serve ${compact(s.dau.value)} daily active ${s.dau.unit} (${compact(s.mau.value)} monthly, ${compact(s.concurrentUsers.value)} concurrent at peak)`,
    metBy: [...figRefs(d, ['dau', 'app-instances', 'db-write-primaries', 'ws-nodes']), ...d.dataStores.filter((x) => x.sizing).map((x) => `store:${x.id}`)],
    verdict: 'met',
    reason: `Sized for ${compact(fig(d, 'dau')?.oneYear ?? s.dau.value)} daily users after a year: ${apps ? `${apps.current} → ${apps.oneYear} API instances` : 'functions scale per request'}${primaries ? `, ${primaries.oneYear} database write primar${primaries.oneYear === 1 ? 'y' : 'ies'}` : ''}; every store sized from its capacity figure.`,
    wouldMeet: null,
  });
  nfr.push({
    text: `Sustain ${formatNumber(s.avgRps.value, 1)} req/s on average and ${formatNumber(s.avgRps.value * s.peakFactor.value, 1)} req/s at peak (${formatNumber(s.peakFactor.value, 1)}×)`,
    metBy: figRefs(d, ['peak-rps', 'app-instances', 'db-peak-qps']),
    verdict: 'met',
    reason: peak && apps ? `${formatNumber(peak.current, 1)} req/s at peak on ${apps.current} instances sized at the per-instance limit and 60% utilisation; ${formatNumber(fig(d, 'db-peak-qps')?.current ?? 0, 0)} database queries/s at peak.` : 'Functions scale per request; the database is sized for the peak queries.',
    wouldMeet: null,
  });
  const p99 = r.latency.p99Ms.value;
  const hops = d.overview.style === 'Microservices';
  const farUsers = r.geography.multiRegion && d.capacity.availability.strategy !== 'active-active';
  const tight = p99 < 50 || (hops && p99 < 150) || farUsers;
  nfr.push({
    text: `Latency p50 < ${formatNumber(r.latency.p50Ms.value)} ms, p95 < ${formatNumber(r.latency.p95Ms.value)} ms, p99 < ${formatNumber(p99)} ms`,
    metBy: ['decision:reliability', ...(d.decisions.some((x) => x.id === 'cache' && x.chosen.startsWith('Redis')) ? ['decision:cache'] : []), 'slo:latency-p99'],
    verdict: tight ? 'at-risk' : 'met',
    reason: tight
      ? (farUsers ? `Users in ${r.geography.regions.join(', ')} are served from one write region: requests from the far one cross an ocean (~70–150 ms) before any work is done.` : p99 < 50 ? `A p99 of ${formatNumber(p99)} ms leaves little room beyond one database round trip and the network; misses of the cache and queueing at peak eat it.` : `A p99 of ${formatNumber(p99)} ms across calls between services leaves each hop a few tens of milliseconds.`)
      : `The timeout budget gives each call a share of the ${formatNumber(p99)} ms p99 and every access pattern has its index (proven by \`archie verify\`); the load test in the roadmap measures it.`,
    wouldMeet: tight ? (farUsers ? 'Active-active regions (writes homed per user) or read replicas near the far users.' : 'Serve the hot reads from the cache or the edge, keep the request path to one database call, and measure the p99 under load before committing to the target.') : null,
  });
  const a = d.capacity.availability;
  const topo = d.decisions.find((x) => x.id === 'topology');
  nfr.push({
    text: `Availability ≥ ${formatPercent(r.availability.value)}; error rate < ${formatPercent(r.errorRate.value)}`,
    metBy: ['decision:topology', 'slo:availability', 'slo:error-rate', ...a.chain.map((c) => (d.dataStores.some((x) => x.id === c.id) ? `store:${c.id}` : `component:${c.id}`))],
    verdict: a.meetsTarget ? 'met' : 'not-met',
    reason: `The request path composes to ${formatPercent(a.composite, 4)} (${formatNumber(a.compositeDowntimeMinutesPerMonth, 1)} min/month of downtime) against the ${formatPercent(a.target, 3)} target (${formatNumber(a.errorBudgetMinutesPerMonth, 1)} min/month)${a.meetsTarget ? '' : ': short of it'}; ${topo ? topo.chosen.toLowerCase() : 'one region'}.`,
    wouldMeet: a.meetsTarget ? null : a.strategy === 'active-active'
      ? `Fewer elements in series on the request path (the weakest is ${[...a.chain].sort((x, y) => x.effective - y.effective)[0]?.name ?? 'none'}), a managed database with a higher SLA, or a target of ${formatPercent(Math.floor(a.composite * 1e4) / 1e4, 2)}.`
      : 'A second region (active-active composes highest), or relaxing the target.',
  });
  const retention = s.retentionDays.value;
  nfr.push({
    text: `Keep data ${formatNumber(retention / 365, 1)} years (${formatNumber(retention)} days)`,
    metBy: figRefs(d, ['db-data', 'db-storage', 'records-stored', 'db-write-primaries']),
    verdict: 'met',
    reason: `Storage is sized for the retention period: ${formatNumber(fig(d, 'db-data')?.oneYear ?? 0, 1)} GB of data after a year${primaries && primaries.oneYear > 1 ? `, across ${primaries.oneYear} primaries` : ''}; older data is deleted by retention jobs.`,
    wouldMeet: null,
  });
  nfr.push({
    text: `Absorb growth of ${formatPercent(r.growthPerMonth.value, 1)} per month`,
    metBy: ['cost:oneYear', ...figRefs(d, ['app-instances', 'db-write-primaries'])],
    verdict: 'met',
    reason: `Every figure and cost line is computed at launch, 6 months and 1 year; the cost grows from $${formatNumber(d.cost.totalMonthlyUsd, 0)} to $${formatNumber(d.cost.oneYearMonthlyUsd, 0)}/month.`,
    wouldMeet: null,
  });
  for (const reg of r.regulations) {
    const items = d.security.filter((x) => `${x.category} ${x.item} ${x.reference}`.includes(reg.value));
    nfr.push({
      text: `Comply with ${reg.value}`,
      metBy: items.map((x) => `security:${x.id}`),
      verdict: items.length ? 'met' : 'at-risk',
      reason: items.length ? `${items.length} security item(s) name ${reg.value}: ${items.map((x) => x.item.toLowerCase()).join('; ')}; compliance needs its owners' sign-off (Escalations).` : `No security item of the design names ${reg.value}.`,
      wouldMeet: items.length ? null : `A review of ${reg.value}'s controls with the compliance owners, added to the security checklist.`,
    });
  }
  if (r.personalData.value) {
    const items = d.security.filter((x) => x.category.startsWith('Privacy'));
    nfr.push({
      text: 'Protect personal data by design (minimisation, retention, encryption)',
      metBy: items.map((x) => `security:${x.id}`),
      verdict: items.length ? 'met' : 'at-risk',
      reason: items.length ? `Privacy-by-design items: ${items.map((x) => x.item.toLowerCase()).join('; ')}.` : 'No privacy item in the security checklist.',
      wouldMeet: items.length ? null : 'Minimisation, retention jobs and field-level encryption of personal data.',
    });
  }
  nfr.forEach((x, i) => rows.push({ requirement: `NFR-${i + 1}`, kind: 'non-functional', ...x }));

  if (r.budgetUsdPerMonth) {
    const b = r.budgetUsdPerMonth.value;
    const c = d.cost;
    const v = c.variants.find((x) => x.id === 'budget');
    const within = c.withinBudget === true;
    rows.push({
      requirement: 'budget', kind: 'constraint', text: `Infrastructure budget of $${formatNumber(b)}/month`,
      metBy: ['cost:total', ...(v ? ['cost:variant:budget'] : [])],
      verdict: within ? (c.oneYearMonthlyUsd > b ? 'at-risk' : 'met') : 'not-met',
      reason: within
        ? `$${formatNumber(c.totalMonthlyUsd, 0)}/month at launch${c.oneYearMonthlyUsd > b ? `, but $${formatNumber(c.oneYearMonthlyUsd, 0)}/month after a year of growth` : ` and $${formatNumber(c.oneYearMonthlyUsd, 0)}/month after a year`}.`
        : `The preferred design costs $${formatNumber(c.totalMonthlyUsd, 0)}/month at launch${v ? `; ${v.fits ? 'the budget variant fits' : 'even the smallest variant does not fit'} at $${formatNumber(v.totalMonthlyUsd, 0)}/month` : ''}.`,
      wouldMeet: within
        ? (c.oneYearMonthlyUsd > b ? 'Savings plans or reserved capacity on the steady part (typically −30 to −50 %), or a budget that grows with the load.' : null)
        : v
          ? (v.fits ? `The budget variant: ${v.changes.map((x) => `${lowerFirst(x.part)} → ${x.to}`).join('; ')}.` : v.note)
          : 'Less load, shorter retention or a lower availability target.',
    });
  }
  if (r.timelineWeeks) {
    const weeks = r.timelineWeeks.value;
    const last = d.roadmap.length ? d.roadmap[d.roadmap.length - 1]!.toWeek : 0;
    rows.push({
      requirement: 'timeline', kind: 'constraint', text: `Launch within ${formatNumber(weeks)} weeks`,
      metBy: d.roadmap.map((p) => `roadmap:${p.name}`),
      verdict: last <= weeks ? 'met' : 'not-met',
      reason: last <= weeks ? `The roadmap's ${d.roadmap.length} phases end in week ${last}.` : `The roadmap needs at least ${last} weeks (foundations, core domain, scale and hardening), more than the ${formatNumber(weeks)} stated.`,
      wouldMeet: last <= weeks ? null : 'Fewer capabilities at launch (the must-haves only) or more engineers.',
    });
  }
  return rows;
}
