import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/model/design.js';
import { diagrams } from '../../../src/render/diagrams/index.js';
import { renderReport } from '../../../src/render/html/report.js';
import { exampleDesigns } from '../diagrams/_examples.js';

/**
 * report.html in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
 * launched the way `archie verify` launches it: no console error, no failed or outside request,
 * every diagram laid out and painted (checked on screenshots), and a printable PDF.
 */

// Browser globals used inside page.evaluate callbacks (the project compiles without the DOM lib).
interface El {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { drawImage(img: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
declare const document: { querySelectorAll(selector: string): Iterable<El> & { length: number }; createElement(tag: 'canvas'): Canvas };
declare const Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };
declare const DOMParser: new () => { parseFromString(text: string, type: string): { querySelector(selector: string): { textContent: string | null } | null; documentElement: { nodeName: string } } };

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let dir: string;
let examples: Array<{ name: string; design: Design; file: string }> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archie-report-'));
  examples = [];
  for (const x of await exampleDesigns()) {
    const file = join(dir, `${x.name}.html`);
    await writeFile(file, renderReport(x.design, diagrams(x.design)));
    examples.push({ ...x, file });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Open a page and record everything that could go wrong while it loads. */
async function open(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, colorScheme });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems, requests };
}

/** Share of pixels in a PNG that differ from its most common colour (the background), and how many colours. */
async function ink(png: Buffer): Promise<{ width: number; height: number; inked: number; colours: number }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const total = data.length / 4;
      const bg = Math.max(...counts.values());
      return { width: c.width, height: c.height, inked: (total - bg) / total, colours: counts.size };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

describe.skipIf(!existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  it('loads every example without console errors or any request but the page itself', async () => {
    for (const x of examples) {
      // Dark mode is loaded for one example here; the painting test below covers it too.
      for (const scheme of x === examples[0] ? (['light', 'dark'] as const) : (['light'] as const)) {
        const { page, problems, requests } = await open(x.file, scheme);
        expect(problems, `${x.name} (${scheme})`).toEqual([]);
        expect(requests, `${x.name} (${scheme})`).toEqual([pathToFileURL(x.file).href]);
        await page.close();
      }
    }
  });

  it('lays out every diagram with exactly the model elements, and every chart', async () => {
    for (const x of examples) {
      const { page } = await open(x.file);
      const found = await page.evaluate(() => {
        const box = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height }));
        return {
          nodes: [...document.querySelectorAll('#diagram-architecture .adg-node')].map((e) => e.getAttribute('data-id')),
          entities: [...document.querySelectorAll('#diagram-er .adg-entity')].map((e) => e.getAttribute('data-entity')),
          messages: document.querySelectorAll('#diagram-sequence-main .adg-msg').length,
          diagramBoxes: box('figure.diagram svg'),
          chartBoxes: box('svg.chart'),
        };
      });
      const d = x.design;
      expect(found.nodes.sort(), x.name).toEqual([...d.components.map((c) => c.id), ...d.dataStores.map((s) => s.id)].sort());
      expect(found.entities.sort()).toEqual(d.entities.map((e) => e.name).sort());
      expect(found.messages).toBe(d.flows[0]!.steps.length);
      expect(found.diagramBoxes).toHaveLength(3);
      for (const b of [...found.diagramBoxes, ...found.chartBoxes]) {
        expect(b.w).toBeGreaterThan(200);
        expect(b.h).toBeGreaterThan(100);
      }
      expect(found.chartBoxes).toHaveLength(d.capacity.figures.length);
      await page.close();
    }
  });

  it('paints every diagram (screenshots are not blank) in light and dark mode', async () => {
    const x = examples.find((e) => e.name === 'chat') ?? examples[0]!;
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(x.file, scheme);
      for (const id of ['diagram-architecture', 'diagram-er', 'diagram-sequence-main']) {
        const shot = await page.locator(`#${id} svg`).screenshot();
        const r = await ink(shot);
        expect(r.width, `${id} ${scheme}`).toBeGreaterThan(300);
        expect(r.height).toBeGreaterThan(200);
        // Boxes, lines and text cover a real share of the picture, in several colours.
        expect(r.inked, `${id} ${scheme}`).toBeGreaterThan(0.03);
        expect(r.colours).toBeGreaterThan(8);
      }
      const chart = await ink(await page.locator('svg.chart').first().screenshot());
      expect(chart.inked).toBeGreaterThan(0.03);
      await page.close();
    }
  });

  it('parses the standalone SVG files as XML and prints to PDF', async () => {
    const x = examples[0]!;
    const { page } = await open(x.file);
    for (const dg of diagrams(x.design)) {
      const err = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return doc.querySelector('parsererror')?.textContent ?? (doc.documentElement.nodeName === 'svg' ? null : doc.documentElement.nodeName);
      }, dg.svg);
      expect(err, dg.name).toBeNull();
    }
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.close();
  });
});
