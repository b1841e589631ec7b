import { defaultRules } from '../rules/sql/index.js';
import type { DomainResult, FileError, Rule } from '../types.js';
import { buildReview, type ParsedSqlFile, type SqlReview, type SqlReviewOptions } from './model.js';
import { compareMigrationPaths, isDownMigration } from './order.js';
import { loadSqlParser, parseSqlRecovering, scanSql } from './parse.js';
import { SourceText } from './source.js';
import { runRules } from '../_run-rules.js';

export type { SqlReview, SqlFile, SqlStatement, SqlReviewOptions } from './model.js';
export { DEFAULT_PG_VERSION } from './model.js';

/**
 * Review SQL files (a schema, or a migrations folder) with the SQL rules.
 *
 * The files are put in migration order (natural order of their paths: `0002_x.sql` before
 * `0010_y.sql`) and read as one history: a table created in an earlier file is an existing table
 * for the later ones, and a table the files use without creating it is assumed to exist already.
 * Down migrations (`*.down.sql`, `down.sql`, Flyway `U…__`, sqitch `revert/`, dbmate's
 * `-- migrate:down` section) are parsed but kept out of the history and the rules.
 *
 * A statement that does not parse is reported as a FileError with the parser's position; the other
 * statements of that file and the other files are still reviewed. Every finding carries its rule's
 * default severity. `rules` defaults to every SQL rule that is not opt-in.
 *
 * @example
 * const { findings } = await reviewSql([{ path: 'migrations/0001_init.sql', text: 'CREATE TABLE t (a int);' }], undefined, { pgVersion: 13 });
 */
export async function reviewSql(
  files: { path: string; text: string }[],
  rules: readonly Rule<SqlReview>[] = defaultRules,
  options: SqlReviewOptions = {},
): Promise<DomainResult> {
  await loadSqlParser();
  const ordered = [...files].sort((a, b) => compareMigrationPaths(a.path, b.path));
  const errors: FileError[] = [];
  const parsed: ParsedSqlFile[] = [];
  for (const f of ordered) {
    const source = new SourceText(f.text);
    const outcome = parseSqlRecovering(f.text, source.byteLength);
    for (const e of outcome.errors) {
      const p = source.positionOfCodePoint(e.cursor, source.charOffset(e.fromByte));
      errors.push({ file: f.path, message: `SQL syntax error: ${e.message}`, line: p.line, column: p.column });
    }
    if (isDownMigration(f.path)) continue;
    const downAt = downSectionStart(f.text);
    const statements = downAt === null ? outcome.statements : outcome.statements.filter((s) => s.start < downAt);
    parsed.push({ path: f.path, source, statements, noTransaction: dbmateNoTransaction(f.text) });
  }
  const review = buildReview(parsed, options);
  const findings = runRules(rules, review, parsed[0]?.path ?? ordered[0]?.path ?? '', errors);
  return { findings, errors, files: ordered.map((f) => f.path) };
}

/** Byte offset of dbmate's `-- migrate:down` marker comment, found with the PostgreSQL lexer. */
function downSectionStart(text: string): number | null {
  if (!text.includes('migrate:down')) return null;
  for (const t of scanSql(text)) {
    if (t.tokenName === 'SQL_COMMENT' && t.text.replace(/^--\s*/, '').trim() === 'migrate:down') return t.start;
  }
  return null;
}

/**
 * dbmate's `-- migrate:up transaction:false`, or Squawk's `-- squawk-disable-assume-in-transaction`
 * (kept for teams coming from Squawk): the file runs without a transaction.
 */
function dbmateNoTransaction(text: string): boolean {
  return /^--\s*migrate:up\b[^\n]*\btransaction:false\b/m.test(text) || /^\s*--\s*squawk-disable-assume-in-transaction\s*$/m.test(text);
}
