/**
 * Benchmark: `archie review` against Spectral (spectral:oas) and Redocly (recommended) on the
 * OpenAPI corpus, all three measured in the same run, one tool at a time.
 *
 *   node --import tsx bench/review.ts [--runs N] [--only substr] [--skip-spectral-largest] [--no-build]
 *
 * The peers are installed on first use into bench/.peers (gitignored, outside the project's
 * dependency tree), with the versions and rulesets of ../shared/corpus/openapi/BASELINES.md.
 * Wall time and peak RSS come from `/usr/bin/time -v` when present (else wall time only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const corpus = resolve(repo, '../shared/corpus/openapi');
const peers = join(here, '.peers');
const out = join(peers, 'results');

const SPECS = [
  'discord-openapi.json',
  'twilio-api-v2010.json',
  'openai-openapi.yaml',
  'github-api.github.com.2022-06.json',
  'stripe-spec3.2023-09-12.yaml',
  'digitalocean/DigitalOcean-public.v2.yaml',
  'github-api.github.com.octokit-openapi-23.0.2.json',
];
const LARGEST = 'github-api.github.com.octokit-openapi-23.0.2.json';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(value('--runs') ?? 1);
const only = value('--only');
const skipSpectralLargest = flag('--skip-spectral-largest');

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' };
const hasTime = existsSync('/usr/bin/time');

function ensurePeers(): void {
  const spectral = join(peers, 'node_modules/.bin/spectral');
  const redocly = join(peers, 'node_modules/.bin/redocly');
  if (!existsSync(spectral) || !existsSync(redocly)) {
    console.error('installing peers into bench/.peers (first run only)…');
    mkdirSync(peers, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '@stoplight/spectral-cli@6.16.3', '@redocly/cli@2.77.0'], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('npm install of the peers failed');
  }
  mkdirSync(join(peers, 'rulesets'), { recursive: true });
  // Spectral's default OAS ruleset, exactly as BASELINES.md; Redocly uses its built-in
  // "recommended" ruleset because no redocly.yaml exists up the tree from bench/.peers.
  writeFileSync(join(peers, 'rulesets/spectral-oas.yaml'), 'extends: ["spectral:oas"]\n');
  writeFileSync(join(here, '.gitignore'), '.peers/\n');
}

interface Measure {
  wall: number;
  rssMiB: number | undefined;
  status: number | null;
  problems: number | undefined;
}

function measure(cmd: string[], cwd: string, stdoutFile: string, count: (file: string) => number | undefined): Measure {
  const timeFile = `${stdoutFile}.time`;
  const argv = hasTime ? ['/usr/bin/time', '-v', '-o', timeFile, ...cmd] : cmd;
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const elapsed = (performance.now() - t0) / 1000;
  writeFileSync(stdoutFile, r.stdout ?? '');
  let wall = elapsed;
  let rssMiB: number | undefined;
  if (hasTime && existsSync(timeFile)) {
    const t = readFileSync(timeFile, 'utf8');
    const w = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(t);
    if (w) wall = Number(w[1] ?? 0) * 3600 + Number(w[2]) * 60 + Number(w[3]);
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) rssMiB = Number(m[1]) / 1024;
  }
  let problems: number | undefined;
  try {
    problems = count(stdoutFile);
  } catch {
    problems = undefined;
  }
  return { wall, rssMiB, status: r.status, problems };
}

function median(ms: Measure[]): Measure {
  const sorted = [...ms].sort((a, b) => a.wall - b.wall);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  ensurePeers();
  if (!flag('--no-build')) {
    console.error('building archie (npm run build)…');
    const b = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit', env });
    if (b.status !== 0) throw new Error('build failed');
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const archieCli = join(repo, 'dist/cli.js');
  const spectralBin = join(peers, 'node_modules/.bin/spectral');
  const redoclyBin = join(peers, 'node_modules/.bin/redocly');
  const rows: string[][] = [];
  for (const spec of SPECS.filter((s) => !only || s.includes(only))) {
    const path = join(corpus, spec);
    const size = spec.startsWith('digitalocean/') ? dirSize(dirname(path)) : statSync(path).size;
    const name = spec.replace(/\//g, '_');
    const tools: { tool: string; m: Measure }[] = [];
    const run = (tool: string, cmd: string[], cwd: string, count: (file: string) => number | undefined): void => {
      const ms: Measure[] = [];
      for (let i = 0; i < runs; i++) {
        console.error(`  ${tool} ${spec} run ${i + 1}/${runs}`);
        ms.push(measure(cmd, cwd, join(out, `${tool}.${name}.${i}.out`), count));
      }
      tools.push({ tool, m: median(ms) });
    };
    run('archie', ['node', archieCli, 'review', path, '--format', 'json', '--quiet'], repo, (f) => {
      const j = JSON.parse(readFileSync(f, 'utf8')) as { findings: unknown[] };
      return j.findings.length;
    });
    if (!(skipSpectralLargest && spec === LARGEST)) {
      const spectralOut = join(out, `spectral.${name}.json`);
      run('spectral', ['node', spectralBin, 'lint', '-r', join(peers, 'rulesets/spectral-oas.yaml'), '-f', 'json', '-o', spectralOut, path], peers, () => {
        return (JSON.parse(readFileSync(spectralOut, 'utf8')) as unknown[]).length;
      });
    }
    run('redocly', ['node', redoclyBin, 'lint', '--format=json', '--max-problems=10000000', path], peers, (f) => {
      const j = JSON.parse(readFileSync(f, 'utf8')) as { problems: unknown[] };
      return j.problems.length;
    });
    const a = tools.find((t) => t.tool === 'archie')!.m;
    const s = tools.find((t) => t.tool === 'spectral')?.m;
    const r = tools.find((t) => t.tool === 'redocly')!.m;
    const fmt = (m: Measure | undefined): string => (m ? `${m.wall.toFixed(2)} s / ${m.rssMiB?.toFixed(0) ?? '?'} MiB / ${m.problems ?? '?'}${m.status !== null && m.status > 1 ? ` (exit ${m.status})` : ''}` : 'skipped');
    const ratio = (x: number | undefined, y: number | undefined): string => (x !== undefined && y !== undefined && y > 0 ? `${(x / y).toFixed(1)}x` : '-');
    rows.push([
      `${spec} (${(size / 1048576).toFixed(1)} MB)`,
      fmt(a),
      fmt(s),
      fmt(r),
      ratio(s?.wall, a.wall),
      ratio(r.wall, a.wall),
      ratio(s?.rssMiB, a.rssMiB),
      ratio(r.rssMiB, a.rssMiB),
    ]);
  }
  const header = ['spec', 'archie: wall / RSS / findings', 'Spectral spectral:oas', 'Redocly recommended', 'time Spectral/archie', 'time Redocly/archie', 'RSS Spectral/archie', 'RSS Redocly/archie'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  console.log(`\nmedian of ${runs} run${runs === 1 ? '' : 's'} per tool and spec; ratios > 1x mean archie is faster / smaller\n`);
  console.log(table);
}

function dirSize(dir: string): number {
  const r = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number(r.stdout.split('\t')[0] ?? 0);
}

main();
