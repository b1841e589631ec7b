import type { Client } from 'pg';
import type { Check } from '../_check.js';
import { outcome, skipped, type Evidence } from '../report.js';
import { isFileRead, unreadable, type VerifyContext } from '../_context.js';
import { randomBytes } from 'node:crypto';
import { applyStatements, CATALOG_COUNTS_SQL, dbErrorText, describeCounts, refusalEvidence, SCHEMA_FILE, STATEMENT_TIMEOUT_MS, type CatalogCounts } from '../_schema.js';
import type { SqlStatement } from '../_sql.js';

type PgClient = Client;

/**
 * schema.sql applied to a real PostgreSQL given with --database-url. The folder is untrusted input,
 * so verify never runs it as the caller's role or in the caller's databases: it creates a role of
 * its own for the run (LOGIN only: no superuser, no CREATEDB/CREATEROLE, no replication, no role
 * memberships) and a scratch database that only that role may use, applies the file there as that
 * role with a watchdog that ends any statement running too long, then drops both. Statements that
 * reach outside the database are refused before anything runs (_guard.ts). A role that cannot
 * create roles and databases gets a failed check saying so, never a fallback into its own database.
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

async function connect(url: string, database?: string, as?: { user: string; password: string }): Promise<PgClient> {
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
      user: as?.user ?? target.user,
      password: as?.password ?? target.password,
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
  return `archie_verify_${process.pid}_${randomBytes(4).toString('hex')}`;
}

const q = (ident: string): string => `"${ident.replace(/"/g, '""')}"`;

async function applyToServer(ctx: VerifyContext, url: string, text: string, statements: readonly SqlStatement[]): Promise<Evidence[]> {
  const { parseTarget } = await import('../../diagnose/_url.js');
  const target = parseTarget(url);
  // Refused statements never reach the server: not even the scratch role and database are made.
  const refused = refusalEvidence(SCHEMA_FILE, statements);
  if (refused) return [refused];
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
    const me = (await admin.query<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>('SELECT rolname, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')).rows[0];
    if (!me || !(me.rolsuper || (me.rolcreaterole && me.rolcreatedb))) {
      return [
        {
          subject: target.redacted,
          ok: false,
          message:
            `role "${me?.rolname ?? target.user}" cannot create a role and a database, so verify cannot run the folder's SQL where it can do no harm; ` +
            'it never applies a design folder as your own role or in your own databases. Give --database-url a role with CREATEDB and CREATEROLE (or a superuser), ' +
            'e.g. postgres://postgres@host:5432/postgres; verify makes a throwaway role without privileges and a scratch database, and drops both',
        },
      ];
    }
    const name = scratchName();
    const password = randomBytes(18).toString('base64url');
    const t0 = performance.now();
    let roleMade = false;
    let dbMade = false;
    try {
      await admin.query(
        `CREATE ROLE ${q(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 3 PASSWORD '${password}'`,
      );
      roleMade = true;
      // A superuser may bound temporary files too; every role gets time limits on its own sessions.
      for (const setting of ["statement_timeout = '60s'", "lock_timeout = '10s'", "idle_in_transaction_session_timeout = '60s'", ...(me.rolsuper ? ["temp_file_limit = '1GB'"] : [])]) {
        await admin.query(`ALTER ROLE ${q(name)} SET ${setting}`);
      }
      // The caller must be able to end the role's statements (the watchdog) and drop its objects.
      if (!me.rolsuper) await admin.query(`GRANT ${q(name)} TO ${q(me.rolname)}`);
      await admin.query(`CREATE DATABASE ${q(name)} TEMPLATE template0`);
      dbMade = true;
      await admin.query(`REVOKE ALL ON DATABASE ${q(name)} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${q(name)} TO ${q(name)}`);
      const owner = await connect(url, name);
      try {
        await owner.query(`GRANT ALL ON SCHEMA public TO ${q(name)}`);
      } finally {
        await owner.end().catch(() => undefined);
      }
      const db = await connect(url, name, { user: name, password });
      try {
        const pid = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const timeoutMs = ctx.options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
        const runner = {
          exec: async (sql: string, o: { timeoutMs: number }) => {
            // The watchdog does not trust the session's own settings (the file may SET them): it ends the backend from outside.
            let fired = false;
            const timer = setTimeout(() => {
              fired = true;
              void admin.query('SELECT pg_terminate_backend($1)', [pid]).catch(() => undefined);
            }, o.timeoutMs ?? timeoutMs);
            try {
              await db.query(sql);
            } catch (e) {
              if (fired) throw Object.assign(new Error(`stopped after ${Math.round((o.timeoutMs ?? timeoutMs) / 1000)} s: the statement did not finish in time (its session was terminated)`), { code: 'ARCHIE_TIMEOUT' });
              throw e;
            } finally {
              clearTimeout(timer);
            }
          },
        };
        const result = await applyStatements(runner, SCHEMA_FILE, text, statements, { timeoutMs });
        if (!result.ok) return [result.error!];
        const counts = (await db.query<CatalogCounts>(CATALOG_COUNTS_SQL, ['public'])).rows[0]!;
        return [
          {
            subject: target.redacted,
            ok: true,
            file: SCHEMA_FILE,
            message: `${result.applied} statements applied cleanly on PostgreSQL ${version} in a scratch database, as a throwaway role without privileges outside it (both dropped afterwards): ${describeCounts(counts)}`,
            durationMs: performance.now() - t0,
          },
        ];
      } finally {
        await db.end().catch(() => undefined);
      }
    } catch (e) {
      return [{ subject: target.redacted, ok: false, message: `cannot prepare the scratch role and database: ${dbErrorText(e).message}` }];
    } finally {
      const major = Number.parseInt(version, 10);
      if (dbMade) await admin.query(`DROP DATABASE IF EXISTS ${q(name)}${major >= 13 ? ' WITH (FORCE)' : ''}`).catch(() => undefined);
      if (roleMade) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [name]).catch(() => undefined);
        await admin.query(`DROP ROLE IF EXISTS ${q(name)}`).catch(() => undefined);
      }
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
