import type { Evidence } from './report.js';
import { plural } from './report.js';
import { isFileRead, unreadable, type SchemaApply, type VerifyContext } from './_context.js';
import { errorPosition, type SqlStatement } from './_sql.js';
import { refusedStatements } from './_guard.js';

export const SCHEMA_FILE = 'schema.sql';

/** The one thing the appliers need from a database connection. */
export interface SqlRunner {
  /** Run SQL, giving up (and making sure it stops) after `timeoutMs`. */
  exec(sql: string, options: { timeoutMs: number }): Promise<void>;
}

/** How long one statement of a design folder's SQL may run: DDL takes milliseconds; anything longer is a runaway (pg_sleep, an endless loop). */
export const STATEMENT_TIMEOUT_MS = 20_000;

export interface ApplyResult {
  ok: boolean;
  applied: number;
  /** The failing statement, mapped to the file. */
  error?: Evidence;
}

/** PostgreSQL's error fields, from PGlite and node-postgres alike. */
export function dbErrorText(e: unknown): { message: string; position?: number } {
  const err = e as { message?: string; position?: string | number; detail?: string; hint?: string; code?: string };
  let message = err.message ?? String(e);
  if (err.detail) message += ` (${err.detail})`;
  if (err.hint) message += `; hint: ${err.hint}`;
  const position = err.position !== undefined ? Number(err.position) : undefined;
  return position !== undefined && Number.isFinite(position) ? { message, position } : { message };
}

/**
 * Run the statements of a file one by one and stop at the first error, reported at its line and
 * column in the file (PostgreSQL's error position within the statement, offset by where the
 * statement starts).
 */
export async function applyStatements(
  runner: SqlRunner,
  rel: string,
  text: string,
  statements: readonly SqlStatement[],
  options: { batch?: boolean; timeoutMs?: number } = {},
): Promise<ApplyResult> {
  const timeoutMs = options.timeoutMs ?? STATEMENT_TIMEOUT_MS;
  // Nothing runs when any statement reaches outside the scratch database (see _guard.ts).
  const refused = refusalEvidence(rel, statements);
  if (refused) return { ok: false, applied: 0, error: refused };
  // Fast path: the whole file in one round trip (one implicit transaction, so a failure leaves
  // nothing behind); on failure, statement by statement to find where. Not for files that manage
  // transactions themselves or build indexes concurrently (those cannot run in a transaction).
  if (options.batch && statements.length > 1 && statements.every(batchable)) {
    try {
      await runner.exec(statements.map((s) => s.text).join(';\n'), { timeoutMs });
      return { ok: true, applied: statements.length };
    } catch (e) {
      // A runaway statement: the database is gone, so report it rather than replaying.
      if ((e as { code?: string }).code === 'ARCHIE_TIMEOUT') return { ok: false, applied: 0, error: { subject: rel, ok: false, file: rel, message: `${rel} ${dbErrorText(e).message}` } };
      // replay one by one below for the error's position
    }
  }
  let applied = 0;
  for (const stmt of statements) {
    try {
      await runner.exec(stmt.text, { timeoutMs });
      applied++;
    } catch (e) {
      const { message, position } = dbErrorText(e);
      const pos = errorPosition(text, stmt, position);
      return {
        ok: false,
        applied,
        error: { subject: rel, ok: false, file: rel, ...pos, message: `statement ${applied + 1} failed: ${message}` },
      };
    }
  }
  return { ok: true, applied };
}

function batchable(s: SqlStatement): boolean {
  const node = s.node as { TransactionStmt?: unknown; IndexStmt?: { concurrent?: boolean }; VacuumStmt?: unknown; CreatedbStmt?: unknown };
  return !node.TransactionStmt && !node.IndexStmt?.concurrent && !node.VacuumStmt && !node.CreatedbStmt;
}

/** The evidence that a file holds statements verify refuses to run (see _guard.ts), or null. */
export function refusalEvidence(rel: string, statements: readonly SqlStatement[]): Evidence | null {
  const refused = refusedStatements(statements);
  if (refused.length === 0) return null;
  const first = refused[0]!;
  const rest = refused.slice(1);
  const more = rest.length ? ` (and ${plural(rest.length, 'more statement')}: ${rest.slice(0, 5).map((r) => `line ${r.statement.line}`).join(', ')}${rest.length > 5 ? ', …' : ''})` : '';
  return { subject: rel, ok: false, file: rel, line: first.statement.line, column: first.statement.column, message: `statement ${first.index} refused, nothing was run: ${first.reason}${more}` };
}

/** Extension names created by a file's statements. */
export function createdExtensions(statements: readonly SqlStatement[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    const ext = (s.node as { CreateExtensionStmt?: { extname?: string } }).CreateExtensionStmt;
    if (ext?.extname) out.push(ext.extname);
  }
  return out;
}

/** What a schema holds, counted from the catalog (partitions and their cloned indexes apart). */
export const CATALOG_COUNTS_SQL = `
SELECT
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r','p') AND NOT c.relispartition)::int AS tables,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r','p') AND c.relispartition)::int AS partitions,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('i','I') AND NOT c.relispartition)::int AS indexes,
  (SELECT count(*) FROM pg_constraint k WHERE k.connamespace = $1::text::regnamespace AND k.contype = 'f' AND k.conparentid = 0)::int AS fks,
  (SELECT count(*) FROM pg_constraint k WHERE k.connamespace = $1::text::regnamespace AND k.contype = 'c' AND k.conparentid = 0)::int AS checks`;

export interface CatalogCounts {
  tables: number;
  partitions: number;
  indexes: number;
  fks: number;
  checks: number;
}

export function describeCounts(c: CatalogCounts): string {
  const parts = [plural(c.tables, 'table')];
  if (c.partitions) parts[0] += ` (+${plural(c.partitions, 'partition')})`;
  parts.push(plural(c.indexes, 'index', 'indexes'), plural(c.fks, 'foreign key'), plural(c.checks, 'CHECK constraint'));
  return parts.join(', ');
}

/** schema.sql into the embedded PostgreSQL, once per verify run. */
export async function applySchemaEmbedded(ctx: VerifyContext): Promise<SchemaApply> {
  const parsed = await ctx.sql(SCHEMA_FILE);
  if (isFileRead(parsed)) {
    if (parsed.ok) throw new Error('unreachable');
    return { ok: false, reason: `${SCHEMA_FILE} cannot be read`, evidence: [unreadable(parsed, 'archie design writes it from the entities')] };
  }
  if (!parsed.ok) {
    return {
      ok: false,
      reason: `${SCHEMA_FILE} does not parse`,
      evidence: [{ subject: SCHEMA_FILE, ok: false, file: SCHEMA_FILE, line: parsed.line, column: parsed.column, message: `syntax error: ${parsed.message}` }],
    };
  }
  const file = await ctx.read(SCHEMA_FILE);
  const text = file.ok ? file.text : '';
  if (parsed.statements.length === 0) {
    return { ok: false, reason: `${SCHEMA_FILE} is empty`, evidence: [{ subject: SCHEMA_FILE, ok: false, file: SCHEMA_FILE, message: `${SCHEMA_FILE} holds no SQL statements` }] };
  }
  const { embeddedExtensions } = await import('./_pglite.js');
  const { available } = embeddedExtensions(createdExtensions(parsed.statements));
  ctx.progress('starting the embedded PostgreSQL (PGlite)');
  const t0 = performance.now();
  const pg = await ctx.embeddedPostgres(available);
  const startMs = performance.now() - t0;
  const evidence: Evidence[] = [
    {
      subject: 'embedded PostgreSQL',
      ok: true,
      message: `${pg.version} started ${pg.startedFrom === 'cache' ? 'from the cached data directory' : 'with initdb (its data directory is now cached for later runs)'}`,
      durationMs: startMs,
    },
  ];
  const t1 = performance.now();
  const result = await applyStatements({ exec: (sql, o) => pg.db.exec(sql, o) }, SCHEMA_FILE, text, parsed.statements, { batch: true, ...(ctx.options.statementTimeoutMs && { timeoutMs: ctx.options.statementTimeoutMs }) });
  if (!result.ok) {
    return { ok: false, reason: `${SCHEMA_FILE} does not apply`, evidence: [...evidence, result.error!] };
  }
  const counts = (await pg.db.query<CatalogCounts>(CATALOG_COUNTS_SQL, ['public'])).rows[0]!;
  evidence.push({
    subject: SCHEMA_FILE,
    ok: true,
    file: SCHEMA_FILE,
    message: `${plural(result.applied, 'statement')} applied cleanly: ${describeCounts(counts)}`,
    durationMs: performance.now() - t1,
  });
  return { ok: true, pg, statements: result.applied, evidence };
}
