import { compact, formatBytes, formatNumber, formatPercent } from '../brief/units.js';
import type { Design } from '../model/design.js';
import type { Provenance } from '../model/provenance.js';
import type { Assumption, OpenQuestion, Requirements } from '../model/requirements.js';
import type { Workload } from '../model/workload.js';
import { type Cell, grid, paragraph, PLAIN, rate, recognition, type Style } from './summary.js';

/**
 * `archie design … --explain`: what archie understood of the brief, instead of the design. Each
 * actor, operation and stated fact with the words it was read from, each assumption with how to
 * state it instead, the kind of system with the words that matched, and the clauses with numbers
 * that no reader used. It reads the design's requirements and decides nothing.
 */

/** A fact the brief stated, found anywhere in the requirements, with the words it came from. */
export interface StatedFact {
  /** Requirement path, e.g. `latency.p99Ms`, `regulations.0`. */
  field: string;
  label: string;
  /** The value as read (a number in the field's unit, a word, or a list). */
  value: number | string | boolean | string[];
  unit: string | null;
  /** The value with its unit, for people. */
  text: string;
  quote: string;
}

export interface Explanation {
  title: string;
  brief: string;
  archetype: Requirements['archetype'];
  workload: Workload;
  stated: StatedFact[];
  assumptions: Assumption[];
  openQuestions: OpenQuestion[];
}

const LABELS: Record<string, string> = {
  'scale.dau': 'Daily active users',
  'scale.mau': 'Monthly active users',
  'scale.concurrentUsers': 'Concurrent users at peak',
  'scale.requestsPerUserPerDay': 'Requests per user per day',
  'scale.avgRps': 'Average requests/s',
  'scale.peakFactor': 'Peak factor',
  'scale.readWriteRatio': 'Reads per write',
  'scale.recordBytes': 'Record size',
  'scale.responseBytes': 'Read response size',
  'scale.requestBytes': 'Write request size',
  'scale.blobsPerUserPerDay': 'Uploads per user per day',
  'scale.blobBytes': 'Upload size',
  'scale.retentionDays': 'Retention',
  'scale.initialDataBytes': 'Existing data',
  growthPerMonth: 'Growth',
  'latency.p50Ms': 'Latency p50',
  'latency.p95Ms': 'Latency p95',
  'latency.p99Ms': 'Latency p99',
  availability: 'Availability target',
  errorRate: 'Error rate',
  'team.size': 'Team',
  'team.opsMaturity': 'Operations maturity',
  budgetUsdPerMonth: 'Budget',
  timelineWeeks: 'Timeline',
  geography: 'Geography',
  cloud: 'Cloud',
  existingSystem: 'Existing system',
  personalData: 'Personal data',
};

/** Parts of the requirements shown in sections of their own. */
const OWN_SECTION = new Set(['workload', 'archetype']);

function label(field: string, node: Record<string, unknown>): string {
  if (LABELS[field]) return LABELS[field];
  if (/^regulations\.\d+$/.test(field)) return 'Regulation';
  if (/^functional\.\d+$/.test(field)) return `Requirement ${typeof node.id === 'string' ? node.id : ''}`.trim();
  return field;
}

function valueText(v: number, unit: string): string {
  switch (unit) {
    case 'users':
      return `${compact(v)} users`;
    case 'bytes':
      return formatBytes(v);
    case 'fraction':
      return formatPercent(v, 4);
    case 'per month':
      return `${formatPercent(v, 2)} a month`;
    case 'USD/month':
      return `$${formatNumber(v)}/month`;
    default:
      return `${formatNumber(v, 2)} ${unit}`;
  }
}

/** What a node with a provenance holds: a quantity, a word, a description, a list of regions. */
function read(node: Record<string, unknown>): Pick<StatedFact, 'value' | 'unit' | 'text'> {
  if (typeof node.value === 'number' && typeof node.unit === 'string') return { value: node.value, unit: node.unit, text: valueText(node.value, node.unit) };
  if (typeof node.value === 'string' || typeof node.value === 'boolean') return { value: node.value, unit: null, text: node.value === true ? 'yes' : node.value === false ? 'no' : node.value };
  if (typeof node.description === 'string') return { value: node.description, unit: null, text: node.description };
  if (typeof node.text === 'string') return { value: node.text, unit: null, text: node.text };
  if (Array.isArray(node.regions)) {
    const regions = node.regions.map(String);
    return { value: regions, unit: null, text: `${regions.join(', ')}${node.multiRegion === true ? ' (multi-region)' : ''}` };
  }
  return { value: '', unit: null, text: '' };
}

/** Every value of the requirements whose provenance is the brief's own words, in the model's order. */
export function statedFacts(r: Requirements): StatedFact[] {
  const out: StatedFact[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, String(i)]));
      return;
    }
    const obj = node as Record<string, unknown>;
    const p = obj.provenance as Provenance | undefined;
    if (p && typeof p === 'object' && 'kind' in p) {
      if (p.kind === 'stated') {
        const field = path.join('.');
        out.push({ field, label: label(field, obj), ...read(obj), quote: p.quote });
      }
      return;
    }
    for (const [k, v] of Object.entries(obj)) if (!(path.length === 0 && OWN_SECTION.has(k))) walk(v, [...path, k]);
  };
  walk(r, []);
  return out;
}

/** The explanation as data: what `--explain --json` prints. */
export function explainJson(d: Design): Explanation {
  const r = d.requirements;
  return { title: d.title, brief: r.briefText, archetype: r.archetype, workload: r.workload, stated: statedFacts(r), assumptions: d.assumptions, openQuestions: d.openQuestions };
}

export interface ExplainOptions {
  style?: Style;
  /** Columns; 100 at most. */
  width?: number;
}

function from(p: Provenance): string {
  switch (p.kind) {
    case 'stated':
      return `from "${p.quote}"`;
    case 'derived':
      return `derived: ${p.how}`;
    case 'assumed':
      return `assumed: ${p.reason}`;
  }
}

const MAX_BRIEF = 1200;

export function renderExplain(d: Design, options: ExplainOptions = {}): string {
  const c = options.style ?? PLAIN;
  const width = Math.max(40, Math.min(100, Math.floor(options.width ?? 100)));
  const r = d.requirements;
  const w = r.workload;
  const out: string[] = [];
  const heading = (t: string) => out.push('', c.bold(c.cyan(t)));
  const g = (rows: Cell[][], caps: Array<number | undefined> = [], right: number[] = []) => out.push(...grid(rows, { width, caps, right }));
  const none = (t: string) => out.push(...paragraph(t, width, 2, c.dim));

  out.push(c.bold('What archie read in the brief'));
  const brief = r.briefText.length > MAX_BRIEF ? `${r.briefText.slice(0, MAX_BRIEF)}…` : r.briefText;
  out.push(...paragraph(brief, width, 2, c.dim));

  heading('Kind of system');
  out.push(...paragraph(`${r.archetype.name} (${recognition(d)})`, width, 2));

  heading('Actors');
  if (w.actors.length === 0) none(`no population named; the plan sizes for ${compact(r.scale.dau.value)} daily users (${from(r.scale.dau.provenance)})`);
  else g(w.actors.map((a) => [a.name, `${compact(a.count)} ${a.kind}`, a.nature, { text: from(a.provenance), style: c.dim }]), [24, 20, 13]);

  heading('Operations');
  if (w.operations.length === 0) none('none');
  else {
    const actorName = new Map(w.actors.map((a) => [a.id, a.name]));
    g(
      [
        ['Operation', 'Kind', 'Average', 'Peak', 'How'].map((h) => ({ text: h, style: c.dim })),
        ...w.operations.map((o): Cell[] => {
          const extras = [
            o.actor !== null && actorName.has(o.actor) ? `by ${actorName.get(o.actor)}` : null,
            o.rowsWritten > 1 ? `${formatNumber(o.rowsWritten)} rows written each` : null,
            o.payloadBytes !== null ? `${formatBytes(o.payloadBytes)} each` : null,
            o.fanout !== null ? `delivered to ${formatNumber(o.fanout, 1)} recipients each` : null,
          ].filter((x): x is string => x !== null);
          return [
            o.name,
            o.kind,
            rate(o.averagePerSecond),
            rate(o.peakPerSecond),
            [
              { text: `= ${o.formula}` },
              ...(o.averagePerSecond > 0 ? [{ text: `peak = average × ${formatNumber(o.peakPerSecond / o.averagePerSecond, 2)}` }] : []),
              ...(extras.length ? [{ text: extras.join('; ') }] : []),
              { text: from(o.provenance), style: o.provenance.kind === 'stated' ? c.green : c.dim },
            ],
          ];
        }),
      ],
      [24, 5, 12, 12],
      [2, 3],
    );
  }
  if (w.activeSecondsPerDay !== null) out.push(...paragraph(`The load falls in ${formatNumber(w.activeSecondsPerDay / 3600, 1)} hours a day, not 24.`, width, 2));

  heading('Stated facts');
  const stated = statedFacts(r);
  if (stated.length === 0) none('none beyond the actors and operations above');
  else g(stated.map((f) => [f.label, f.text, { text: `"${f.quote}"`, style: c.green }]), [26, 30]);

  heading('Assumptions (the brief did not say; override each as shown)');
  if (d.assumptions.length === 0) none('none: the brief stated every figure archie needed');
  else g(d.assumptions.map((a) => [a.label, a.value, [{ text: a.reason, style: c.dim }, { text: `override: ${a.override}` }]]), [26, 22]);

  heading('Open questions');
  if (d.openQuestions.length === 0) none('none');
  else g(d.openQuestions.map((q) => ['•', [{ text: q.question }, { text: `why: ${q.why}`, style: c.dim }, { text: `assumed meanwhile: ${q.assumed}`, style: c.dim }]]));

  heading('Not used (clauses with a number that no reader understood)');
  if (w.unread.length === 0) none('none: every clause with a number was used');
  else g(w.unread.map((u) => ['•', { text: `"${u}"`, style: c.yellow }]));
  return `${out.join('\n')}\n`;
}
