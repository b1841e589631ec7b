/**
 * archie design as a CLI process vs a bare `node -e 0`, measured in the same run, interleaved,
 * so machine noise hits both. Target: the design (with all artifacts written) within 4× node -e 0.
 *
 *   node --import tsx bench/design.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli.js');
const runs = Number(process.argv[2] ?? 15);
const out = mkdtempSync(join(tmpdir(), 'archie-bench-'));

function time(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const cases: Array<[string, string[]]> = [
  ['node -e 0', ['-e', '0']],
  ['archie design chat.yaml (Markdown to stdout)', [cli, 'design', 'examples/chat.yaml', '--quiet']],
  ['archie design chat.yaml --out (all artifacts)', [cli, 'design', 'examples/chat.yaml', '--quiet', '--out', join(out, 'd'), '--force']],
  ['archie design "<free text>"', [cli, 'design', '--quiet', 'Design a real-time chat system for 2M daily users, team of 6, GDPR']],
  // A brief that exercises the whole reader: populations of two kinds, per-actor rates, a number in
  // words, verb forms a rule cannot decide ("creating", "exchanging").
  ['archie design "<brief read in full>"', [cli, 'design', '--quiet', 'Marketplace: two million daily shoppers, each creating 3 orders a week and exchanging 20 messages a day with 40k sellers; sellers update listings 50 times a day. p99 under 150 ms, team of 8.']],
];
const samples = new Map<string, number[]>(cases.map(([n]) => [n, []]));
for (const [, args] of cases) time(args); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, args] of cases) samples.get(name)!.push(time(args));
rmSync(out, { recursive: true, force: true });

const base = median(samples.get('node -e 0')!);
console.log(`archie design vs node -e 0 (median of ${runs} interleaved runs)`);
console.log('| case | median ms | × node -e 0 |');
console.log('|---|---:|---:|');
for (const [name] of cases) {
  const m = median(samples.get(name)!);
  console.log(`| ${name} | ${m.toFixed(1)} | ${(m / base).toFixed(2)} |`);
}
const worst = Math.max(...cases.slice(1).map(([n]) => median(samples.get(n)!) / base));
console.log(`\nworst ratio ${worst.toFixed(2)} (target ≤ 4.00): ${worst <= 4 ? 'met' : 'NOT met'}`);
