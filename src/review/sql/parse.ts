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

/** Parse a whole file. Call `loadSqlParser()` first. */
export function parseSql(text: string, byteLength: number): ParseOutcome {
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

/** The lexer's tokens of a piece of SQL, offsets in UTF-8 bytes relative to `sql`. */
export function scanSql(sql: string): ScanToken[] {
  try {
    return scanSync(sql).tokens;
  } catch {
    return [];
  }
}
