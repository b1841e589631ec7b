import type { Command } from 'commander';
import { ArchieError, EXIT, exitCodeFor, isArchieError } from '../errors.js';
import { createOutput, type GlobalOptions, type Output } from './_output.js';

/**
 * Wrap a command action: build the Output from global flags, run, and turn an ArchieError into a
 * message and an exit code. Only this wrapper decides exit codes; the action returns the code it
 * wants (default 0).
 */
export function action<A extends unknown[]>(
  fn: (out: Output, ...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    const globals = cmd.optsWithGlobals() as GlobalOptions;
    const out = createOutput(globals);
    try {
      const code = await fn(out, ...args);
      process.exitCode = code ?? EXIT.OK;
    } catch (e) {
      process.exitCode = reportError(e, out);
    }
  };
}

export function reportError(e: unknown, out: Output): number {
  if (isArchieError(e)) {
    if (out.json) {
      process.stdout.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
    } else {
      const label = e.code === 'REFUSED' ? out.c.red('refused:') : out.c.red('error:');
      process.stderr.write(`${label} ${e.describe()}\n`);
    }
    return exitCodeFor(e);
  }
  const err = e as Error;
  process.stderr.write(`${out.c.red('internal error:')} ${err?.message ?? String(e)}\n`);
  if (process.env.ARCHIE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  else process.stderr.write('  this is a bug in archie; rerun with ARCHIE_DEBUG=1 for details and report it\n');
  return EXIT.ERROR;
}

/** Parse a positive number flag, or throw a usage error naming the flag. */
export function numberFlag(name: string, value: string | undefined, opts: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const min = opts.min ?? 0;
  if (!Number.isFinite(n) || n < min || (opts.max !== undefined && n > opts.max) || (opts.integer && !Number.isInteger(n))) {
    const range = opts.max !== undefined ? `between ${min} and ${opts.max}` : `at least ${min}`;
    throw new ArchieError('USAGE', `--${name} must be ${opts.integer ? 'an integer ' : 'a number '}${range}, got "${value}"`);
  }
  return n;
}
