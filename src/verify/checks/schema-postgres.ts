import type { Client } from 'pg';
import type { Check } from '../_check.js';
import { outcome, skipped, type Evidence } from '../report.js';
import { isFileRead, unreadable, type VerifyContext } from '../_context.js';
import { applyStatements, CATALOG_COUNTS_SQL, dbErrorText, describeCounts, SCHEMA_FILE, type CatalogCounts } from '../_schema.js';
import type { SqlStatement } from '../_sql.js';

type PgClient = Client;

/**
 * schema.sql applied to a real PostgreSQL given with --database-url. It never touches existing
 * objects: it creates a scratch database from template0, applies the file there and drops it. A
 * role without CREATEDB gets a scratch schema inside one transaction that is rolled back instead.
 */
export const check: Check = {
  id: 'schema-postgres',
  title: 'schema.sql applies to a real PostgreSQL',
  async run(ctx) {
    const url = ctx.options.databaseUrl;
    if (!url) return skipped('no --database-url given', 'pass --database-url postgres://user@host/db to also apply the schema to a real server (a scratch database is created and dropped)');
    const parsed = await ctx.sql(SCHEMA_FILE);
    if (isFileRead(parsed)) return outcome([unreadable(parsed as Extract<typeof parsed, { ok: false }>)], { passed: '', failed: () => `${SCHEMA_FILE} cannot be read` });
    if (!parsed.ok) {
      return outcome([{ subject: SCHEMA_FILE, ok: false, file: SCHEMA_FILE, line: parsed.line, column: parsed.column, message: `syntax error: ${parsed.message}` }], {
        passed: '',
        failed: () => `${SCHEMA_FILE} does not parse`,
      });
    }
    const file = await ctx.read(SCHEMA_FILE);
    const text = file.ok ? file.text : '';
    const evidence = await applyToServer(ctx, url, text, parsed.statements);
    return outcome(evidence, { passed: `${SCHEMA_FILE} applies cleanly to ${ctx.tools.get('PostgreSQL (server)') ?? 'the server'}`, failed: () => `${SCHEMA_FILE} does not apply to the server` });
  },
};

async function connect(url: string, database?: string): Promise<PgClient> {
  const { parseTarget, redactText } = await import('../../diagnose/_url.js');
  const { sslAttempts } = await import('../../diagnose/_session.js');
  const { classifyConnectError } = await import('../../diagnose/_connect-error.js');
  const pg = (await import('pg')).default;
  const target = parseTarget(url);
  const timeoutMs = 10_000;
  let last: unknown;
  for (const ssl of sslAttempts(target)) {
    const client = new pg.Client({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: database ?? target.database,
      ssl,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'archie-verify',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (e) {
      last = e;
      await client.end().catch(() => undefined);
    }
  }
  const err = classifyConnectError(last, target, timeoutMs);
  throw Object.assign(new Error(redactText(err.message, [target.password])), { hint: err.hint });
}

function scratchName(): string {
  return `archie_verify_${process.pid}_${Date.now().toString(36)}`;
}

async function applyToServer(ctx: VerifyContext, url: string, text: string, statements: readonly SqlStatement[]): Promise<Evidence[]> {
  const { parseTarget } = await import('../../diagnose/_url.js');
  const target = parseTarget(url);
  let admin: PgClient;
  try {
    ctx.progress(`connecting to ${target.redacted}`);
    admin = await connect(url);
  } catch (e) {
    const err = e as Error & { hint?: string };
    return [{ subject: target.redacted, ok: false, message: `cannot connect: ${err.message}${err.hint ? ` (${err.hint})` : ''}` }];
  }
  try {
    const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
    ctx.tools.set('PostgreSQL (server)', `PostgreSQL ${version}`);
    const name = scratchName();
    const t0 = performance.now();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== '42501') return [{ subject: target.redacted, ok: false, message: `cannot create a scratch database: ${dbErrorText(e).message}` }];
      return await applyInRolledBackSchema(admin, name, text, statements, target.redacted, version);
    }
    try {
      const db = await connect(url, name);
      try {
        await db.query("SET statement_timeout = '60s'");
        const result = await applyStatements({ exec: async (sql) => void (await db.query(sql)) }, SCHEMA_FILE, text, statements);
        if (!result.ok) return [result.error!];
        const counts = (await db.query<CatalogCounts>(CATALOG_COUNTS_SQL, ['public'])).rows[0]!;
        return [
          {
            subject: target.redacted,
            ok: true,
            file: SCHEMA_FILE,
            message: `${result.applied} statements applied cleanly on PostgreSQL ${version} in a scratch database (dropped afterwards): ${describeCounts(counts)}`,
            durationMs: performance.now() - t0,
          },
        ];
      } finally {
        await db.end().catch(() => undefined);
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}${Number.parseInt(version, 10) >= 13 ? ' WITH (FORCE)' : ''}`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Without CREATEDB: a scratch schema first on the search path, inside a transaction that is always rolled back. */
async function applyInRolledBackSchema(client: PgClient, name: string, text: string, statements: readonly SqlStatement[], where: string, version: string): Promise<Evidence[]> {
  const t0 = performance.now();
  await client.query('BEGIN');
  try {
    let where = 'a scratch schema';
    try {
      await client.query('SAVEPOINT scratch');
      await client.query(`CREATE SCHEMA ${name}`);
      await client.query(`SET LOCAL search_path TO ${name}, public`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42501') throw e;
      // Not even CREATE on the database: the session's own temporary schema.
      await client.query('ROLLBACK TO SAVEPOINT scratch');
      await client.query('SET LOCAL search_path TO pg_temp, public');
      where = "the session's temporary schema";
    }
    await client.query("SET LOCAL statement_timeout = '60s'");
    const result = await applyStatements({ exec: async (sql) => void (await client.query(sql)) }, SCHEMA_FILE, text, statements);
    if (!result.ok) return [result.error!];
    const schema = where === 'a scratch schema' ? name : ((await client.query<{ s: string }>('SELECT nspname AS s FROM pg_namespace WHERE oid = pg_my_temp_schema()')).rows[0]?.s ?? 'pg_temp');
    const counts = (await client.query<CatalogCounts>(CATALOG_COUNTS_SQL, [schema])).rows[0]!;
    return [
      {
        subject: where,
        ok: true,
        file: SCHEMA_FILE,
        message: `${result.applied} statements applied cleanly on PostgreSQL ${version} in ${where} inside a transaction that was rolled back (the role cannot create databases): ${describeCounts(counts)}`,
        durationMs: performance.now() - t0,
      },
    ];
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
