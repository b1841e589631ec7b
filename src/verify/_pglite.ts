import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from './_pkg.js';
import type { Extension, PGlite } from '@electric-sql/pglite';
import { ArchieError } from '../errors.js';

/**
 * Embedded PostgreSQL (PGlite, WASM). A fresh instance runs initdb, which takes seconds; so the
 * first run keeps a dump of the empty data directory in archie's cache and later runs start from
 * it in well under a second. The dump is keyed by the PGlite version; a missing or unwritable
 * cache only costs time.
 */

export interface EmbeddedPostgres {
  db: PGlite;
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

async function loadExtensions(names: readonly string[]): Promise<Record<string, Extension>> {
  const out: Record<string, Extension> = {};
  for (const name of names) {
    const key = name.replace(/-/g, '_');
    const spec = name === 'vector' ? '@electric-sql/pglite/vector' : `@electric-sql/pglite/contrib/${key}`;
    const mod = (await import(spec)) as Record<string, Extension>;
    const ext = mod[key] ?? mod.vector;
    if (ext) out[key] = ext;
  }
  return out;
}

export async function startEmbeddedPostgres(extensions: readonly string[] = []): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = pgliteVersion();
  const cacheFile = join(cacheDir(), `pglite-${pglite}-datadir.tar`);
  const exts = await loadExtensions(extensions);
  // A scratch database: no replication, no crash safety needed. With wal_level=minimal, rows
  // loaded into tables truncated in the same transaction skip the WAL (the generator relies on it).
  const common = {
    extensions: exts,
    relaxedDurability: true,
    postgresqlconf: ['wal_level=minimal', 'max_wal_senders=0', 'full_page_writes=off', 'synchronous_commit=off', 'maintenance_work_mem=256MB'],
  } as const;
  let db: PGlite | undefined;
  let startedFrom: EmbeddedPostgres['startedFrom'] = 'cache';
  try {
    const dump = await readFile(cacheFile);
    db = await PGlite.create({ ...common, postgresqlconf: [...common.postgresqlconf], loadDataDir: new Blob([dump]) });
  } catch {
    db = undefined;
  }
  if (!db) {
    startedFrom = 'initdb';
    try {
      db = await PGlite.create({ ...common, postgresqlconf: [...common.postgresqlconf] });
    } catch (e) {
      throw new ArchieError('IO', `cannot start the embedded PostgreSQL (PGlite ${pglite}): ${(e as Error).message}`, {
        hint: 'reinstall archie; PGlite ships PostgreSQL as WebAssembly in the @electric-sql/pglite package',
        cause: e,
      });
    }
    await saveDump(db, cacheFile);
  }
  const v = await db.query<{ v: string }>("select current_setting('server_version') as v");
  const server = v.rows[0]?.v ?? '?';
  return { db, version: `PostgreSQL ${server} (PGlite ${pglite})`, startedFrom };
}

/** Keep the freshly initialised data directory for the next run (atomically; errors only cost time). */
async function saveDump(db: PGlite, file: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const blob = await db.dumpDataDir('none');
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
