/**
 * `archie verify` of a fresh example design, end to end as a user runs it: a new process each
 * time (so PGlite start-up, the 100,000-row data generation, Chromium and every validator are
 * included), a few runs, the wall time of each and the split per check (median).
 *
 *   node --import tsx bench/verify.ts [example] [runs]      (default: chat.yaml, 3 runs)
 *
 * Uses the built CLI (dist/cli.js; `npm run bench` builds first) and falls back to the sources
 * through tsx, which adds the TypeScript transform to every start. The machine's load average is
 * printed too: on a shared machine it explains most of the spread.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VerifyReport } from '../src/verify/index.js';

const root = resolve(import.meta.dirname, '..');
const example = process.argv[2] ?? 'chat.yaml';
const runs = Number(process.argv[3] ?? 3);
const cli = existsSync(join(root, 'dist/cli.js')) ? [join(root, 'dist/cli.js')] : ['--import', 'tsx', join(root, 'src/cli/main.ts')];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** CPU milliseconds used by finished child processes (Linux /proc; Chromium's processes included). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) in clock ticks (100 per second on Linux).
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const work = await mkdtemp(join(tmpdir(), 'archie-bench-verify-'));
const dir = join(work, 'design');
const designed = spawnSync(process.execPath, [...cli, 'design', join(root, 'examples', example), '--out', dir, '--quiet'], { cwd: root, encoding: 'utf8' });
if (designed.status !== 0) {
  console.error(designed.stderr);
  process.exit(1);
}

console.log(`archie verify ${example} (${cli[0]!.endsWith('cli.js') ? 'dist/cli.js' : 'sources via tsx'}), ${runs} runs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const walls: number[] = [];
const cpus: number[] = [];
const perCheck = new Map<string, number[]>();
let detail = '';
for (let i = 0; i < runs; i++) {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...cli, 'verify', dir, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t0;
  const c1 = childrenCpuMs();
  const cpu = c0 !== undefined && c1 !== undefined ? c1 - c0 : undefined;
  if (cpu !== undefined) cpus.push(cpu);
  const report = JSON.parse(r.stdout) as VerifyReport;
  if (!report.ok) {
    console.error(`run ${i + 1}: verify failed:\n${report.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.summary}`).join('\n')}`);
    process.exit(1);
  }
  walls.push(wall);
  for (const c of report.checks) perCheck.set(c.id, [...(perCheck.get(c.id) ?? []), c.durationMs]);
  detail = report.checks.find((c) => c.id === 'index-usage')?.evidence[0]?.message ?? '';
  console.log(`  run ${i + 1}: ${fmt(wall)} wall (the report's own total ${fmt(report.durationMs)})${cpu !== undefined ? `, ${fmt(cpu)} CPU over all processes` : ''}`);
}
console.log(`median ${fmt(median(walls))}, best ${fmt(Math.min(...walls))}; target < 10 s${cpus.length ? `; CPU median ${fmt(median(cpus))} (on ${availableParallelism()} cores)` : ''}`);
console.log('\nper check (median; the embedded-PostgreSQL checks run in their own lane beside the others):');
for (const [id, ms] of perCheck) console.log(`  ${id.padEnd(18)} ${fmt(median(ms)).padStart(8)}`);
console.log(`\ngenerated data: ${detail}`);
await rm(work, { recursive: true, force: true });
