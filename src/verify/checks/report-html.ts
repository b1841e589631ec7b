import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Check } from '../_check.js';
import { failed, outcome, plural, skipped, type Evidence } from '../report.js';
import { svgText } from '../_diagrams.js';

const FILE = 'report.html';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Chromium flags: headless, no sandbox (containers), and nothing that phones home. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface SvgInfo {
  title: string;
  width: number;
  height: number;
  /** Distinct colours among sampled pixels when the SVG is drawn onto a canvas (1 = blank). */
  colours: number;
  /** Why drawing failed, if it did. */
  drawError: string | null;
  /** Drawn onto a canvas (diagrams, and any SVG with a title). */
  drawn: boolean;
}

/**
 * Runs in the page (plain JavaScript: archie is not compiled against the DOM types). For every
 * top-level SVG: its title, its box, and how many distinct colours it has when drawn onto a canvas
 * from its own markup (a data: URL, which is not a network request).
 */
const SVG_PROBE = `(async () => {
  const all = [...document.querySelectorAll('svg')].filter((s) => !s.parentElement || !s.parentElement.closest('svg'));
  const out = [];
  for (const svg of all) {
    const box = svg.getBoundingClientRect();
    const t = svg.querySelector(':scope > title');
    const title = ((t && t.textContent) || svg.getAttribute('aria-label') || '').trim();
    let colours = 2;
    let drawError = null;
    let drawn = false;
    // Drawing to a canvas proves the markup renders; done for the diagrams (the charts are small
    // inline SVGs whose boxes are checked like everything else).
    if (svg.classList.contains('adg') || svg.querySelector(':scope > title')) try {
      colours = 0;
      const w = Math.max(1, Math.round(box.width));
      const h = Math.max(1, Math.round(box.height));
      const img = new Image();
      await new Promise((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('the SVG does not load as an image'));
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      });
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      const px = g.getImageData(0, 0, w, h).data;
      const seen = new Set();
      const step = Math.max(1, Math.floor((w * h) / 20000));
      for (let i = 0; i < w * h && seen.size < 3; i += step) seen.add(px[i * 4] + ',' + px[i * 4 + 1] + ',' + px[i * 4 + 2] + ',' + px[i * 4 + 3]);
      colours = seen.size;
      drawn = true;
    } catch (e) {
      drawError = e.message;
    }
    out.push({ title, width: box.width, height: box.height, colours, drawError, drawn });
  }
  return out;
})()`;

/** The root <title> of an SVG file: how a diagram is found again inside the report. */
function svgTitle(svg: string): string | undefined {
  const m = /<svg\b[^>]*>\s*<title\b[^>]*>([\s\S]*?)<\/title>/.exec(svg);
  return m ? svgText(m[1]!).trim() : undefined;
}

/**
 * report.html opens in real headless Chromium (Debian's package, driven by playwright-core, with
 * a fresh profile) without console errors, page errors or any network request (every request
 * other than the file itself is blocked and reported), and every SVG in it renders: a non-zero
 * box, pixels when drawn, and a screenshot; each diagram of diagrams/ is among them.
 */
export const check: Check = {
  id: 'report-html',
  title: 'report.html renders in headless Chromium with no errors or requests',
  async run(ctx) {
    const f = await ctx.read(FILE);
    if (!f.ok) return failed(`${FILE} cannot be read`, [{ subject: FILE, ok: false, file: FILE, message: f.missing ? `${FILE} is missing` : f.message }]);
    const executable = ctx.options.chromiumPath ?? DEFAULT_CHROMIUM;
    try {
      await access(executable, constants.X_OK);
    } catch {
      return skipped(`Chromium not found at ${executable}`, 'install it (Debian/Ubuntu: apt-get install chromium) or pass its path; CI installs it');
    }
    const { chromium } = await import('playwright-core');
    const profile = await mkdtemp(join(tmpdir(), 'archie-chromium-'));
    const evidence: Evidence[] = [];
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    const t0 = performance.now();
    let context;
    try {
      context = await chromium.launchPersistentContext(profile, { executablePath: executable, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, timeout: 30_000 });
    } catch (e) {
      await rm(profile, { recursive: true, force: true });
      return failed('Chromium did not start', [{ subject: 'chromium', ok: false, message: `cannot launch ${executable}: ${(e as Error).message.split('\n')[0]}` }], 'check that the Chromium at that path runs headless (chromium --headless --no-sandbox --dump-dom about:blank)');
    }
    try {
      const url = pathToFileURL(join(ctx.root, FILE)).href;
      await context.route('**/*', async (route) => {
        const u = route.request().url();
        if (u === url) return route.continue();
        requests.push(u);
        return route.abort('blockedbyclient');
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
      const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      const cdp = await context.newCDPSession(page);
      const product = ((await cdp.send('Browser.getVersion')) as { product?: string }).product ?? '';
      const version = /\/([\d.]+)/.exec(product)?.[1] ?? 'unknown';
      ctx.tools.set('Chromium', `${version} (${executable})`);
      const loadMs = performance.now() - t0;
      evidence.push({ subject: FILE, ok: response?.ok() ?? true, file: FILE, message: `opened in headless Chromium ${version}`, durationMs: loadMs });
      const svgs = (await page.evaluate(SVG_PROBE)) as SvgInfo[];
      const blank = svgs.filter((s) => s.width <= 0 || s.height <= 0 || s.colours < 2);
      for (const s of blank) {
        evidence.push({ subject: s.title || 'svg', ok: false, file: FILE, message: `SVG "${s.title || '(untitled)'}" does not render: ${s.width <= 0 || s.height <= 0 ? `its box is ${Math.round(s.width)}×${Math.round(s.height)}` : s.drawError ?? 'it draws no visible pixels'}` });
      }
      if (svgs.length && blank.length === 0) {
        const drawn = svgs.filter((x) => x.drawn).length;
        evidence.push({ subject: 'svg', ok: true, file: FILE, message: `all ${plural(svgs.length, 'SVG')} have a non-zero box; the ${plural(drawn, 'titled SVG')} (the diagrams) draw visible pixels on a canvas` });
      }
      // Every diagram file must be in the report, rendered.
      const diagramFiles = await ctx.list('diagrams', ['.svg']);
      const shotDir = ctx.options.screenshotDir;
      if (shotDir) await mkdir(shotDir, { recursive: true });
      for (const rel of diagramFiles) {
        const file = await ctx.read(rel);
        const title = file.ok ? svgTitle(file.text) : undefined;
        if (!title) {
          evidence.push({ subject: rel, ok: false, file: rel, message: `${rel} has no <title>, so it cannot be found in ${FILE}` });
          continue;
        }
        const info = svgs.find((s) => s.title === title);
        if (!info) {
          evidence.push({ subject: rel, ok: false, file: FILE, message: `${FILE} does not contain the diagram of ${rel} ("${title}")` });
          continue;
        }
        if (info.width <= 0 || info.height <= 0) continue; // reported above; nothing to screenshot
        const handle = await page.evaluateHandle(`[...document.querySelectorAll('svg')].find((s) => (s.querySelector(':scope > title')?.textContent ?? '').trim() === ${JSON.stringify(title)}) ?? null`);
        const el = handle.asElement();
        const shot = el ? await el.screenshot({ type: 'png', timeout: 10_000 }) : undefined;
        const png = shot !== undefined && shot.length > 100 && shot.subarray(1, 4).toString('latin1') === 'PNG';
        if (shot && shotDir) await writeFile(join(shotDir, `${rel.slice('diagrams/'.length).replace(/\.svg$/, '')}.png`), shot);
        evidence.push(
          png && info.colours >= 2 && info.width > 0
            ? { subject: rel, ok: true, file: FILE, message: `diagram "${title}" renders at ${Math.round(info.width)}×${Math.round(info.height)} px (screenshot ${plural(shot!.length, 'byte')})` }
            : { subject: rel, ok: false, file: FILE, message: `diagram "${title}" does not render to a screenshot` },
        );
      }
      if (shotDir) await writeFile(join(shotDir, 'report.png'), await page.screenshot({ fullPage: true, type: 'png' }));
      for (const m of consoleErrors.slice(0, 10)) evidence.push({ subject: 'console', ok: false, file: FILE, message: `console error: ${m}` });
      for (const r of [...new Set(requests)].slice(0, 10)) evidence.push({ subject: 'network', ok: false, file: FILE, message: `the page requested ${r} (blocked: the report must be self-contained)` });
      if (consoleErrors.length === 0 && requests.length === 0) evidence.push({ subject: 'network', ok: true, file: FILE, message: 'no console errors and no network requests' });
    } catch (e) {
      evidence.push({ subject: FILE, ok: false, file: FILE, message: `Chromium could not check the page: ${(e as Error).message.split('\n')[0]}` });
    } finally {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    }
    return outcome(evidence, { passed: `${FILE} renders in Chromium, self-contained, every diagram drawn`, failed: (n) => `${FILE}: ${plural(n, 'problem')} in Chromium` }, 'fix the page (it must load no external resource and raise no error), or regenerate it');
  },
};
