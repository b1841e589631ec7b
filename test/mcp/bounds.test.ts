import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/_run.js';
import { connect, text, tokens, type TestClient } from './_client.js';

/**
 * Issue 16's bound: every tool result fits in 10,000 tokens (characters ÷ 4 of the text plus the
 * structured content), with the summary first and the rest behind `cursor`; and arguments that do
 * not fit a tool come back as an isError result naming the argument and the fix. Checked for every
 * tool, on the inputs that flooded an agent before (the public API descriptions in the corpus).
 */

const CORPUS = '/work/shared/corpus/openapi';
const STRIPE = join(CORPUS, 'stripe-spec3.2023-09-12.yaml');
const GITHUB = join(CORPUS, 'github-api.github.com.2022-06.json');
const DISCORD = join(CORPUS, 'discord-openapi.json');
const PG = 'postgresql://postgres@127.0.0.1:5432/postgres';
const BOUND = 10_000;

interface PageInfo {
  cursor: string | null;
  nextCursor: string | null;
  sections: Array<{ path: string; from: number; to: number; total: number }>;
  truncated: string[];
}
type Result = Awaited<ReturnType<TestClient['callTool']>>;
const pageOf = (r: Result) => (r.structuredContent as { page: PageInfo }).page;

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'archie-mcp-bounds-')));
const folder = join(scratch, 'ecommerce');
const haveCorpus = existsSync(STRIPE) && existsSync(GITHUB) && existsSync(DISCORD);

let client: TestClient;
beforeAll(async () => {
  client = await connect({ roots: [ROOT, scratch, ...(haveCorpus ? [CORPUS] : [])] });
  const w = await client.callTool({ name: 'design', arguments: { brief: 'examples/ecommerce.yaml', out: folder } });
  expect(w.isError).toBeFalsy();
});
afterAll(async () => {
  await client?.close();
});

/** Call a tool and follow nextCursor to the end, checking the bound and the summary on every page. */
async function allPages(name: string, args: Record<string, unknown>, summary: RegExp, maxPages = 100): Promise<Result[]> {
  const pages: Result[] = [];
  let cursor: string | null = null;
  do {
    const r = await client.callTool({ name, arguments: { ...args, ...(cursor && { cursor }) } });
    expect(r.isError, text(r)).toBeFalsy();
    expect(tokens(r)).toBeLessThanOrEqual(BOUND);
    expect(text(r)).toMatch(summary);
    pages.push(r);
    cursor = pageOf(r).nextCursor;
  } while (cursor && pages.length < maxPages);
  expect(cursor).toBeNull();
  return pages;
}

/** Items of one section over all pages; the count must match the total every page reports. */
function collect<T>(pages: Result[], path: string): T[] {
  const got: T[] = [];
  for (const p of pages) {
    let v: unknown = p.structuredContent;
    for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (Array.isArray(v)) got.push(...(v as T[]));
  }
  const total = pageOf(pages[0]!).sections.find((s) => s.path === path)?.total;
  expect(got.length).toBe(total);
  return got;
}

describe('every tool result fits in 10,000 tokens, summary first, the rest paged', () => {
  it('capacity', async () => {
    const pages = await allPages('capacity', { brief: 'examples/chat.yaml' }, /^Capacity plan: /);
    expect(collect(pages, 'figures').length).toBeGreaterThan(10);
  });

  it('design with full: true gives the whole design.json over its pages', async () => {
    const pages = await allPages('design', { brief: 'examples/ecommerce.yaml', full: true }, /^.+\nStyle: /);
    expect(pages.length).toBeGreaterThan(2);
    // Reassembled, the pages are exactly the design.json the same server wrote for the same brief.
    const expected = JSON.parse(readFileSync(join(folder, 'design.json'), 'utf8')) as Record<string, unknown>;
    const got: Record<string, unknown> = {};
    // Lists continue from page to page; a large object comes without its lists, which follow it.
    const merge = (into: Record<string, unknown>, part: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(part)) {
        if (Array.isArray(v)) into[k] = [...((into[k] as unknown[]) ?? []), ...v];
        else if (v && typeof v === 'object' && into[k] && typeof into[k] === 'object') merge(into[k] as Record<string, unknown>, v as Record<string, unknown>);
        else into[k] = v;
      }
    };
    for (const p of pages) merge(got, (p.structuredContent as { design?: Record<string, unknown> }).design ?? {});
    expect(got).toEqual(expected);
    expect(pages.every((p) => pageOf(p).truncated.length === 0)).toBe(true);
  });

  it('verify', async () => {
    const pages = await allPages('verify', { dir: folder, only: ['design-json', 'openapi', 'asyncapi', 'compose'] }, /^(PASS|FAIL|NOTHING CHECKED): /);
    expect(collect(pages, 'checks').length).toBe(4);
  });

  it('scale at 100×', async () => {
    const pages = await allPages('scale', { dir: folder, factor: 100 }, /at 100× today's load: /);
    expect(collect(pages, 'resources').length).toBeGreaterThan(3);
  });

  it('diagnose', async () => {
    await allPages('diagnose', { url: PG }, /^Health check of postgres at /);
  });

  it.runIf(haveCorpus)('review with thousands of findings (Discord), every finding reachable, most severe first', async () => {
    const pages = await allPages('review', { paths: [DISCORD] }, /^Reviewed 1 file: /);
    expect(pages.length).toBeGreaterThan(2);
    const s = (pages[0]!.structuredContent as { summary: { errors: number; warnings: number; infos: number } }).summary;
    const findings = collect<{ severity: string }>(pages, 'findings');
    expect(findings.length).toBe(s.errors + s.warnings + s.infos);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(findings.every((f, i) => i === 0 || rank[findings[i - 1]!.severity]! <= rank[f.severity]!)).toBe(true);
  });

  it.runIf(haveCorpus)('migrate on GitHub\'s API, every context, phase and route reachable', async () => {
    const pages = await allPages('migrate', { openapi: GITHUB }, /^.+ operations on .+ paths .+ fall into \d+ bounded contexts\.\nExtraction order: /);
    const head = pages[0]!.structuredContent as { counts: { contexts: number; phases: number; routes: number } };
    expect(collect(pages, 'contexts').length).toBe(head.counts.contexts);
    expect(collect(pages, 'phases').length).toBe(head.counts.phases);
    expect(collect(pages, 'facade').length).toBe(head.counts.routes);
  });

  it.runIf(haveCorpus)('migrate on Stripe\'s API (194k tokens before): the first page', async () => {
    const r = await client.callTool({ name: 'migrate', arguments: { openapi: STRIPE } });
    expect(r.isError).toBeFalsy();
    expect(tokens(r)).toBeLessThanOrEqual(BOUND);
    expect(pageOf(r).nextCursor).toMatch(/^\d+\.[0-9a-f]{10}$/);
    expect(text(r)).toContain(`"cursor": "${pageOf(r).nextCursor}"`);
  });
});

describe('argument errors are isError results naming the argument and the fix, for every tool', () => {
  it.each([
    ['capacity', { dau: true }, /"dau" must be a string or a number, got true/],
    ['capacity', { dau: '2M', bogus: 1 }, /unknown argument "bogus"/],
    ['design', {}, /missing required argument "brief": pass a string \(brief: The brief as text/],
    ['design', { brief: 'x'.repeat(70_000) }, /"brief" must be at most 65,536 characters, got the string "x+…" \(70,000 characters\); shorten the brief/],
    ['design', { brief: 'examples/chat.yaml', force: 'yes' }, /"force" must be true or false, got the string "yes"/],
    ['verify', { dir: 3 }, /"dir" must be a string, got the number 3/],
    ['review', { paths: [] }, /"paths" must have at least 1 item/],
    ['review', { path: ['openapi.yaml'] }, /unknown argument "path": did you mean "paths"\?/],
    ['review', { paths: ['x'], minSeverity: 'high' }, /"minSeverity" must be one of "error", "warning", "info", got the string "high"/],
    ['scale', { brief: 'examples/chat.yaml', factor: 'ten' }, /"factor" must be a number, got the string "ten" \(factor: Multiple of today's load, 1 to 10,000/],
    ['scale', { brief: 'examples/chat.yaml' }, /missing required argument "factor"/],
    ['migrate', { openapi: 7 }, /"openapi" must be a string, got the number 7/],
    ['diagnose', { url: PG, poolSize: 2.5 }, /"poolSize" must be a whole number, got the number 2\.5/],
    ['diagnose', { url: PG, cursor: 'not-a-cursor' }, /cursor "not-a-cursor" is not one archie gave/],
  ])('%s %#', async (name, args, re) => {
    const r = await client.callTool({ name, arguments: args });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(re);
    expect(text(r)).not.toMatch(/Invalid input|"code":|internal error/);
    if (!/cursor/.test(JSON.stringify(args))) expect(text(r)).toContain(`${name} takes:\n`);
  });

  it.each([
    ['scale', { brief: 'examples/chat.yaml', factor: '10' }, 'factor: read "10" as the number 10'],
    ['review', { paths: 'test/migrate/fixtures/solidus-api.oas.yml' }, 'paths: read "test/migrate/fixtures/solidus-api.oas.yml" as the list ["test/migrate/fixtures/solidus-api.oas.yml"]'],
    ['design', { brief: 'examples/chat.yaml', full: 'false' }, 'full: read "false" as false'],
    ['diagnose', { url: PG, checks: ['connections'], poolSize: '20' }, 'poolSize: read "20" as the number 20'],
  ])('%s coerces an unambiguous %j and says so', async (name, args, note) => {
    const r = await client.callTool({ name, arguments: args });
    expect(r.isError, text(r)).toBeFalsy();
    expect(text(r)).toContain(`Arguments read: ${note}.`);
  });
});
