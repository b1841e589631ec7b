#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

/**
 * A reader that goes away early (`archie design x | head -1`, quitting `less`) makes the next write
 * fail with EPIPE. Like any Unix tool, archie then says nothing more on that stream: Node destroys
 * the stream on the first error and drops later writes, and the listener keeps the error from
 * becoming an uncaught exception with a stack trace. The command still runs to its end, so a
 * design folder is never left half-written, and exits with its own code. Any other write failure
 * (a full disk behind `> out.md`) is said once on stderr and fails the run.
 */
function guardOutput(): void {
  let failed = false;
  const onError = (stream: NodeJS.WriteStream) => (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    failed = true;
    if (stream === process.stdout && !process.stderr.destroyed) process.stderr.write(`error: cannot write the output: ${e.message}\n`);
  };
  process.stdout.on('error', onError(process.stdout));
  process.stderr.on('error', onError(process.stderr));
  process.on('exit', () => {
    if (failed) process.exitCode = EXIT.ERROR;
  });
}

/** The only place that ends the process: everything else returns or sets an exit code. */
async function main(argv: string[]): Promise<void> {
  guardOutput();
  const program = new Command('archie')
    .description('the backend architect, as software: design, capacity, verify, review, diagnose, scale, migrate')
    .version(VERSION, '-v, --version')
    .option('-q, --quiet', 'no progress output')
    .option('--json', 'machine-readable JSON on stdout')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .showHelpAfterError('(run archie --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  // A mistake after a subcommand (unknown option, missing argument) is explained by that command's help.
  for (const cmd of program.commands) cmd.showHelpAfterError(`(run archie ${cmd.name()} --help for usage)`);
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
