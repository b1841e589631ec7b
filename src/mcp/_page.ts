import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ArchieError } from '../errors.js';

/**
 * Every tool result fits an agent's context: at most MAX_RESULT_TOKENS, estimated as characters ÷ 4
 * of the text plus the structured content's JSON. A tool hands back a small head (its summary, on
 * every page) and its long lists as sections; the pager fills a page with as many section items as
 * fit, in order, and gives a `nextCursor` for the rest. Cursors are stateless (an item index and a
 * fingerprint of the result), so a page is recomputed from the same arguments and a cursor from a
 * result that has since changed is refused rather than silently misaligned. An item too large for a
 * page on its own is cut to fit (its longest lists first, then its longest strings) and the page
 * says what was cut.
 */

export const MAX_RESULT_TOKENS = 10_000;
export const CHARS_PER_TOKEN = 4;
/** Filled to 95% of the bound: the JSON-RPC envelope and the content wrapper take the rest. */
const PAGE_CHARS = Math.floor(MAX_RESULT_TOKENS * CHARS_PER_TOKEN * 0.95);

export interface Section {
  /** Where the items go in the structured content: a key, or a dotted path (`plan.immediate`). */
  path: string;
  /** Heading of the items in the text. */
  title: string;
  items: readonly unknown[];
  /** One item as text (a line or a short block). */
  line(item: never): string;
  /** The section is one value (an object), not a list: it is placed whole, as `items[0]`. */
  single?: boolean;
}

export interface ToolOutput {
  /** Structured fields on every page: the summary, counts, what the rest holds. */
  head: Record<string, unknown>;
  /** Text on every page, first. */
  summary: string;
  sections?: Section[];
  /** Text after the items, on every page (caveats, coercions). */
  notes?: string[];
}

export const PageSchema = z.object({
  cursor: z.string().nullable().describe('The cursor this page was asked for (null: the first page)'),
  nextCursor: z.string().nullable().describe('Pass as `cursor`, with the same other arguments, for the next page; null on the last page'),
  sections: z
    .array(z.object({ path: z.string(), from: z.number().int(), to: z.number().int(), total: z.number().int() }))
    .describe('For each list: the items on this page (from–to, 1-based; to < from when none) and how many there are'),
  truncated: z.array(z.string()).describe('Items cut to fit the size bound, and what was cut from them'),
  maxTokens: z.number().int().describe('The bound every page is kept under (characters ÷ 4 of text plus structured content)'),
});
export type Page = z.infer<typeof PageSchema>;

export interface Rendered {
  text: string;
  structured: Record<string, unknown>;
}

export function resultChars(r: Rendered): number {
  return r.text.length + JSON.stringify(r.structured).length;
}

/** Stands for an item left out of a page because even cut down it would not fit. */
const OMITTED = Symbol('omitted');

interface Part {
  section: number;
  index: number;
  item: unknown;
}

// Timings differ run to run; they must not make a cursor look stale.
const fingerprintReplacer = (k: string, v: unknown) => (k === 'durationMs' ? undefined : v);

function fingerprint(sections: readonly Section[]): string {
  const h = createHash('sha256');
  for (const s of sections) h.update(`${s.path}\n${JSON.stringify(s.items, fingerprintReplacer)}\n`);
  return h.digest('hex').slice(0, 10);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    // A copy: the object may be a section's own item, which a later build of the page must see unchanged.
    o[k] = o[k] && typeof o[k] === 'object' ? { ...(o[k] as Record<string, unknown>) } : {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

function parseCursor(cursor: string, print: string, total: number): number {
  const m = /^(\d{1,9})\.([0-9a-f]{10})$/.exec(cursor);
  if (!m) throw new ArchieError('USAGE', `cursor "${cursor.slice(0, 40)}" is not one archie gave`, { hint: 'pass the page.nextCursor of the previous result unchanged, or leave cursor out for the first page' });
  if (m[2] !== print) throw new ArchieError('USAGE', 'the result changed since that cursor was given (its input is not the same any more)', { hint: 'call again without cursor to start from the first page' });
  const i = Number(m[1]);
  if (i < 1 || i >= total) throw new ArchieError('USAGE', `cursor "${cursor}" points past the end of the result`, { hint: 'leave cursor out for the first page' });
  return i;
}

// ---- cutting one oversized value down ------------------------------------------------------------

interface Cut {
  path: string;
  kept: number;
  of: number;
  unit: 'items' | 'characters';
}

/** Halve the largest list (or, with none left to halve, the longest string) inside a value. */
function cutOnce(value: unknown, cuts: Map<string, Cut>, root: string): boolean {
  let best: { holder: unknown[] | Record<string, unknown>; key: string | number; size: number; path: string; kind: 'array' | 'string' } | null = null;
  const visit = (v: unknown, holder: unknown[] | Record<string, unknown> | null, key: string | number | null, path: string) => {
    if (Array.isArray(v)) {
      if (v.length >= 2 && holder && key !== null) {
        const size = JSON.stringify(v).length;
        if (!best || best.kind === 'string' || size > best.size) best = { holder, key, size, path, kind: 'array' };
      }
      v.forEach((x, i) => visit(x, v, i, `${path}[${i}]`));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, v as Record<string, unknown>, k, path ? `${path}.${k}` : k);
    } else if (typeof v === 'string' && v.length > 120 && holder && key !== null) {
      if (!best || (best.kind === 'string' && v.length > best.size)) best = { holder, key, size: v.length, path, kind: 'string' };
    }
  };
  visit(value, null, null, root);
  if (!best) return false;
  const b = best as { holder: unknown[] | Record<string, unknown>; key: string | number; path: string; kind: 'array' | 'string' };
  const cur = (b.holder as Record<string | number, unknown>)[b.key] as unknown[] | string;
  const prior = cuts.get(b.path);
  const of = prior?.of ?? cur.length;
  const kept = Math.max(1, Math.floor(cur.length / 2));
  (b.holder as Record<string | number, unknown>)[b.key] = b.kind === 'array' ? (cur as unknown[]).slice(0, kept) : `${(cur as string).slice(0, kept)}…`;
  cuts.set(b.path, { path: b.path, kept, of, unit: b.kind === 'array' ? 'items' : 'characters' });
  return true;
}

function describeCuts(cuts: Map<string, Cut>): string[] {
  return [...cuts.values()].map((c) => `${c.path}: ${c.kept.toLocaleString('en-US')} of ${c.of.toLocaleString('en-US')} ${c.unit} shown`);
}

// ---- the pager ------------------------------------------------------------------------------------

export interface PageOptions {
  tool: string;
  cursor?: string | undefined;
  /** Largest page in characters (text plus structured JSON); tests use smaller pages. */
  maxChars?: number;
}

/** One page of a tool's output, within the size bound. */
export function paginate(output: ToolOutput, options: PageOptions): Rendered {
  const budget = options.maxChars ?? PAGE_CHARS;
  const sections = output.sections ?? [];
  const parts: Part[] = sections.flatMap((s, si) => s.items.map((item, index) => ({ section: si, index, item })));
  const print = fingerprint(sections);
  const start = options.cursor === undefined ? 0 : parseCursor(options.cursor, print, parts.length);

  let head = output.head;
  let summary = output.summary;
  const headCuts = new Map<string, Cut>();

  const build = (count: number, override?: { at: number; item: unknown }, truncated: string[] = []): Rendered => {
    const shown = parts.slice(start, start + count);
    const structured: Record<string, unknown> = { ...head };
    const textBlocks: string[] = [summary];
    const ranges: Page['sections'] = [];
    sections.forEach((s, si) => {
      const all = shown.map((p, k) => ({ p, item: override && override.at === k ? override.item : p.item })).filter((x) => x.p.section === si);
      const mine = all.filter((x) => x.item !== OMITTED);
      if (all.length && !mine.length) {
        const n = all[0]!.p.index + 1;
        ranges.push({ path: s.path, from: n, to: n - 1, total: s.items.length });
        return;
      }
      const from = mine.length ? mine[0]!.p.index + 1 : 1;
      ranges.push({ path: s.path, from, to: mine.length ? mine[mine.length - 1]!.p.index + 1 : 0, total: s.items.length });
      if (!mine.length) return;
      setPath(structured, s.path, s.single ? mine[0]!.item : mine.map((x) => x.item));
      const heading = s.single || s.items.length === mine.length ? s.title : `${s.title} (${from}–${from + mine.length - 1} of ${s.items.length})`;
      textBlocks.push(`${heading}:\n${mine.map((x) => (s.line as (i: unknown) => string)(x.item)).join('\n')}`);
    });
    const next = start + count < parts.length ? `${start + count}.${print}` : null;
    const page: Page = { cursor: options.cursor ?? null, nextCursor: next, sections: ranges, truncated: [...describeCuts(headCuts), ...truncated], maxTokens: MAX_RESULT_TOKENS };
    structured.page = page;
    if (next) {
      const left = parts.length - start - count;
      textBlocks.push(`${left.toLocaleString('en-US')} more item${left === 1 ? '' : 's'} on later pages: call ${options.tool} again with the same arguments and "cursor": "${next}".`);
    }
    if (page.truncated.length) textBlocks.push(`Cut to fit ${MAX_RESULT_TOKENS.toLocaleString('en-US')} tokens: ${page.truncated.join('; ')}.`);
    if (output.notes?.length) textBlocks.push(output.notes.join('\n'));
    return { text: textBlocks.filter((b) => b !== '').join('\n\n'), structured };
  };

  // The head alone must leave room for items: cut it to half the page if it is larger.
  if (resultChars(build(0)) > budget / 2) {
    head = structuredClone(head);
    while (resultChars(build(0)) > budget / 2 && cutOnce(head, headCuts, '')) {
      /* keep cutting */
    }
    if (resultChars(build(0)) > budget / 2) summary = `${summary.slice(0, Math.max(200, Math.floor(budget / 4)))}…`;
  }

  const remaining = parts.length - start;
  if (remaining === 0) return build(0);
  // Grow the page while it fits: doubling, then a binary search between the last fit and the first miss.
  let fit = 0;
  let miss = remaining + 1;
  for (let n = 1; n <= remaining; n = Math.min(n * 2, remaining)) {
    if (resultChars(build(n)) > budget) {
      miss = n;
      break;
    }
    fit = n;
    if (n === remaining) break;
  }
  while (miss - fit > 1) {
    const mid = Math.floor((fit + miss) / 2);
    if (resultChars(build(mid)) <= budget) fit = mid;
    else miss = mid;
  }
  if (fit > 0) return build(fit);

  // One item larger than a page: cut it down until it fits, and say what was cut.
  const first = parts[start]!;
  const item = structuredClone(first.item);
  const cuts = new Map<string, Cut>();
  const label = `${sections[first.section]!.path}${sections[first.section]!.single ? '' : `[${first.index}]`}`;
  let page = build(1, { at: 0, item }, []);
  while (resultChars(page) > budget && cutOnce(item, cuts, label)) page = build(1, { at: 0, item }, describeCuts(cuts));
  if (resultChars(page) > budget) {
    // Nothing left to cut (an object with thousands of keys): leave the item out and say so.
    page = build(1, { at: 0, item: OMITTED }, [...describeCuts(cuts), `${label}: too large to show here; run the same command with archie's CLI for all of it`]);
  }
  return page;
}
