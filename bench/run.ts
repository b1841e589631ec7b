/**
 * `npm run bench`: every benchmark in bench/ in turn (builds first). Each prints its own table
 * with the peer measured in the same run and the ratio. Pass names to run a subset:
 *   npm run bench -- design review
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== bench/${b}.ts ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', `${b}.ts`)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
