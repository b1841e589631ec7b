#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

/** The only place that ends the process: everything else returns or sets an exit code. */
async function main(argv: string[]): Promise<void> {
  const program = new Command('archie')
    .description('the backend architect, as software: design, capacity, verify, review, diagnose, scale, migrate')
    .version(VERSION, '-v, --version')
    .option('-q, --quiet', 'no progress output')
    .option('--json', 'machine-readable JSON on stdout')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .showHelpAfterError('(run archie --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
      return;
    }
    throw e;
  }
}

main(process.argv).catch((e: unknown) => {
  process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(EXIT.ERROR);
});
