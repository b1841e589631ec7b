/**
 * Scratch databases on the real PostgreSQL server for diagnose's integration tests. Each test file
 * creates its own `archie_diag_<label>_<pid>_<random>` database and drops it in afterAll, even when
 * a test failed; databases left by a killed run (their pid is gone) are dropped on the next run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_HOST = process.env.ARCHIE_TEST_PGHOST ?? '127.0.0.1';
export const PG_PORT = Number(process.env.ARCHIE_TEST_PGPORT ?? 5432);
export const PG_USER = process.env.ARCHIE_TEST_PGUSER ?? 'postgres';

export function urlFor(database: string, extra = ''): string {
  return `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${database}${extra}`;
}

function connect(database: string, applicationName = 'archie-test'): pg.Client {
  const c = new pg.Client({ host: PG_HOST, port: PG_PORT, user: PG_USER, database, application_name: applicationName });
  c.on('error', () => undefined);
  return c;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = connect('postgres', 'archie-test-admin');
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropStale(c: pg.Client): Promise<void> {
  const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'archie\\_diag\\_%'`);
  for (const { datname } of rows) {
    const m = /_(\d+)_[0-9a-f]{6}$/.exec(datname);
    if (m && !alive(Number(m[1]))) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

export interface Scratch {
  name: string;
  url: string;
  oid: number;
  /** A new connected client to the scratch database (closed by drop()). */
  client(applicationName?: string): Promise<pg.Client>;
  /** Run SQL on a shared client of the scratch database. */
  exec(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** Make this database's pending statistics visible to other sessions now (PostgreSQL 15+). */
  flushStats(c?: pg.Client): Promise<void>;
  drop(): Promise<void>;
}

export async function createScratch(label: string, opts: { pgStatStatements?: boolean } = {}): Promise<Scratch> {
  const name = `archie_diag_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await admin(async (c) => {
    await dropStale(c);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const clients: pg.Client[] = [];
  const open = async (applicationName?: string): Promise<pg.Client> => {
    const c = connect(name, applicationName);
    await c.connect();
    clients.push(c);
    return c;
  };
  const main = await open('archie-test-setup');
  const oid = Number((await main.query(`SELECT oid FROM pg_database WHERE datname = current_database()`)).rows[0].oid);
  if (opts.pgStatStatements !== false) {
    const { rows } = await main.query(`SELECT current_setting('shared_preload_libraries') AS libs`);
    if (!/(^|,)\s*pg_stat_statements\s*(,|$)/.test(String(rows[0]?.libs))) {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      // Fail loudly, never skip: these tests are what proves top-queries and missing-index.
      throw new Error(
        `test/diagnose needs pg_stat_statements preloaded on the PostgreSQL at ${PG_HOST}:${PG_PORT} (shared_preload_libraries is '${String(rows[0]?.libs)}'): ` +
          `add shared_preload_libraries = 'pg_stat_statements' to its postgresql.conf and restart it (scripts/prepare-machine.sh and .ci/run do this), ` +
          'or point ARCHIE_TEST_PGHOST/ARCHIE_TEST_PGPORT at a server that has it',
      );
    }
    await main.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  }
  const flush = async (c: pg.Client = main): Promise<void> => {
    await c.query('SELECT pg_stat_force_next_flush()');
  };
  return {
    name,
    url: urlFor(name),
    oid,
    client: open,
    exec: (sql, params) => main.query(sql, params),
    flushStats: flush,
    async drop() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Poll until `probe` returns a value (not undefined/false), or fail after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
