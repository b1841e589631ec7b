import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The embedded PostgreSQL runs in a worker thread: PGlite executes SQL synchronously inside
 * WebAssembly, so on the main thread a 1-second INSERT would freeze every other check. In a worker
 * the SQL work runs on one core while the validators and the Chromium driver use the other.
 *
 * The worker's code is inline (it is loaded with `eval`), so it works the same from the sources
 * (tsx) and from the bundle (tsup) without a separate entry point.
 */

/** What the checks need from a database connection. */
export interface CallOptions {
  /** Stop waiting after this long: the worker is terminated (WebAssembly cannot be interrupted otherwise) and the instance is dead. */
  timeoutMs?: number;
}

export interface Db {
  exec(sql: string, options?: CallOptions): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: CallOptions): Promise<{ rows: T[] }>;
  close(): Promise<void>;
  /** False once the worker was terminated (a timeout) or exited. */
  alive(): boolean;
}

/** Longest any one call may take by default: generated-data inserts take seconds, nothing legitimate takes minutes. */
export const DEFAULT_CALL_TIMEOUT_MS = 180_000;

/** A database error as PostgreSQL reports it (message, SQLSTATE, position in the statement, …). */
export class DbError extends Error {
  code: string | undefined;
  position: string | undefined;
  detail: string | undefined;
  hint: string | undefined;
  constructor(e: { message: string; code?: string; position?: string; detail?: string; hint?: string }) {
    super(e.message);
    this.name = 'DbError';
    this.code = e.code;
    this.position = e.position;
    this.detail = e.detail;
    this.hint = e.hint;
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFile, writeFile, rename, rm, mkdir } = require('node:fs/promises');
const { dirname } = require('node:path');
let db;
async function start() {
  const { PGlite } = await import(workerData.pglite);
  const extensions = {};
  for (const [key, url] of workerData.extensions) {
    const mod = await import(url);
    if (mod[key]) extensions[key] = mod[key];
  }
  const options = { extensions, relaxedDurability: true, postgresqlconf: workerData.conf };
  let from = 'cache';
  try {
    db = await PGlite.create({ ...options, loadDataDir: new Blob([await readFile(workerData.cacheFile)]) });
  } catch {
    db = undefined;
  }
  if (!db) {
    from = 'initdb';
    db = await PGlite.create(options);
    const tmp = workerData.cacheFile + '.' + process.pid + '.' + workerData.nonce + '.tmp';
    try {
      const blob = await db.dumpDataDir('none');
      await mkdir(dirname(workerData.cacheFile), { recursive: true });
      await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
      await rename(tmp, workerData.cacheFile);
    } catch {
      await rm(tmp, { force: true }).catch(() => {});
    }
  }
  const v = await db.query("select current_setting('server_version') as v");
  return { from, server: v.rows[0].v };
}
function errorOf(e) {
  return { message: String((e && e.message) || e), code: e && e.code, position: e && e.position, detail: e && e.detail, hint: e && e.hint };
}
parentPort.on('message', async (m) => {
  try {
    let result;
    if (m.op === 'start') result = await start();
    else if (m.op === 'exec') { await db.exec(m.sql); result = null; }
    else if (m.op === 'query') { const r = await db.query(m.sql, m.params); result = { rows: r.rows }; }
    else if (m.op === 'close') { if (db) await db.close(); result = null; }
    parentPort.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: errorOf(e) });
  }
});
`;

export interface WorkerStart {
  db: Db;
  startedFrom: 'cache' | 'initdb';
  server: string;
}

export async function startWorkerPostgres(options: { cacheFile: string; extensions: readonly string[]; conf: readonly string[] }): Promise<WorkerStart> {
  const require = createRequire(import.meta.url);
  const pglite = pathToFileURL(require.resolve('@electric-sql/pglite')).href;
  const extensions = options.extensions.map((name) => {
    const key = name.replace(/-/g, '_');
    const spec = name === 'vector' ? '@electric-sql/pglite/vector' : `@electric-sql/pglite/contrib/${key}`;
    return [name === 'vector' ? 'vector' : key, pathToFileURL(require.resolve(spec)).href];
  });
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pglite, extensions, cacheFile: options.cacheFile, conf: [...options.conf], nonce: Math.random().toString(36).slice(2) },
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let dead: Error | undefined;
  const failAll = (e: Error): void => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; result?: unknown; error?: ConstructorParameters<typeof DbError>[0] }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new DbError(m.error));
    else p.resolve(m.result);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the embedded PostgreSQL worker exited (code ${code})`)));
  const call = <T>(msg: Record<string, unknown>, timeoutMs = DEFAULT_CALL_TIMEOUT_MS): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      const timer = setTimeout(() => {
        // A statement that never ends (pg_sleep, an endless loop or recursive CTE): the only way to
        // stop WebAssembly is to end its thread. Every later call fails with this reason.
        const e = new DbError({ message: `stopped after ${Math.round(timeoutMs / 1000)} s: the statement did not finish in time (the embedded PostgreSQL was terminated)`, code: 'ARCHIE_TIMEOUT' });
        failAll(e);
        worker.removeAllListeners('exit');
        void worker.terminate();
      }, timeoutMs);
      timer.unref();
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          (resolve as (v: unknown) => void)(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.postMessage({ ...msg, id });
    });
  let started: { from: 'cache' | 'initdb'; server: string };
  try {
    started = await call<{ from: 'cache' | 'initdb'; server: string }>({ op: 'start' });
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  const db: Db = {
    exec: (sql, o) => call<void>({ op: 'exec', sql }, o?.timeoutMs),
    query: <T>(sql: string, params: unknown[] = [], o?: CallOptions) => call<{ rows: T[] }>({ op: 'query', sql, params }, o?.timeoutMs),
    alive: () => dead === undefined,
    close: async () => {
      if (dead) return;
      try {
        await call({ op: 'close' });
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
  return { db, startedFrom: started.from, server: started.server };
}
