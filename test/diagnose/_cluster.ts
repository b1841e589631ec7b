/**
 * A private PostgreSQL cluster for the tests that need server settings the shared server must keep
 * (wal_level = logical, replication, a pushed-forward transaction ID counter): initdb into a
 * temporary folder, a free port on 127.0.0.1, and pg_ctl from the same PostgreSQL version as the
 * shared server. As root (CI), the server runs as the `postgres` user, as PostgreSQL requires.
 * `stop()` removes everything; a cluster left by a killed run lives in the OS temp folder only.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The PostgreSQL binaries: ARCHIE_TEST_PGBIN, else the newest /usr/lib/postgresql/<n>/bin. */
export function pgBin(): string {
  const given = process.env.ARCHIE_TEST_PGBIN;
  if (given) return given;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) found under /usr/lib/postgresql: install postgresql, or set ARCHIE_TEST_PGBIN');
  return join(root, newest, 'bin');
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Run a PostgreSQL tool, as the postgres user when we are root. */
export async function pgTool(tool: string, args: string[]): Promise<string> {
  const bin = join(pgBin(), tool);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(cmd, argv, { cwd: os.tmpdir(), timeout: 120_000 });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr || err.message}`, { cause: e });
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface Cluster {
  port: number;
  dir: string;
  url(database?: string): string;
  /** A connected client (closed by stop()). */
  client(database?: string, applicationName?: string): Promise<pg.Client>;
  exec(sql: string, params?: unknown[], database?: string): Promise<pg.QueryResult>;
  start(): Promise<void>;
  /** Stop the server, keeping the data (for pg_resetwal). */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** postgresql.conf lines (name → value, quoted as needed). */
  settings?: Record<string, string>;
  /** Make this cluster a streaming standby of `primary` (pg_basebackup -R), using physical slot `slot`. */
  standbyOf?: { primary: Cluster; slot: string };
}

export async function createCluster(label: string, opts: ClusterOptions = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(os.tmpdir(), `archie-diag-${label}-`));
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const data = join(dir, 'data');
  const port = await freePort();
  if (opts.standbyOf) {
    const p = opts.standbyOf.primary;
    await pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(p.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast', '-S', opts.standbyOf.slot, '-C', '--no-sync']);
  } else {
    await pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  }
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: `'${dir}'`,
    fsync: 'off',
    max_connections: '30',
    shared_buffers: '32MB',
    autovacuum: 'off',
    ...opts.settings,
  };
  // A standby copies the primary's settings; its own replace them whole.
  const lines = Object.entries(settings).map(([k, v]) => `${k} = ${v}`);
  if (opts.standbyOf) {
    lines.push(`primary_conninfo = 'host=127.0.0.1 port=${opts.standbyOf.primary.port} user=postgres application_name=${label}'`, `primary_slot_name = '${opts.standbyOf.slot}'`);
  }
  writeFileSync(join(data, 'postgresql.auto.conf'), `${lines.join('\n')}\n`);
  if (asRoot) await run('chown', ['-R', 'postgres:postgres', dir]);
  const clients: pg.Client[] = [];
  const cluster: Cluster = {
    port,
    dir: data,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async client(database = 'postgres', applicationName = 'archie-test') {
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database, application_name: applicationName });
      c.on('error', () => undefined);
      await c.connect();
      clients.push(c);
      return c;
    },
    async exec(sql, params, database = 'postgres') {
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database });
      c.on('error', () => undefined);
      await c.connect();
      try {
        return await c.query(sql, params);
      } finally {
        await c.end().catch(() => undefined);
      }
    },
    async start() {
      await pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    },
    async halt() {
      await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
      await pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async stop() {
      await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
      if (existsSync(join(data, 'postmaster.pid'))) await pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
