/**
 * The one error type of archie. Every expected failure (bad input, refused brief, unreachable
 * database) is an ArchieError with a code from a closed set; only the CLI and MCP layers turn it
 * into text and exit codes. Anything else that escapes is a bug.
 */
export const ERROR_CODES = {
  /** Wrong flags or arguments. */
  USAGE: 'USAGE',
  /** Input that cannot be read or understood (empty, binary, malformed, too large). */
  INPUT: 'INPUT',
  /** Input that parses but fails validation (unknown field, out-of-range value). */
  INVALID: 'INVALID',
  /** Numbers that cannot all be true at once. */
  CONTRADICTION: 'CONTRADICTION',
  /** A brief archie refuses to design (e.g. mass surveillance). */
  REFUSED: 'REFUSED',
  /** A file or directory exists and --force was not given. */
  EXISTS: 'EXISTS',
  /** A design folder of another schemaVersion. */
  VERSION: 'VERSION',
  /** Cannot reach or authenticate to an external system (database). */
  CONNECT: 'CONNECT',
  /** An I/O failure outside the user's input. */
  IO: 'IO',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Process exit codes, shared by every command. */
export const EXIT = {
  OK: 0,
  /** Findings at or above the threshold, or a failed check. */
  FINDINGS: 1,
  /** Usage, input or connection error. */
  ERROR: 2,
  /** The brief was refused on ethical grounds. */
  REFUSED: 3,
} as const;

export interface ArchieErrorOptions {
  /** Where the problem is: a file path, a field path such as `brief.scale.dau`, a URL (redacted). */
  path?: string;
  /** 1-based line and column when known. */
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

export class ArchieError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: ArchieErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ArchieError';
    this.code = code;
    this.path = options.path;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
  }

  /** One line a person can act on: `path:line:col: message (hint)`. */
  describe(): string {
    let where = this.path ?? '';
    if (where && this.line !== undefined) where += `:${this.line}${this.column !== undefined ? `:${this.column}` : ''}`;
    // A message that already opens with the path ("out/chat does not exist") is not prefixed twice.
    const named = this.line === undefined && where !== '' && this.message.startsWith(`${where} `);
    const head = where && !named ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.path !== undefined && { path: this.path }),
      ...(this.line !== undefined && { line: this.line }),
      ...(this.column !== undefined && { column: this.column }),
      ...(this.hint !== undefined && { hint: this.hint }),
    };
  }
}

export function isArchieError(e: unknown): e is ArchieError {
  return e instanceof ArchieError;
}

export function exitCodeFor(e: ArchieError): number {
  return e.code === 'REFUSED' ? EXIT.REFUSED : EXIT.ERROR;
}
