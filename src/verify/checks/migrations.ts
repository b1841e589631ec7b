import type { Db } from '../_pgworker.js';
import type { Check } from '../_check.js';
import { outcome, plural, skipped, type Evidence } from '../report.js';
import { isFileRead, type VerifyContext } from '../_context.js';
import { applyStatements, createdExtensions, SCHEMA_FILE } from '../_schema.js';
import { embeddedExtensions, startEmbeddedPostgres, type EmbeddedPostgres } from '../_pglite.js';

const SCRATCH = 'archie_migrations';

/**
 * Every object of a schema in a comparable text form: columns with types, nullability and
 * defaults; constraints and indexes as PostgreSQL prints them. Run with the schema first on the
 * search path so that references print unqualified; index definitions always name the schema,
 * which is taken out so that two schemas compare equal.
 */
const DUMP_SQL = `
SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
       || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS item
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
 WHERE k.connamespace = $1::text::regnamespace
UNION ALL
SELECT 'index ' || regexp_replace(pg_get_indexdef(i.indexrelid), ' ON (ONLY )?' || quote_ident($1::text) || '\\.', ' ON \\1')
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = $1::text::regnamespace
UNION ALL
SELECT 'partition ' || c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)
  FROM pg_class c WHERE c.relnamespace = $1::text::regnamespace AND c.relispartition AND c.relkind IN ('r','p')
ORDER BY 1`;

async function dump(db: Db, schema: string): Promise<string[]> {
  await db.exec(`SET search_path TO ${schema}`);
  const rows = (await db.query<{ item: string }>(DUMP_SQL, [schema])).rows;
  await db.exec('SET search_path TO public');
  return rows.map((r) => r.item);
}

/**
 * A database with schema.sql applied to compare against: an instance of its own (so that this
 * check runs on the other core while the shared instance generates data), or the shared one when
 * the caller passed an instance to reuse.
 */
async function database(ctx: VerifyContext): Promise<{ ok: true; db: Db; own?: EmbeddedPostgres } | { ok: false; reason: string }> {
  if (ctx.options.embedded) {
    const applied = await ctx.appliedSchema();
    return applied.ok ? { ok: true, db: applied.pg.db } : { ok: false, reason: applied.reason };
  }
  const parsed = await ctx.sql(SCHEMA_FILE);
  const file = await ctx.read(SCHEMA_FILE);
  if (isFileRead(parsed) || !parsed.ok || !file.ok) return { ok: false, reason: `${SCHEMA_FILE} cannot be read or parsed` };
  const own = await startEmbeddedPostgres(embeddedExtensions(createdExtensions(parsed.statements)).available);
  const result = await applyStatements({ exec: (sql, o) => own.db.exec(sql, o) }, SCHEMA_FILE, file.text, parsed.statements, { batch: true, ...(ctx.options.statementTimeoutMs && { timeoutMs: ctx.options.statementTimeoutMs }) });
  if (!result.ok) {
    await own.db.close().catch(() => undefined);
    return { ok: false, reason: `${SCHEMA_FILE} does not apply` };
  }
  return { ok: true, db: own.db, own };
}

/** migrations/*.sql apply in order to an empty schema and build exactly what schema.sql builds. */
export const check: Check = {
  id: 'migrations',
  title: 'migrations build the same schema as schema.sql',
  lane: 'postgres-if-shared',
  async run(ctx) {
    const files = await ctx.list('migrations', ['.sql']);
    if (files.length === 0) {
      return outcome([{ subject: 'migrations/', ok: false, file: 'migrations/0001_init.sql', message: 'migrations/ holds no .sql files; archie design writes migrations/0001_init.sql' }], {
        passed: '',
        failed: () => 'no migrations',
      });
    }
    const target = await database(ctx);
    if (!target.ok) return skipped(`needs ${SCHEMA_FILE} applied first (${target.reason})`, 'fix schema.sql (see the schema-pglite check)');
    const db = target.db;
    const evidence: Evidence[] = [];
    await db.exec(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE; CREATE SCHEMA ${SCRATCH}; SET search_path TO ${SCRATCH}`);
    try {
      for (const rel of files) {
        const parsed = await ctx.sql(rel);
        if (isFileRead(parsed)) {
          evidence.push({ subject: rel, ok: false, file: rel, message: parsed.ok ? `${rel} cannot be read` : parsed.message });
          return outcome(evidence, { passed: '', failed: () => `${rel} cannot be read` });
        }
        if (!parsed.ok) {
          evidence.push({ subject: rel, ok: false, file: rel, line: parsed.line, column: parsed.column, message: `syntax error: ${parsed.message}` });
          return outcome(evidence, { passed: '', failed: () => `${rel} does not parse` });
        }
        const file = await ctx.read(rel);
        // Each file runs as its migration tool would run it: in one transaction (the batch).
        const result = await applyStatements({ exec: (sql, o) => db.exec(sql, o) }, rel, file.ok ? file.text : '', parsed.statements, { batch: true, ...(ctx.options.statementTimeoutMs && { timeoutMs: ctx.options.statementTimeoutMs }) });
        await db.exec(`SET search_path TO ${SCRATCH}`);
        if (!result.ok) {
          evidence.push(result.error!);
          return outcome(evidence, { passed: '', failed: () => `${rel} does not apply` });
        }
        evidence.push({ subject: rel, ok: true, file: rel, message: `${plural(result.applied, 'statement')} applied` });
      }
      const fromMigrations = await dump(db, SCRATCH);
      const fromSchema = await dump(db, 'public');
      const a = new Set(fromSchema);
      const b = new Set(fromMigrations);
      const onlySchema = fromSchema.filter((x) => !b.has(x));
      const onlyMigrations = fromMigrations.filter((x) => !a.has(x));
      for (const x of onlySchema.slice(0, 10)) evidence.push({ subject: 'schema.sql only', ok: false, file: SCHEMA_FILE, message: `in ${SCHEMA_FILE} but not built by the migrations: ${x}` });
      for (const x of onlyMigrations.slice(0, 10)) evidence.push({ subject: 'migrations only', ok: false, file: files[files.length - 1]!, message: `built by the migrations but not in ${SCHEMA_FILE}: ${x}` });
      const extra = onlySchema.length + onlyMigrations.length - Math.min(10, onlySchema.length) - Math.min(10, onlyMigrations.length);
      if (extra > 0) evidence.push({ subject: 'differences', ok: false, message: `… and ${extra} more differences` });
      if (onlySchema.length + onlyMigrations.length === 0) {
        evidence.push({ subject: 'catalog', ok: true, message: `the migrations build the same ${plural(fromSchema.length, 'column, constraint and index', 'columns, constraints and indexes')} as ${SCHEMA_FILE}` });
      }
      return outcome(evidence, {
        passed: `${plural(files.length, 'migration')} apply in order and match ${SCHEMA_FILE}`,
        failed: (n) => `the migrations and ${SCHEMA_FILE} disagree (${plural(n, 'difference')})`,
      });
    } finally {
      if (target.own) await target.own.db.close().catch(() => undefined);
      else await db.exec(`SET search_path TO public; DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`).catch(() => undefined);
    }
  },
};
