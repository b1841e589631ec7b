import type { Command } from 'commander';
import { action } from '../_run.js';

interface MigrateFlags {
  openapi?: string;
  brief?: string;
  text?: boolean;
  format?: string;
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description('the strangler-fig plan for leaving a monolith: bounded contexts, extraction order, facade routing per phase, data ownership (expand and contract), verification and rollback')
    .argument('[brief...]', 'a brief describing the existing system (text or a brief file), when there is no OpenAPI document')
    .option('--openapi <path>', 'the monolith\'s OpenAPI 3 or Swagger 2.0 document (JSON or YAML)')
    .option('--brief <brief>', 'the brief as a flag, as in archie scale (text or a brief file); same as the argument')
    .option('--text', 'treat the brief as text even if it looks like a file path')
    .option('--format <format>', 'md (default) or json')
    .addHelpText(
      'after',
      '\nExamples:\n  archie migrate --openapi monolith/openapi.yaml\n  archie migrate examples/saas-migration.txt --json\n  archie migrate --brief examples/saas-migration.txt --format json',
    )
    .action(
      action(async (out, words: string[], flags: MigrateFlags) => {
        const { ArchieError } = await import('../../errors.js');
        if (flags.format !== undefined && flags.format !== 'md' && flags.format !== 'json') throw new ArchieError('USAGE', `--format must be md or json, got "${flags.format}"`);
        if (out.json && flags.format === 'md') throw new ArchieError('USAGE', '--json and --format md contradict each other', { hint: 'use one of them' });
        if (flags.brief !== undefined && words.length > 0) {
          throw new ArchieError('USAGE', 'give the brief once: as the argument or with --brief, not both', { hint: 'archie migrate examples/saas-migration.txt' });
        }
        const brief = (flags.brief ?? words.join(' ')).trim();
        const { migrate, renderMigrationText } = await import('../../migrate/index.js');
        if (flags.openapi) out.progress(`grouping the operations of ${flags.openapi} into contexts`);
        else if (brief) out.progress('designing from the brief and grouping its API into contexts');
        const plan = await migrate({ ...(flags.openapi !== undefined && { openapi: flags.openapi }), ...(brief && { brief }), text: Boolean(flags.text) || words.length > 1 });
        for (const w of plan.warnings) out.warn(w);
        out.result(out.json || flags.format === 'json' ? JSON.stringify(plan, null, 2) : renderMigrationText(plan));
        return 0;
      }),
    );
}
