import { loadModule, parseSync, scanSync, type Node, type ScanToken } from 'libpg-query';
import { ArchieError } from '../../errors.js';

/**
 * The real PostgreSQL parser (libpg_query compiled to WASM). The module is loaded once per process
 * and shared by every file; parsing itself is synchronous after that.
 */
let loading: Promise<void> | undefined;

export function loadSqlParser(): Promise<void> {
  loading ??= loadModule().catch((e: unknown) => {
    loading = undefined;
    throw new ArchieError('IO', `cannot load the PostgreSQL parser (libpg-query WASM): ${(e as Error).message}`, {
      hint: 'reinstall archie; the libpg-query package ships the parser as a .wasm file',
      cause: e,
    });
  });
  return loading;
}

/** One top-level statement with its UTF-8 byte range in the file. */
export interface RawStatement {
  node: Node;
  start: number;
  end: number;
}

export type ParseOutcome =
  | { ok: true; statements: RawStatement[] }
  | { ok: false; message: string; /** Character (code point) offset of the error: PostgreSQL's cursor position counts characters, not bytes. */ offset: number };

/**
 * psql scripts (pg_dump output, Rails structure.sql) carry backslash meta-commands such as
 * `\restrict`, `\connect` or `\set` on lines of their own, which are not SQL. Blank those lines
 * (same byte length, so every parser offset still points into the original text). A line counts only
 * when the PostgreSQL lexer, run from the last known top-level point, ends outside any string,
 * quoted identifier or comment. COPY … FROM stdin data blocks are not supported.
 */
export function blankPsqlCommands(text: string): string {
  if (!/^[ \t]*\\/m.test(text)) return text;
  const lines = text.split('\n');
  let offset = 0;
  let topLevel = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^[ \t]*\\/.test(line)) {
      const prefix = text.slice(topLevel, offset);
      let ok = true;
      try {
        scanSync(prefix);
      } catch {
        ok = false;
      }
      if (ok) {
        lines[i] = ' '.repeat(Buffer.byteLength(line, 'utf8'));
        topLevel = offset + line.length + 1;
        changed = true;
      }
    }
    offset += line.length + 1;
  }
  return changed ? lines.join('\n') : text;
}

/** Parse a whole file. Call `loadSqlParser()` first. */
export function parseSql(text: string, byteLength: number): ParseOutcome {
  return parseBlanked(blankPsqlCommands(text), byteLength);
}

function parseBlanked(text: string, byteLength: number): ParseOutcome {
  let result;
  try {
    result = parseSync(text);
  } catch (e) {
    const err = e as Error & { sqlDetails?: { message?: string; cursorPosition?: number } };
    const message = err.sqlDetails?.message ?? err.message;
    if (message === 'Query cannot be empty') return { ok: true, statements: [] };
    return { ok: false, message, offset: Math.max(0, err.sqlDetails?.cursorPosition ?? 0) };
  }
  const statements: RawStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : byteLength;
    statements.push({ node: raw.stmt, start, end });
  }
  return { ok: true, statements };
}

/** A statement that did not parse: the parser's message and where, in code points from `fromByte`. */
export interface PieceError {
  message: string;
  /** UTF-8 byte offset of the statement the error is in. */
  fromByte: number;
  /** PostgreSQL's cursor: characters (code points) from `fromByte`. */
  cursor: number;
}

/**
 * Parse a whole file, and when it does not parse, parse it statement by statement (split at the
 * top-level semicolons the PostgreSQL lexer finds) so that one broken statement hides only itself:
 * the statements that parse are returned with their byte ranges in the file, every broken one as an
 * error. A file the lexer itself cannot read (an unterminated string or comment) is one error.
 */
export function parseSqlRecovering(text: string, byteLength: number): { statements: RawStatement[]; errors: PieceError[] } {
  const blanked = blankPsqlCommands(text);
  const whole = parseBlanked(blanked, byteLength);
  if (whole.ok) return { statements: whole.statements, errors: [] };
  const first: PieceError = { message: whole.message, fromByte: 0, cursor: whole.offset };
  let tokens: ScanToken[];
  try {
    tokens = scanSync(blanked).tokens;
  } catch {
    return { statements: [], errors: [first] };
  }
  const bytes = Buffer.from(blanked, 'utf8');
  const statements: RawStatement[] = [];
  const errors: PieceError[] = [];
  for (const [from, to] of statementRanges(tokens, bytes.length)) {
    const piece = bytes.subarray(from, to).toString('utf8');
    const r = parseBlanked(piece, to - from);
    if (r.ok) {
      for (const st of r.statements) statements.push({ node: st.node, start: st.start + from, end: st.end + from });
    } else errors.push({ message: r.message, fromByte: from, cursor: r.offset });
  }
  // The lexer splits differently from the grammar (e.g. a semicolon the grammar wanted elsewhere):
  // never report fewer problems than the whole-file parse found.
  return errors.length > 0 ? { statements, errors } : { statements: [], errors: [first] };
}

/** Byte ranges of the top-level statements: split at semicolons outside parentheses and BEGIN ATOMIC … END bodies. */
function statementRanges(tokens: ScanToken[], length: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let depth = 0;
  let atomic = 0;
  let cases = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.text.toUpperCase();
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (word === 'BEGIN' && tokens[i + 1]?.text.toUpperCase() === 'ATOMIC') atomic++;
    else if (atomic > 0 && word === 'CASE') cases++;
    else if (atomic > 0 && word === 'END') {
      if (cases > 0) cases--;
      else atomic--;
    } else if (t.text === ';' && depth === 0 && atomic === 0) {
      out.push([start, t.end]);
      start = t.end;
    }
  }
  if (start < length) out.push([start, length]);
  return out;
}

/** The lexer's tokens of a piece of SQL, offsets in UTF-8 bytes relative to `sql`. */
export function scanSql(sql: string): ScanToken[] {
  try {
    return scanSync(sql).tokens;
  } catch {
    return [];
  }
}
