import { compact, formatNumber, formatPercent } from '../brief/units.js';
import type { CapacityFigure, Design } from '../model/design.js';
import type { Provenance } from '../model/provenance.js';
import { figureValue } from './markdown.js';

/**
 * What a person reads first when `archie design` runs on a terminal: the design in about a
 * screen and a half, at most `width` columns, every long cell wrapped under its own column. It
 * reads the design and the folder the CLI wrote, and decides nothing: which decisions are key is
 * the planner's `significant`, what needs a human is `escalations`, the figures are the plan's.
 */

/** The few colours the terminal text uses; picocolors' `createColors()` (the CLI's `out.c`) fits. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
}

const id = (s: string) => s;
/** No colour: the text as it is. */
export const PLAIN: Style = { bold: id, dim: id, cyan: id, green: id, yellow: id, red: id };

// ---------------------------------------------------------------- layout

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Columns a string takes on a terminal: colour codes take none, each code point one. */
export function visibleWidth(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/**
 * Greedy word wrap of plain text to `width` columns. Newlines start a new line; runs of spaces
 * fold into one; a word longer than the line (a URL, a path) is cut at the width.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let len = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let chars = [...word];
      while (chars.length > 0) {
        const need = len === 0 ? chars.length : len + 1 + chars.length;
        if (need <= w) {
          line = len === 0 ? chars.join('') : `${line} ${chars.join('')}`;
          len = need;
          chars = [];
        } else if (len > 0) {
          out.push(line);
          line = '';
          len = 0;
        } else {
          out.push(chars.slice(0, w).join(''));
          chars = chars.slice(w);
        }
      }
    }
    out.push(line);
  }
  return out;
}

/** A piece of a cell: text wrapped on its own lines, then coloured line by line. */
export interface Segment {
  text: string;
  style?: (s: string) => string;
}
export type Cell = string | Segment | Segment[];

export interface GridOptions {
  /** Total columns, indent included. */
  width: number;
  indent?: number;
  gap?: number;
  /** Widest a column may be (all but the last; the last takes what is left). */
  caps?: Array<number | undefined>;
  /** Columns whose values line up on the right (numbers). */
  right?: number[];
}

function segments(c: Cell): Segment[] {
  return typeof c === 'string' ? [{ text: c }] : Array.isArray(c) ? c : [c];
}

function longestWord(c: Cell): number {
  return Math.max(0, ...segments(c).flatMap((s) => s.text.split(/\s+/).map((w) => [...w].length)));
}

function naturalWidth(c: Cell): number {
  return Math.max(0, ...segments(c).flatMap((s) => s.text.split('\n').map((l) => [...l.trim()].length)));
}

/**
 * Rows of cells laid out in columns that fit `width`: each cell wraps inside its column, a row is
 * as tall as its tallest cell, colour is applied after wrapping so that it never moves a column.
 */
export function grid(rows: Cell[][], o: GridOptions): string[] {
  if (rows.length === 0) return [];
  const indent = o.indent ?? 2;
  const gap = o.gap ?? 2;
  const n = Math.max(...rows.map((r) => r.length));
  const natural = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => (r[i] === undefined ? 0 : naturalWidth(r[i]!)))));
  const avail = Math.max(n * 4, o.width - indent - gap * (n - 1));
  const widths = natural.map((w, i) => (i < n - 1 ? Math.max(1, Math.min(w, o.caps?.[i] ?? w)) : w));
  const minLast = Math.min(natural[n - 1]!, Math.max(10, Math.floor(avail / 3)));
  const used = () => widths.slice(0, n - 1).reduce((a, b) => a + b, 0);
  // Too wide: narrow the widest of the first columns until the last has room, first down to the
  // longest word of each (so that words are not cut), then, on a very narrow screen, further.
  const floors = rows.reduce<number[]>((f, r) => f.map((w, i) => Math.max(w, r[i] === undefined ? 0 : longestWord(r[i]!))), new Array<number>(n).fill(1));
  const passes: Array<[(i: number) => number, number]> = [
    [(i) => floors[i]!, minLast],
    [() => 4, Math.min(natural[n - 1]!, 10)],
  ];
  for (const [floor, room] of passes) {
    while (n > 1 && avail - used() < room) {
      let widest = -1;
      for (let i = 0; i < n - 1; i++) if (widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  widths[n - 1] = Math.max(1, Math.min(natural[n - 1]!, avail - used()));
  const out: string[] = [];
  for (const r of rows) {
    const cells = widths.map((w, i) => {
      const cell = r[i];
      if (cell === undefined) return [];
      return segments(cell).flatMap((s) => wrap(s.text, w).map((line) => ({ line, style: s.style ?? id })));
    });
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      let line = ' '.repeat(indent);
      cells.forEach((c, i) => {
        const piece = c[k] ?? { line: '', style: id };
        const pad = ' '.repeat(Math.max(0, widths[i]! - [...piece.line].length));
        const text = piece.line === '' ? '' : piece.style(piece.line);
        line += (o.right?.includes(i) ? pad + text : text + pad) + (i < n - 1 ? ' '.repeat(gap) : '');
      });
      out.push(line.replace(/\s+$/, ''));
    }
  }
  return out;
}

/** Flowing text at an indent, each wrapped line coloured. */
export function paragraph(text: string, width: number, indent = 0, style: (s: string) => string = id): string[] {
  return wrap(text, width - indent).map((l) => (l === '' ? '' : ' '.repeat(indent) + style(l)));
}

const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|min|max|no|ca)\.$/i;

/** The first sentence of a text ("…/s. The next" ends it; "e.g. Redis" and "3.5" do not). */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+["“(]?[A-Z0-9])/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const head = text.slice(0, m.index + 1);
    if (!ABBREVIATIONS.test(head)) return head.trim();
  }
  return text.trim();
}

/** A text cut into its sentences, as `firstSentence` finds them. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest) {
    const first = firstSentence(rest);
    out.push(first);
    rest = rest.slice(first.length).trim();
  }
  return out;
}

/**
 * One line of each of several texts: its first sentence that no other of them has, so that five
 * escalations opening with the same sentence each show what is particular to them.
 */
export function distinctSentences(texts: string[]): string[] {
  const split = texts.map(sentences);
  const count = new Map<string, number>();
  for (const ss of split) for (const s of new Set(ss)) count.set(s, (count.get(s) ?? 0) + 1);
  return split.map((ss, i) => ss.find((s) => count.get(s) === 1) ?? ss[0] ?? texts[i]!);
}

/** How a value came to be, in a few words. */
export function source(p: Provenance): string {
  switch (p.kind) {
    case 'stated':
      return `stated: "${p.quote}"`;
    case 'derived':
      return `derived: ${p.how}`;
    case 'assumed':
      return `assumed: ${p.reason}`;
  }
}

/** How the kind of system was recognised. */
export function recognition(d: Design): string {
  const a = d.requirements.archetype;
  switch (a.provenance.kind) {
    case 'stated':
      return `named in the brief: "${a.provenance.quote}"`;
    case 'derived':
      return a.matched.length ? `recognised by the words ${a.matched.map((m) => `"${m}"`).join(', ')}` : `recognised: ${a.provenance.how}`;
    case 'assumed':
      return `no kind recognised, so a general design: ${a.provenance.reason}`;
  }
}

/** A rate per second as people read it: 0.0003/s, 38.6/s, 4,000/s. */
export function rate(v: number): string {
  if (v === 0) return '0/s';
  if (v < 0.1) return `${Number(v.toPrecision(2))}/s`;
  return `${formatNumber(v, v < 100 ? 1 : 0)}/s`;
}

/** An availability that never rounds up to 100%: 0.99999974 → 99.9999%. */
export function nines(fraction: number): string {
  const p = Math.floor(fraction * 1e6) / 1e4;
  return p >= 100 ? '100%' : formatPercent(p / 100, 4);
}

function usd(v: number): string {
  return `$${formatNumber(Math.round(v))}`;
}

// ---------------------------------------------------------------- the summary

/** The design folder the CLI wrote, to say where the full document is. */
export interface SummaryFolder {
  /** The folder as the user should type it (relative to the working directory when inside it). */
  dir: string;
  /** Files written, relative to the folder, in the order archie lists them. */
  files: string[];
}

export interface SummaryOptions {
  style?: Style;
  /** Terminal columns; 100 at most is the point of the summary. */
  width?: number;
  /** Where the full design was written, or null when it was not (the CLI says why). */
  folder?: SummaryFolder | null;
}

/** Capacity figures a reader checks first, in this order; the plan's other figures are in ARCHITECTURE.md. */
const KEY_FIGURES = [
  'dau',
  'peak-rps',
  'peak-write-rps',
  'egress-peak',
  'data-written-month',
  'db-storage',
  'object-storage',
  'cache-memory',
  'app-instances',
  'db-write-primaries',
  'ws-nodes',
  'queue-peak',
];

const MAX_ACTORS = 5;
const MAX_OPERATIONS = 6;

export function renderSummary(d: Design, options: SummaryOptions = {}): string {
  const c = options.style ?? PLAIN;
  const width = Math.max(40, Math.min(100, Math.floor(options.width ?? 100)));
  const r = d.requirements;
  const out: string[] = [];
  const heading = (t: string) => out.push('', c.bold(c.cyan(t)));
  const g = (rows: Cell[][], o: Omit<GridOptions, 'width'> = {}) => out.push(...grid(rows, { width, ...o }));

  out.push(...paragraph(d.title, width, 0, (s) => c.bold(s)));
  out.push(...paragraph(d.summary, width));

  heading('Kind of system');
  out.push(...paragraph(`${r.archetype.name} (${recognition(d)})`, width, 2));

  // ------------------------------------------------------------ workload
  heading('Workload');
  const w = r.workload;
  const actors = [...w.actors].sort((a, b) => b.count - a.count);
  if (actors.length) {
    g(
      actors.slice(0, MAX_ACTORS).map((a): Cell[] => [
        a.name,
        `${compact(a.count)} ${a.kind === 'registered' ? 'registered' : a.kind}`,
        { text: source(a.provenance), style: c.dim },
      ]),
      { caps: [24, 20] },
    );
    if (actors.length > MAX_ACTORS) out.push(`  ${c.dim(`… and ${actors.length - MAX_ACTORS} more actors (--explain lists them)`)}`);
  } else {
    // No population named as an actor: the daily users the plan sized for.
    g([['users', `${compact(r.scale.dau.value)} daily`, { text: source(r.scale.dau.provenance), style: c.dim }]], { caps: [24, 20] });
  }
  const ops = [...w.operations].sort((a, b) => b.peakPerSecond - a.peakPerSecond);
  if (ops.length) {
    out.push('');
    g(
      [
        ['Operation', 'Kind', 'Average', 'Peak', 'From'].map((h) => [{ text: h, style: c.dim }]),
        ...ops.slice(0, MAX_OPERATIONS).map((o): Cell[] => [
          o.name + (o.fanout !== null ? ` (to ${formatNumber(o.fanout, 1)} each)` : ''),
          o.kind,
          rate(o.averagePerSecond),
          rate(o.peakPerSecond),
          { text: o.provenance.kind === 'stated' ? `"${o.provenance.quote}"` : o.provenance.kind === 'derived' ? `derived: ${o.provenance.how}` : 'assumed', style: c.dim },
        ]),
      ],
      { caps: [30, 6, 12, 12], right: [2, 3] },
    );
    if (ops.length > MAX_OPERATIONS) out.push(`  ${c.dim(`… and ${ops.length - MAX_OPERATIONS} more operations (--explain lists them)`)}`);
  }
  if (w.activeSecondsPerDay !== null) out.push(...paragraph(`The load falls in ${formatNumber(w.activeSecondsPerDay / 3600, 1)} hours a day, not 24.`, width, 2));
  if (w.unread.length) {
    out.push(...paragraph(`Not understood (check these, or run with --explain): ${w.unread.map((u) => `"${u}"`).join('; ')}.`, width, 2, c.yellow));
  }

  // ------------------------------------------------------------ decisions
  heading('Key decisions');
  const key = d.decisions.filter((x) => x.significant);
  g(
    (key.length ? key : d.decisions).map((x) => [
      x.title,
      [
        { text: x.chosen, style: c.bold },
        { text: firstSentence(x.rationale), style: c.dim },
      ],
    ]),
    { caps: [22] },
  );

  // ------------------------------------------------------------ figures
  heading('Key figures (now → 1 year)');
  const byId = new Map(d.capacity.figures.map((f) => [f.id, f]));
  const figures = KEY_FIGURES.map((k) => byId.get(k)).filter((f): f is CapacityFigure => f !== undefined && (f.current !== 0 || f.oneYear !== 0));
  g(
    figures.map((f) => [f.label, figureValue(f, f.current), '→', figureValue(f, f.oneYear)]),
    { caps: [42, 18, 1, 18], right: [1, 3] },
  );

  // ------------------------------------------------------------ availability and cost
  heading('Availability and cost');
  const a = d.capacity.availability;
  const cost = d.cost;
  const budget =
    cost.budgetUsdPerMonth === null
      ? 'no budget stated'
      : `budget ${usd(cost.budgetUsdPerMonth)}/month: ${cost.withinBudget ? 'within it' : 'over it'}`;
  g(
    [
      [
        'Availability',
        [
          {
            text: `${nines(a.composite)} on the request path against a ${formatPercent(a.target, 3)} target: ${a.meetsTarget ? 'meets it' : 'does not meet it'} (error budget ${formatNumber(a.errorBudgetMinutesPerMonth, 1)} min/month)`,
            style: a.meetsTarget ? id : c.red,
          },
        ],
      ],
      [
        'Monthly cost',
        [
          {
            text: `${usd(cost.totalMonthlyUsd)} at launch, ${usd(cost.oneYearMonthlyUsd)} after a year of growth; ${budget}`,
            style: cost.withinBudget === false ? c.red : id,
          },
        ],
      ],
    ],
    { caps: [14] },
  );

  // ------------------------------------------------------------ what a person decides
  heading('Needs a human decision');
  if (d.escalations.length === 0) out.push(`  ${c.dim('nothing beyond normal review')}`);
  else {
    const why = distinctSentences(d.escalations.map((e) => e.reason));
    g(d.escalations.map((e, i) => [{ text: e.topic, style: c.yellow }, why[i]!]), { caps: [30] });
  }

  heading('Open questions');
  if (d.openQuestions.length === 0) out.push(`  ${c.dim('none')}`);
  else {
    g(
      d.openQuestions.map((q) => [
        '•',
        [
          { text: q.question },
          { text: `assumed meanwhile: ${q.assumed}`, style: c.dim },
        ],
      ]),
      { gap: 1 },
    );
  }

  // ------------------------------------------------------------ where the rest is
  heading('Full design');
  const folder = options.folder ?? null;
  if (folder === null) {
    out.push(...paragraph('Not written: see the message below. Add --format md to print the whole document here.', width, 2, c.yellow));
  } else {
    const dir = folder.dir.endsWith('/') ? folder.dir : `${folder.dir}/`;
    out.push(...paragraph(`Written to ${dir} (${folder.files.length} files):`, width, 2, c.green));
    out.push(...paragraph(listing(folder.files), width, 4, c.dim));
    out.push(...paragraph(`ARCHITECTURE.md there is the whole document (report.html the same for a browser); archie verify ${dir.replace(/\/$/, '')} proves the artifacts.`, width, 2));
    out.push(...paragraph('--format md prints the whole document here; --explain shows what archie read in the brief.', width, 2, c.dim));
  }
  return `${out.join('\n')}\n`;
}

/** Files at the top of the folder by name, then each subfolder with its count: "adr/ (9 files)". */
function listing(files: string[]): string {
  const top: string[] = [];
  const dirs = new Map<string, number>();
  for (const f of files) {
    const slash = f.indexOf('/');
    if (slash < 0) top.push(f);
    else dirs.set(f.slice(0, slash), (dirs.get(f.slice(0, slash)) ?? 0) + 1);
  }
  return [...top, ...[...dirs].map(([dir, n]) => `${dir}/ (${n} file${n === 1 ? '' : 's'})`)].join(', ');
}
