import type { Command } from 'commander';
import { action } from '../_run.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('capacity')
    .description('back-of-envelope capacity plan alone: RPS, bandwidth, storage, cache, instances, pools, replicas, shards, SLA math')
    .argument('[brief...]', 'optional brief text or brief file; flags override what it states')
    .option('--archetype <id>', 'kind of system (see archie design --list-archetypes)')
    .option('--dau <n>', 'daily active users, e.g. 2M')
    .option('--mau <n>', 'monthly active users')
    .option('--concurrent <n>', 'concurrent users at peak')
    .option('--rps <n>', 'average requests per second')
    .option('--peak-rps <n>', 'peak requests per second')
    .option('--peak-factor <n>', 'peak ÷ average, e.g. 3')
    .option('--read-write <ratio>', 'reads per write, e.g. 10 or 10:1')
    .option('--record-size <size>', 'stored bytes per written record, e.g. 1KB')
    .option('--retention <duration>', 'how long data is kept, e.g. 90d or "3 years"')
    .option('--growth <rate>', 'monthly growth, e.g. 10%')
    .option('--availability <target>', 'e.g. 99.95% or "four nines"')
    .option('--horizon <months>', 'extra planning horizon beyond a year (repeatable), e.g. 36', collect, [])
    .option('--rps-per-instance <n>', 'measured requests/s per API instance')
    .addHelpText('after', '\nExamples:\n  archie capacity --dau 2M --peak-factor 3 --read-write 4:1 --record-size 1KB\n  archie capacity "url shortener, 100k requests/minute, 10x at peak" --horizon 36 --json')
    .action(
      action(async (out, words: string[], flags: Record<string, string | string[] | undefined>) => {
        const { capacity } = await import('../../capacity.js');
        const brief = words.join(' ').trim() || undefined;
        const r = await capacity(brief, flags as never);
        if (out.json) {
          out.result(JSON.stringify(r, null, 2));
          return 0;
        }
        const { renderCapacityText } = await import('../../render/capacity-text.js');
        out.result(renderCapacityText(r));
        return 0;
      }),
    );
}
