import { parseSync, type Node } from 'libpg-query';

/**
 * SQL files through the real PostgreSQL parser (libpg_query, WASM): split into statements with
 * their positions, so that a database error inside statement 12 is reported at its line in the file.
 */

/** The parser module is loaded once per process, shared with the SQL reviewer. */
export { loadSqlParser as loadParser } from '../review/sql/parse.js';

export interface SqlStatement {
  node: Node;
  /** The statement's text, without the separating semicolon. */
  text: string;
  /** Character offset of the statement's first character in the file. */
  offset: number;
  /** 1-based position of its first character. */
  line: number;
  column: number;
}

export type SqlParse = { ok: true; statements: SqlStatement[] } | { ok: false; message: string; line: number; column: number };

/** Maps character offsets to 1-based line and column. */
export class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** Byte offsets (what libpg_query reports) to character offsets, for UTF-8 text. */
function byteToChar(text: string): (byte: number) => number {
  // ASCII fast path: bytes and characters coincide.
  if (Buffer.byteLength(text, 'utf8') === text.length) return (b) => b;
  const map: number[] = [];
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < len; k++) map[byte + k] = i;
    byte += len;
    if (cp > 0xffff) i++;
  }
  map[byte] = text.length;
  return (b) => map[b] ?? text.length;
}

/** Parse a whole file; call `loadParser()` first. */
export function parseSqlFile(text: string): SqlParse {
  const lines = new Lines(text);
  let result;
  try {
    result = parseSync(text);
  } catch (e) {
    const err = e as Error & { sqlDetails?: { message?: string; cursorPosition?: number } };
    const message = err.sqlDetails?.message ?? err.message;
    if (message === 'Query cannot be empty') return { ok: true, statements: [] };
    // PostgreSQL's cursor position counts characters from 0.
    const pos = lines.at(Math.max(0, Math.min(text.length, err.sqlDetails?.cursorPosition ?? 0)));
    return { ok: false, message, ...pos };
  }
  const toChar = byteToChar(text);
  const statements: SqlStatement[] = [];
  for (const raw of result.stmts ?? []) {
    if (!raw.stmt) continue;
    const startByte = raw.stmt_location ?? 0;
    let start = toChar(startByte);
    const end = raw.stmt_len ? toChar(startByte + raw.stmt_len) : text.length;
    let body = text.slice(start, end);
    // stmt_location points just after the previous semicolon: skip the whitespace and comments
    // before the statement so that its reported line is the line it starts on.
    const lead = leadingTrivia(body);
    start += lead;
    body = body.slice(lead);
    statements.push({ node: raw.stmt, text: body, offset: start, ...lines.at(start) });
  }
  return { ok: true, statements };
}

/** Length of the whitespace and comments at the start of a statement's text. */
function leadingTrivia(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i] ?? '')) i++;
    if (s.startsWith('--', i)) {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl + 1;
    } else if (s.startsWith('/*', i)) {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
    } else {
      return i;
    }
  }
}

/** A database error mapped back to the file: PostgreSQL's `position` is 1-based within the statement. */
export function errorPosition(file: string, stmt: SqlStatement, position: number | undefined): { line: number; column: number } {
  if (position === undefined || !Number.isFinite(position) || position < 1) return { line: stmt.line, column: stmt.column };
  return new Lines(file).at(stmt.offset + position - 1);
}

/** Drop `location` fields so that two parse trees of the same SQL written differently compare equal. */
export function stripLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripLocations);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'location' || k === 'stmt_location' || k === 'stmt_len') continue;
      out[k] = stripLocations(v);
    }
    return out;
  }
  return value;
}

/** Depth-first visit of every object in a parse tree. */
export function walk(value: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
  } else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** Unquoted names of a qualified-name list (`[{String:{sval}}]`). */
export function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((n) => (n as { String?: { sval?: string } }).String?.sval ?? '').filter((s) => s !== '');
}

/** The position in the file of a parse-tree location inside a statement (a byte offset within the file). */
export function linesOf(text: string): Lines {
  return new Lines(text);
}
