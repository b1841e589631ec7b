/**
 * schema-postgres against the real PostgreSQL on this machine (127.0.0.1:5432, user postgres,
 * trust auth; override with ARCHIE_TEST_PGHOST/PGPORT/PGUSER). A design folder is untrusted input:
 * the schema applies in a scratch database as a throwaway role without privileges, both dropped
 * afterwards; statements that reach outside the database are refused before anything runs; SQL
 * that hides such statements in dynamic SQL fails on the role's missing privileges; runaway
 * statements are stopped by the watchdog; and a role that cannot create roles and databases gets
 * a failed check instead of a fallback into its own database.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';
import { brokenCopy, designFolder, lineOf, replaceOnce } from './_folder.js';

const HOST = process.env.ARCHIE_TEST_PGHOST ?? '127.0.0.1';
const PORT = Number(process.env.ARCHIE_TEST_PGPORT ?? 5432);
const USER = process.env.ARCHIE_TEST_PGUSER ?? 'postgres';
const URL = `postgres://${USER}@${HOST}:${PORT}/postgres`;
const WEAK = `archie_test_weak_${process.pid}`;
const VICTIM = `archie_test_victim_${process.pid}`;
const EVIL = `archie_test_evil_${process.pid}`;
const MARKER = join(tmpdir(), `archie-test-marker-${process.pid}`);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ host: HOST, port: PORT, user: USER, database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Databases and roles verify made for its runs in this process: all must be gone after each run. */
const leftovers = (): Promise<string[]> =>
  admin(async (c) => [
    ...(await c.query<{ n: string }>(`SELECT datname AS n FROM pg_database WHERE datname LIKE 'archie_verify_${process.pid}_%'`)).rows.map((r) => `database ${r.n}`),
    ...(await c.query<{ n: string }>(`SELECT rolname AS n FROM pg_roles WHERE rolname LIKE 'archie_verify_${process.pid}_%'`)).rows.map((r) => `role ${r.n}`),
  ]);

const withSchema = (dir: string, sql: string) => brokenCopy(dir, 'schema.sql', () => sql);

let dir: string;
beforeAll(async () => {
  dir = await designFolder('ecommerce.yaml');
  await admin(async (c) => {
    await c.query(`DROP ROLE IF EXISTS ${WEAK}`);
    await c.query(`CREATE ROLE ${WEAK} LOGIN NOCREATEDB NOCREATEROLE`);
    await c.query(`DROP DATABASE IF EXISTS ${VICTIM}`);
    await c.query(`CREATE DATABASE ${VICTIM}`);
  });
});

afterAll(async () => {
  await admin(async (c) => {
    await c.query(`DROP ROLE IF EXISTS ${WEAK}`);
    await c.query(`DROP ROLE IF EXISTS ${EVIL}`);
    await c.query(`DROP DATABASE IF EXISTS ${VICTIM}`);
  });
  rmSync(MARKER, { force: true });
});

describe('schema-postgres', () => {
  it('applies schema.sql in a scratch database as a throwaway role, and drops both', async () => {
    const report = await verify(dir, { only: ['schema-postgres'], databaseUrl: URL });
    const c = report.checks[0]!;
    expect(c.status, JSON.stringify(c.evidence)).toBe('passed');
    expect(c.evidence[0]!.message).toMatch(/statements applied cleanly on PostgreSQL \d+\.\d+.* in a scratch database, as a throwaway role without privileges outside it \(both dropped afterwards\)/);
    expect(report.tools.find((t) => t.name === 'PostgreSQL (server)')?.version).toMatch(/^PostgreSQL \d+/);
    expect(await leftovers()).toEqual([]);
  });

  it('a broken schema fails at the line PostgreSQL points to, and still drops the scratch database and role', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, /CREATE TABLE products \(/, 'CREATE TABLE products (\n  broken_column no_such_type,'));
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: URL });
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(`${copy}/schema.sql`, 'utf8');
    expect(report.checks[0]!.evidence[0]).toMatchObject({ ok: false, file: 'schema.sql', line: lineOf(text, 'no_such_type'), message: expect.stringContaining('type "no_such_type" does not exist') });
    expect(await leftovers()).toEqual([]);
  });

  it('a role that cannot create roles and databases fails the check and runs nothing in its own database', async () => {
    const copy = await withSchema(dir, 'CREATE TABLE archie_should_not_exist (id int);');
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: `postgres://${WEAK}@${HOST}:${PORT}/postgres` });
    expect(report.checks[0]).toMatchObject({ status: 'failed', evidence: [{ ok: false, message: expect.stringMatching(/cannot create a role and a database[\s\S]*CREATEDB and CREATEROLE/) }] });
    const t = await admin(async (c) => (await c.query(`SELECT to_regclass('public.archie_should_not_exist') AS t`)).rows[0].t);
    expect(t).toBeNull();
  });

  it.each([
    ['COPY … TO PROGRAM', `CREATE TABLE t (id int);\nCOPY t TO PROGRAM 'touch ${MARKER}';`, /COPY … PROGRAM runs a shell command/],
    ['COPY FROM a server file', `CREATE TABLE t (x text);\nCOPY t FROM '/etc/passwd';`, /reads or writes the database server's disk/],
    ['ALTER SYSTEM', `ALTER SYSTEM SET work_mem = '1TB';`, /ALTER SYSTEM changes the whole server/],
    ['CREATE ROLE … SUPERUSER', `CREATE ROLE ${EVIL} SUPERUSER LOGIN;`, /creates a role/],
    ['DROP DATABASE', `DROP DATABASE ${VICTIM};`, /drops a database/],
    ['dblink', `CREATE EXTENSION dblink;`, /extension "dblink" is not one verify applies/],
    ['an untrusted language', `CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS 'return 1';`, /language "plpython3u"/],
    ['pg_read_file', `CREATE TABLE t AS SELECT pg_read_file('/etc/passwd') AS x;`, /pg_read_file\(\)/],
    ['SET ROLE', `SET ROLE postgres;`, /switches to another role/],
  ])('refuses %s before anything runs, and says so at its line', async (_what, sql, reason) => {
    const copy = await withSchema(dir, `-- tampered\n${sql}\n`);
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: URL });
    const c = report.checks[0]!;
    expect(c.status).toBe('failed');
    expect(c.evidence[0]).toMatchObject({ ok: false, file: 'schema.sql', message: expect.stringMatching(reason) });
    expect(c.evidence[0]!.message).toMatch(/refused, nothing was run/);
    expect(existsSync(MARKER)).toBe(false);
    expect(await admin(async (c2) => (await c2.query(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1`, [EVIL])).rows[0].n)).toBe(0);
    expect(await admin(async (c2) => (await c2.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [VICTIM])).rows[0].n)).toBe(1);
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    ['a shell command', `COPY (SELECT 1) TO PROGRAM ''touch ${MARKER}''`],
    ['a superuser role', `CREATE ROLE ${EVIL} SUPERUSER LOGIN`],
    ['dropping another database', `DROP DATABASE ${VICTIM}`],
    ['writing a server file', `COPY (SELECT 1) TO ''${MARKER}''`],
    ['changing the server configuration', `ALTER SYSTEM SET work_mem = ''1TB''`],
  ])('dynamic SQL that tries %s fails on the throwaway role\'s missing privileges', async (_what, statement) => {
    const copy = await withSchema(dir, `CREATE TABLE t (id int);\nDO $$ BEGIN EXECUTE '${statement}'; END $$;\n`);
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: URL });
    const c = report.checks[0]!;
    expect(c.status).toBe('failed');
    // Refused by the server: for lack of privilege, or because such statements cannot run inside a function at all.
    expect(c.evidence[0]!.message).toMatch(/permission denied|must be superuser|must be owner|must have|privilege|cannot be executed from a function/i);
    expect(existsSync(MARKER)).toBe(false);
    expect(await admin(async (c2) => (await c2.query(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1`, [EVIL])).rows[0].n)).toBe(0);
    expect(await admin(async (c2) => (await c2.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname = $1`, [VICTIM])).rows[0].n)).toBe(1);
    expect(await admin(async (c2) => (await c2.query(`SHOW work_mem`)).rows[0].work_mem)).not.toBe('1TB');
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    ['pg_sleep', 'SELECT pg_sleep(600);'],
    ['a loop that first lifts its own statement_timeout', "SET statement_timeout = 0;\nDO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;"],
    ['an endless recursive CTE', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;'],
  ])('%s is stopped by the watchdog, reported, and cleaned up', async (_what, sql) => {
    const copy = await withSchema(dir, `CREATE TABLE t (id int);\n${sql}\n`);
    const t0 = performance.now();
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: URL, statementTimeoutMs: 1_500 });
    expect(performance.now() - t0).toBeLessThan(30_000); // bounded, far below the 600 s asked for
    expect(report.checks[0]).toMatchObject({ status: 'failed', evidence: [{ ok: false, message: expect.stringMatching(/stopped after 2 s/) }] });
    expect(await leftovers()).toEqual([]);
  }, 40_000);

  it('an unreachable server is a failed check with the reason', async () => {
    const report = await verify(dir, { only: ['schema-postgres'], databaseUrl: `postgres://${USER}@127.0.0.1:1/postgres` });
    expect(report.checks[0]).toMatchObject({ status: 'failed', evidence: [{ ok: false, message: expect.stringContaining('cannot connect: connection refused') }] });
  });
});
