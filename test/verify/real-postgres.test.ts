/**
 * schema-postgres against the real PostgreSQL on this machine (127.0.0.1:5432, user postgres,
 * trust auth; override with ARCHIE_TEST_PGHOST/PGPORT/PGUSER): the schema applies in a scratch
 * database that is dropped afterwards, a broken schema fails at its line, and a role that cannot
 * create databases gets a scratch schema in a rolled-back transaction.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';
import { brokenCopy, designFolder, lineOf, replaceOnce } from './_folder.js';

const HOST = process.env.ARCHIE_TEST_PGHOST ?? '127.0.0.1';
const PORT = Number(process.env.ARCHIE_TEST_PGPORT ?? 5432);
const USER = process.env.ARCHIE_TEST_PGUSER ?? 'postgres';
const URL = `postgres://${USER}@${HOST}:${PORT}/postgres`;
const ROLE = `archie_verify_nocreatedb_${process.pid}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ host: HOST, port: PORT, user: USER, database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const scratchDatabases = (): Promise<string[]> => admin(async (c) => (await c.query<{ d: string }>(`SELECT datname AS d FROM pg_database WHERE datname LIKE 'archie_verify_${process.pid}_%'`)).rows.map((r) => r.d));

let dir: string;
beforeAll(async () => {
  dir = await designFolder('ecommerce.yaml');
  await admin((c) => c.query(`CREATE ROLE ${ROLE} LOGIN NOCREATEDB`));
});

afterAll(async () => {
  await admin((c) => c.query(`DROP ROLE IF EXISTS ${ROLE}`));
});

describe('schema-postgres', () => {
  it('applies schema.sql to the server in a scratch database and drops it', async () => {
    const report = await verify(dir, { only: ['schema-postgres'], databaseUrl: URL });
    const c = report.checks[0]!;
    expect(c.status, JSON.stringify(c.evidence)).toBe('passed');
    expect(c.evidence[0]!.message).toMatch(/statements applied cleanly on PostgreSQL \d+\.\d+.* in a scratch database \(dropped afterwards\)/);
    expect(report.tools.find((t) => t.name === 'PostgreSQL (server)')?.version).toMatch(/^PostgreSQL \d+/);
    expect(await scratchDatabases()).toEqual([]);
  });

  it('a broken schema fails at the line PostgreSQL points to, and still drops the scratch database', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, /CREATE TABLE products \(/, 'CREATE TABLE products (\n  broken_column no_such_type,'));
    const report = await verify(copy, { only: ['schema-postgres'], databaseUrl: URL });
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(`${copy}/schema.sql`, 'utf8');
    expect(report.checks[0]!.evidence[0]).toMatchObject({ ok: false, file: 'schema.sql', line: lineOf(text, 'no_such_type'), message: expect.stringContaining('type "no_such_type" does not exist') });
    expect(await scratchDatabases()).toEqual([]);
  });

  it('a role without CREATEDB gets a scratch schema inside a transaction that is rolled back', async () => {
    const report = await verify(dir, { only: ['schema-postgres'], databaseUrl: `postgres://${ROLE}@${HOST}:${PORT}/postgres` });
    // This role may not even create schemas: its own temporary schema, rolled back.
    expect(report.checks[0]!.evidence[0]!.message).toMatch(/in (a scratch schema|the session's temporary schema) inside a transaction that was rolled back/);
    expect(report.checks[0]!.status).toBe('passed');
    const left = await admin(async (c) => (await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'archie_verify_%'`)).rows);
    expect(left).toEqual([]);
  });

  it('an unreachable server is a failed check with the reason', async () => {
    const report = await verify(dir, { only: ['schema-postgres'], databaseUrl: `postgres://${USER}@127.0.0.1:1/postgres` });
    expect(report.checks[0]).toMatchObject({ status: 'failed', evidence: [{ ok: false, message: expect.stringContaining('cannot connect: connection refused') }] });
  });
});
