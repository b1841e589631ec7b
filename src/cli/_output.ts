import pc from 'picocolors';

/** Options every command shares. */
export interface GlobalOptions {
  quiet?: boolean;
  json?: boolean;
  color?: boolean;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Where a command writes. Results go to stdout; progress, warnings and errors to stderr so that
 * `--json` output stays machine-readable. `--quiet` silences progress; NO_COLOR or --no-color
 * turn colour off.
 */
export interface Output {
  readonly quiet: boolean;
  readonly json: boolean;
  readonly c: Colors;
  /** A step of work that may take a while (stderr, silenced by --quiet and --json). */
  progress(message: string): void;
  /** A warning the user should see even in quiet mode (stderr). */
  warn(message: string): void;
  /** The command's result (stdout). */
  result(text: string): void;
}

export function colorEnabled(opts: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (opts.color === false) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function createOutput(opts: GlobalOptions): Output {
  const quiet = Boolean(opts.quiet);
  const json = Boolean(opts.json);
  const c = pc.createColors(colorEnabled(opts));
  const ce = pc.createColors(colorEnabled(opts, process.stderr));
  return {
    quiet,
    json,
    c,
    progress(message) {
      if (!quiet && !json) process.stderr.write(`${ce.dim('›')} ${message}\n`);
    },
    warn(message) {
      process.stderr.write(`${ce.yellow('warning:')} ${message}\n`);
    },
    result(text) {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
