import { describe, expect, it } from 'vitest';
import { MAX_RESULT_TOKENS, paginate, resultChars, type Page, type Rendered, type ToolOutput } from '../../src/mcp/_page.js';

const LIMIT = MAX_RESULT_TOKENS * 4;

interface Item {
  id: number;
  text: string;
  tags: string[];
}

function items(n: number, size: number): Item[] {
  return Array.from({ length: n }, (_, id) => ({ id, text: `item ${id} `.padEnd(size, 'x'), tags: [`t${id % 7}`] }));
}

function output(list: Item[], extra: Partial<ToolOutput> = {}): ToolOutput {
  return {
    head: { total: list.length },
    summary: `SUMMARY: ${list.length} items`,
    sections: [
      { path: 'items', title: 'Items', items: list, line: (i: Item) => `- ${i.id}: ${i.text}` },
      { path: 'nested.more', title: 'More', items: list.slice(0, 3), line: (i: Item) => `- more ${i.id}` },
    ],
    ...extra,
  };
}

/** Every page from the first, following nextCursor. */
function all(out: ToolOutput, maxChars?: number): Rendered[] {
  const pages: Rendered[] = [];
  let cursor: string | undefined;
  do {
    const p = paginate(out, { tool: 't', cursor, ...(maxChars !== undefined && { maxChars }) });
    pages.push(p);
    cursor = (p.structured.page as Page).nextCursor ?? undefined;
  } while (cursor && pages.length < 1000);
  return pages;
}

describe('paginate', () => {
  it.each([
    ['nothing', 0, 10],
    ['a few small items', 5, 50],
    ['many small items', 5000, 80],
    ['fewer large items', 60, 3000],
  ])('keeps every page of %s under the bound, summary first, and loses no item', (_what, n, size) => {
    const list = items(n, size);
    const pages = all(output(list));
    for (const p of pages) {
      expect(resultChars(p)).toBeLessThanOrEqual(LIMIT);
      expect(p.text.startsWith(`SUMMARY: ${n} items`)).toBe(true);
      expect(p.structured.total).toBe(n);
    }
    const got = pages.flatMap((p) => (p.structured.items as Item[] | undefined) ?? []);
    expect(got).toEqual(list);
    const more = pages.flatMap((p) => ((p.structured.nested as { more?: Item[] } | undefined)?.more) ?? []);
    expect(more).toEqual(list.slice(0, 3));
    const last = pages[pages.length - 1]!.structured.page as Page;
    expect(last.nextCursor).toBeNull();
    if (pages.length > 1) expect(pages[0]!.text).toContain(`"cursor": "${(pages[0]!.structured.page as Page).nextCursor}"`);
  });

  it('fills pages: each page but the last is at least half full', () => {
    const pages = all(output(items(3000, 120)));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages.slice(0, -1)) expect(resultChars(p)).toBeGreaterThan(LIMIT / 2);
  });

  it('reports the range of each list on the page', () => {
    const pages = all(output(items(400, 200)));
    const first = (pages[0]!.structured.page as Page).sections.find((s) => s.path === 'items')!;
    expect(first.from).toBe(1);
    expect(first.total).toBe(400);
    const second = (pages[1]!.structured.page as Page).sections.find((s) => s.path === 'items')!;
    expect(second.from).toBe(first.to + 1);
  });

  it('cuts an item larger than a page and says what was cut', () => {
    const huge = { id: 1, text: 'big', tags: Array.from({ length: 20_000 }, (_, i) => `tag-${i}`) };
    const pages = all({ head: {}, summary: 'S', sections: [{ path: 'items', title: 'Items', items: [huge, { id: 2, text: 'small', tags: [] }], line: (i: Item) => `- ${i.id} ${i.tags.join(',')}` }] });
    expect(pages).toHaveLength(2);
    for (const p of pages) expect(resultChars(p)).toBeLessThanOrEqual(LIMIT);
    const page = pages[0]!.structured.page as Page;
    expect(page.truncated[0]).toMatch(/^items\[0\]\.tags: [\d,]+ of 20,000 items shown$/);
    expect((pages[0]!.structured.items as Item[])[0]!.tags.length).toBeLessThan(20_000);
    expect(pages[0]!.text).toMatch(/Cut to fit 10,000 tokens: items\[0\]\.tags/);
    expect((pages[1]!.structured.items as Item[])[0]!.id).toBe(2);
  });

  it('cuts a head larger than half a page', () => {
    const p = paginate({ head: { notes: Array.from({ length: 5000 }, (_, i) => `note ${i}`) }, summary: 'S', sections: [] }, { tool: 't' });
    expect(resultChars(p)).toBeLessThanOrEqual(LIMIT / 2 + 1000);
    expect((p.structured.page as Page).truncated[0]).toMatch(/^notes: [\d,]+ of 5,000 items shown$/);
  });

  it.each([
    ['not one archie gave', 'abc', /cursor "abc" is not one archie gave/],
    ['from a result that changed since', '1.0123456789', /the result changed since that cursor was given/],
  ])('refuses a cursor %s', (_what, cursor, re) => {
    expect(() => paginate(output(items(2000, 100)), { tool: 't', cursor })).toThrow(re);
  });

  it('refuses a cursor past the end', () => {
    const out = output(items(2000, 100));
    const next = (paginate(out, { tool: 't' }).structured.page as Page).nextCursor!;
    const past = next.replace(/^\d+/, '99999');
    expect(() => paginate(out, { tool: 't', cursor: past })).toThrow(/points past the end/);
  });

  it('gives the same pages for the same output, timings aside', () => {
    const a = items(1000, 100).map((i) => ({ ...i, durationMs: Math.random() }));
    const b = a.map((i) => ({ ...i, durationMs: Math.random() }));
    const cursor = (paginate(output(a as Item[]), { tool: 't' }).structured.page as Page).nextCursor!;
    expect(() => paginate(output(b as Item[]), { tool: 't', cursor })).not.toThrow();
  });
});
