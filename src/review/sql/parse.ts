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
  let result;
  try {
    result = parseSync(blankPsqlCommands(text));
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

/** The lexer's tokens of a piece of SQL, offsets in UTF-8 bytes relative to `sql`. */
export function scanSql(sql: string): ScanToken[] {
  try {
    return scanSync(sql).tokens;
  } catch {
    return [];
  }
}
