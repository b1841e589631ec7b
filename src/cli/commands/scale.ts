import type { Command } from 'commander';
import { action, numberFlag } from '../_run.js';

interface ScaleFlags {
  factor?: string;
  brief?: string;
  text?: boolean;
  format?: string;
  rpsPerInstance?: string;
  writesPerPrimary?: string;
  readsPerNode?: string;
  wsPerNode?: string;
}

export function register(program: Command): void {
  program
    .command('scale')
    .description('the "10x traffic" plan: each component\'s load against its per-node limit, what saturates first, and the steps that remove each bottleneck (immediate, 1-3 months, 3-6 months) with their monthly cost')
    .argument('[dir]', 'a folder written by archie design --out (or its design.json)')
    .requiredOption('--factor <n>', 'multiple of today\'s load to plan for, 1 to 10,000 (e.g. 10)')
    .option('--brief <brief>', 'scale a brief (text or a brief file) instead of a design folder')
    .option('--text', 'treat --brief as text even if it looks like a file path')
    .option('--format <format>', 'md (default) or json')
    .option('--rps-per-instance <n>', 'measured requests/s one API instance (1 vCPU) sustains')
    .option('--writes-per-primary <n>', 'measured row writes/s one PostgreSQL primary sustains')
    .option('--reads-per-node <n>', 'measured reads/s one PostgreSQL node serves')
    .option('--ws-per-node <n>', 'measured WebSocket connections one real-time node holds')
    .addHelpText('after', '\nExamples:\n  archie design examples/chat.yaml --out out/chat && archie scale out/chat --factor 10\n  archie scale --brief "url shortener, 100k requests/minute" --factor 10 --json')
    .action(
      action(async (out, dir: string | undefined, flags: ScaleFlags) => {
        const { ArchieError } = await import('../../errors.js');
        if (flags.format !== undefined && flags.format !== 'md' && flags.format !== 'json') throw new ArchieError('USAGE', `--format must be md or json, got "${flags.format}"`);
        if (out.json && flags.format === 'md') throw new ArchieError('USAGE', '--json and --format md contradict each other', { hint: 'use one of them' });
        const limits: Record<string, number> = {};
        const set = (key: string, flag: string, v: string | undefined) => {
          const n = numberFlag(flag, v, { min: 1, max: 10_000_000 });
          if (n !== undefined) limits[key] = n;
        };
        set('appRpsPerInstance', 'rps-per-instance', flags.rpsPerInstance);
        set('pgWritesPerPrimary', 'writes-per-primary', flags.writesPerPrimary);
        set('pgReadsPerNode', 'reads-per-node', flags.readsPerNode);
        set('wsConnectionsPerNode', 'ws-per-node', flags.wsPerNode);
        const { scale, renderScaleText, parseFactor } = await import('../../scale/index.js');
        const factor = parseFactor(flags.factor, '--factor');
        out.progress(`planning for ${factor}× today's load`);
        const report = await scale({ ...(dir !== undefined && { dir }), ...(flags.brief !== undefined && { brief: flags.brief }), text: Boolean(flags.text) }, { factor, limits });
        out.result(out.json || flags.format === 'json' ? JSON.stringify(report, null, 2) : renderScaleText(report));
        return 0;
      }),
    );
}
