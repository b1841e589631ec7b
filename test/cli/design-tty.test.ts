import { spawnSync } from 'node:child_process';
import { type Dirent, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { titleSlug } from '../../src/cli/commands/design.js';
import { DesignSchema, type Design } from '../../src/model/design.js';
import { archie, CLI, ROOT } from './_run.js';

/**
 * `archie design` on a terminal prints a summary and writes the full design to
 * ./archie-design/<slug>/; through a pipe it prints the whole Markdown document, as before. The
 * terminal is a real pseudo-terminal: util-linux `script` runs the built CLI with its stdout on a
 * pty (`script -qec CMD /dev/null`), so `process.stdout.isTTY` is true exactly as for a person.
 */

const CHAT = join(ROOT, 'examples/chat.yaml');
const SLUG = 'team-chat-for-a-european-saas-company';
const ESC = '\u001b';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const SECTIONS = ['Kind of system', 'Workload', 'Key decisions', 'Key figures (now → 1 year)', 'Availability and cost', 'Needs a human decision', 'Open questions', 'Full design'];

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'archie-tty-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sh = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

interface TtyRun {
  code: number;
  /** stdout and stderr as the terminal showed them (a pty merges them), with \r\n made \n. */
  screen: string;
}

/** Run the built CLI with its stdout, stderr and stdin on a pseudo-terminal of `cols` columns. */
function onTerminal(args: string[], opts: { cwd: string; color?: boolean; cols?: number }): TtyRun {
  expect(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first (npm test does)').toBe(true);
  const which = spawnSync('script', ['--version'], { encoding: 'utf8' });
  expect(which.status, 'util-linux `script` is needed to run archie on a pseudo-terminal (apt-get install util-linux)').toBe(0);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: opts.color ? undefined : '1', FORCE_COLOR: undefined, TERM: 'xterm' };
  const cmd = `${opts.cols ? `stty cols ${opts.cols} rows 50 && ` : ''}exec ${[process.execPath, CLI, ...args].map(sh).join(' ')}`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: opts.cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return { code: r.status ?? -1, screen: r.stdout.replace(/\r\n/g, '\n').replace(/\r/g, '') };
}

const width = (line: string) => [...line.replace(ANSI, '')].length;

/** Every file under a folder, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

describe('archie design on a terminal', () => {
  it('prints the summary a person reads first, at most 100 columns, and writes the full design to ./archie-design/<slug>/', () => {
    const cwd = tmp();
    const r = onTerminal(['design', CHAT], { cwd });
    expect(r.code, r.screen).toBe(0);
    const lines = r.screen.split('\n');
    expect(r.screen).not.toContain(ESC);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(100);
    expect(lines.length).toBeLessThan(160);
    expect(r.screen).not.toContain('# Backend Architecture');
    expect(r.screen).not.toMatch(/^\|/m);

    // The sections, in order, after the title and the one-line summary.
    const folder = join(cwd, 'archie-design', SLUG);
    const d: Design = DesignSchema.parse(JSON.parse(readFileSync(join(folder, 'design.json'), 'utf8')));
    const at = [d.title, ...SECTIONS].map((s) => lines.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const section = (name: string) => {
      const from = lines.indexOf(name) + 1;
      const next = lines.findIndex((l, i) => i > from && SECTIONS.includes(l));
      return lines.slice(from, next < 0 ? undefined : next).join('\n');
    };
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(r.screen).toContain(d.summary.split(' ').slice(0, 6).join(' '));
    expect(section('Kind of system')).toContain(d.requirements.archetype.name);
    for (const o of d.requirements.workload.operations) expect(section('Workload')).toContain(o.name);
    for (const x of d.decisions.filter((x) => x.significant)) {
      for (const w of words(`${x.title} ${x.chosen}`)) expect(section('Key decisions'), x.title).toContain(w);
    }
    expect(section('Key figures (now → 1 year)')).toMatch(/Peak requests\/s +8,333 req\/s +→ +[\d,]+ req\/s/);
    expect(section('Availability and cost')).toMatch(/target: meets it/);
    expect(section('Availability and cost')).toContain(`$${Math.round(d.cost.totalMonthlyUsd).toLocaleString('en-US')} at launch`);
    expect(d.escalations.length).toBeGreaterThan(0);
    for (const e of d.escalations) for (const w of words(e.topic)) expect(section('Needs a human decision'), e.topic).toContain(w);

    // The folder was written, and the summary says where and what.
    const files = filesUnder(folder).filter((f) => f !== '.archie-manifest.json');
    expect(files).toEqual(expect.arrayContaining(['ARCHITECTURE.md', 'design.json', 'openapi.yaml', 'schema.sql', 'report.html']));
    expect(existsSync(join(folder, '.archie-manifest.json'))).toBe(true);
    expect(section('Full design')).toContain(`Written to archie-design/${SLUG}/ (${files.length} files):`);
    const adr = files.filter((f) => f.startsWith('adr/')).length;
    expect(section('Full design')).toContain(`adr/ (${adr} files)`);
    for (const f of files.filter((f) => !f.includes('/'))) expect(section('Full design')).toContain(f);
    // The same files, byte for byte, as --out writes.
    const out = join(tmp(), 'o');
    expect(archie(['-q', 'design', CHAT, '--out', out]).code).toBe(0);
    for (const f of files) expect(readFileSync(join(folder, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  });

  it('colours the summary through Output unless NO_COLOR, and colour never widens a line', () => {
    const r = onTerminal(['-q', 'design', CHAT], { cwd: tmp(), color: true });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`${ESC}[`);
    for (const l of r.screen.split('\n')) expect(width(l), l).toBeLessThanOrEqual(100);
    expect(r.screen.replace(ANSI, '')).toContain('Key decisions');
  });

  it('fits a narrower terminal', () => {
    const r = onTerminal(['-q', 'design', CHAT], { cwd: tmp(), cols: 72 });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('Key decisions');
    for (const l of r.screen.split('\n')) expect(width(l), l).toBeLessThanOrEqual(72);
  });

  it('writes again over its own folder, keeping what the user added there', () => {
    const cwd = tmp();
    expect(onTerminal(['-q', 'design', CHAT], { cwd }).code).toBe(0);
    const folder = join(cwd, 'archie-design', SLUG);
    writeFileSync(join(folder, 'my-notes.md'), 'mine');
    const again = onTerminal(['-q', 'design', CHAT], { cwd });
    expect(again.code, again.screen).toBe(0);
    expect(again.screen).toContain(`Written to archie-design/${SLUG}/`);
    expect(readFileSync(join(folder, 'my-notes.md'), 'utf8')).toBe('mine');
  });

  it('never writes into a folder archie did not write: summary first, then the reason and --out, exit 2', () => {
    const cwd = tmp();
    const folder = join(cwd, 'archie-design', SLUG);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'design.json'), '{"mine": true}\n');
    const r = onTerminal(['-q', 'design', CHAT], { cwd });
    expect(r.code, r.screen).toBe(2);
    const summaryAt = r.screen.indexOf('Key decisions');
    const errorAt = r.screen.indexOf('error:');
    expect(summaryAt).toBeGreaterThan(0);
    expect(errorAt).toBeGreaterThan(summaryAt);
    expect(r.screen).toMatch(/Not written/);
    expect(r.screen.slice(errorAt)).toMatch(/already exists and is not empty/);
    expect(r.screen.slice(errorAt)).toMatch(/--out DIR/);
    expect(r.screen).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(folder)).toEqual(['design.json']);
    expect(readFileSync(join(folder, 'design.json'), 'utf8')).toBe('{"mine": true}\n');
  });

  it('says so when the default folder cannot be made (archie-design is a file)', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'archie-design'), 'not a folder');
    const r = onTerminal(['-q', 'design', CHAT], { cwd });
    expect(r.code, r.screen).toBe(2);
    expect(r.screen.indexOf('error:')).toBeGreaterThan(r.screen.indexOf('Full design'));
    expect(r.screen).toMatch(/a part of its path is a file/);
    expect(r.screen).toMatch(/--out DIR/);
    expect(readFileSync(join(cwd, 'archie-design'), 'utf8')).toBe('not a folder');
  });

  it('keeps --format md, --json and --out as they are, and writes no default folder for them', () => {
    const cwd = tmp();
    const md = onTerminal(['-q', 'design', CHAT, '--format', 'md'], { cwd });
    expect(md.code).toBe(0);
    expect(md.screen.startsWith('# Backend Architecture:')).toBe(true);
    const json = onTerminal(['-q', 'design', CHAT, '--json'], { cwd });
    expect(json.code).toBe(0);
    expect(DesignSchema.safeParse(JSON.parse(json.screen)).success).toBe(true);
    const out = onTerminal(['-q', 'design', CHAT, '--out', 'mine'], { cwd });
    expect(out.code).toBe(0);
    expect(out.screen).toMatch(/wrote \d+ files to mine/);
    const explain = onTerminal(['-q', 'design', CHAT, '--explain'], { cwd });
    expect(explain.code).toBe(0);
    expect(explain.screen).toContain('What archie read in the brief');
    expect(readdirSync(cwd)).toEqual(['mine']);
  });
});

describe('archie design through a pipe', () => {
  it('prints the full Markdown, byte-identical to --format md, and writes nothing', () => {
    const cwd = tmp();
    const piped = spawnSync(process.execPath, [CLI, '-q', 'design', CHAT], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const md = spawnSync(process.execPath, [CLI, '-q', 'design', CHAT, '--format', 'md'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(piped.status).toBe(0);
    expect(md.status).toBe(0);
    expect(piped.stdout.startsWith('# Backend Architecture:')).toBe(true);
    expect(piped.stdout).toBe(md.stdout);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('the default folder name', () => {
  it.each([
    ['Team chat for a European SaaS company', 'team-chat-for-a-european-saas-company'],
    ['150M daily users, each posting 0.5 tweets a day', '150m-daily-users-each-posting-0-5-tweets-a-day'],
    ['Café Zürich: orders & payments', 'cafe-zurich-orders-payments'],
    ['../../etc/passwd', 'etc-passwd'],
    ['日本語のチャット', 'design'],
    ['', 'design'],
    ['a'.repeat(200), 'a'.repeat(60)],
    [`${'word '.repeat(30)}end`, 'word-word-word-word-word-word-word-word-word-word-word-word'],
  ])('%j → %j', (title, slug) => {
    const s = titleSlug(title);
    expect(s).toBe(slug);
    expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(s.length).toBeLessThanOrEqual(60);
  });
});
