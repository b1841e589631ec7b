import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from './_pkg.js';
import type { Db } from './_pgworker.js';
import { ArchieError } from '../errors.js';

/**
 * Embedded PostgreSQL (PGlite, WASM). A fresh instance runs initdb, which takes seconds; so the
 * first run keeps a dump of the empty data directory in archie's cache and later runs start from
 * it in well under a second. The dump is keyed by the PGlite version; a missing or unwritable
 * cache only costs time.
 */

export interface EmbeddedPostgres {
  /** A connection to PGlite running in a worker thread. */
  db: Db;
  /** e.g. `PostgreSQL 18.6 (PGlite 0.5.16)`. */
  version: string;
  /** How it started: from the cached data directory, or with initdb. */
  startedFrom: 'cache' | 'initdb';
}

/** Extensions PGlite ships under `@electric-sql/pglite/contrib/<name>` (by SQL extension name). */
const CONTRIB = new Set([
  'amcheck', 'auto_explain', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn', 'earthdistance',
  'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'pg_trgm', 'pgcrypto', 'seg', 'tablefunc', 'tcn',
  'tsm_system_rows', 'tsm_system_time', 'unaccent', 'uuid-ossp',
]);

export function pgliteVersion(): string {
  return packageVersion('@electric-sql/pglite');
}

export function cacheDir(): string {
  if (process.env.ARCHIE_CACHE_DIR) return process.env.ARCHIE_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'archie');
}

/** Extensions the schema creates that PGlite can load, and those it cannot. */
export function embeddedExtensions(requested: readonly string[]): { available: string[]; missing: string[] } {
  const available: string[] = [];
  const missing: string[] = [];
  for (const name of [...new Set(requested)].sort()) {
    if (name === 'plpgsql') continue;
    (CONTRIB.has(name) || name === 'vector' ? available : missing).push(name);
  }
  return { available, missing };
}

/** A scratch database: no replication and no crash safety needed. With wal_level=minimal, rows
 * loaded into tables truncated in the same transaction skip the WAL (the generator relies on it). */
const CONF = ['wal_level=minimal', 'max_wal_senders=0', 'full_page_writes=off', 'synchronous_commit=off', 'maintenance_work_mem=256MB'];

export async function startEmbeddedPostgres(extensions: readonly string[] = []): Promise<EmbeddedPostgres> {
  const { startWorkerPostgres } = await import('./_pgworker.js');
  const pglite = pgliteVersion();
  const cacheFile = join(cacheDir(), `pglite-${pglite}-datadir.tar`);
  try {
    const started = await startWorkerPostgres({ cacheFile, extensions, conf: CONF });
    return { db: started.db, version: `PostgreSQL ${started.server} (PGlite ${pglite})`, startedFrom: started.startedFrom };
  } catch (e) {
    throw new ArchieError('IO', `cannot start the embedded PostgreSQL (PGlite ${pglite}): ${(e as Error).message}`, {
      hint: 'reinstall archie; PGlite ships PostgreSQL as WebAssembly in the @electric-sql/pglite package',
      cause: e,
    });
  }
}

/** Empty a reused instance: a fresh public schema, no scratch schemas, default settings. */
export async function resetEmbeddedPostgres(pg: EmbeddedPostgres): Promise<void> {
  await pg.db.exec(`ROLLBACK; RESET ALL; DROP SCHEMA IF EXISTS archie_migrations CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public`);
}
