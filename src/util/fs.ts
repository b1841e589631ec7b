import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, realpath, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { ArchieError } from '../errors.js';

/**
 * Writing archie's output folders without ever losing a user's file.
 *
 * - A new or empty folder is filled in one step: everything is written into a hidden staging
 *   folder beside it, which is then renamed into place. A rename onto a folder that someone else
 *   filled meanwhile fails, so two runs into one new folder cannot silently replace each other.
 * - A folder that already holds files is written only with `force`, and then file by file: archie
 *   overwrites only the files its manifest (`.archie-manifest.json`) says it wrote, and only while
 *   they are unchanged since; it removes only its own earlier files that the new output no longer
 *   has. Any other file (a git repository, the user's notes, a file with one of archie's names that
 *   archie did not write) is never touched: a clash stops the run before anything is written.
 * - SIGINT/SIGTERM during a write removes the staging files before the process ends; after a
 *   `kill -9` the manifest's `pending` hashes let the next run recognise the half-written files as
 *   archie's own.
 */

export const MANIFEST = '.archie-manifest.json';
const MANIFEST_VERSION = 1;
const TMP_MARK = '.archie-tmp-';
const STAGING_MARK = '.archie-staging-';

interface Manifest {
  tool: 'archie';
  version: number;
  /** Relative path (forward slashes) → sha256 of the content archie wrote. */
  files: Record<string, string>;
  /** Hashes of a write in progress: present only when a run stopped half-way. */
  pending?: Record<string, string>;
}

export interface WriteDirResult {
  /** Files written, relative to the folder. */
  written: string[];
  /** Archie's own earlier files that the new output no longer has, removed. */
  removed: string[];
  /** Archie's own earlier files that the new output no longer has, kept because they were changed since. */
  kept: string[];
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

function ioError(dir: string, e: unknown): ArchieError {
  if (e instanceof ArchieError) return e;
  const err = e as NodeJS.ErrnoException;
  const hints: Record<string, string> = {
    ENAMETOOLONG: 'the path or one of its names is too long for the file system; choose a shorter --out path',
    ENOTDIR: 'a part of the path is a file, not a folder; choose another --out path',
    EACCES: 'archie may not write there; check the permissions or choose another --out path',
    EPERM: 'archie may not write there; check the permissions or choose another --out path',
    EROFS: 'the file system is read-only; choose another --out path',
    ENOSPC: 'the disk is full; free space or choose another --out path',
    EDQUOT: 'the disk quota is exhausted; free space or choose another --out path',
    ELOOP: 'the path has a symbolic link loop; choose another --out path',
  };
  return new ArchieError('IO', `cannot write ${dir}: ${err?.message ?? String(e)}`, {
    path: dir,
    ...(err?.code && hints[err.code] && { hint: hints[err.code] }),
    cause: e,
  });
}

/** Write one file atomically: a temporary sibling, then rename over the target. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw ioError(path, e);
  }
}

/** Checked relative paths: no absolute paths, no `..`, forward slashes, not the manifest itself. */
function checkedEntries(files: ReadonlyMap<string, string | Uint8Array>): { rel: string; content: string | Uint8Array; hash: string }[] {
  const out = [];
  for (const [rel, content] of files) {
    const norm = normalize(rel).split(sep).join('/');
    if (rel === '' || isAbsolute(rel) || norm.startsWith('../') || norm === '..' || norm !== rel || rel === MANIFEST) {
      throw new ArchieError('IO', `refusing to write outside the output folder or over its manifest: ${rel}`);
    }
    out.push({ rel, content, hash: sha256(content) });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

type TargetState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'full'; entries: string[] };

async function targetState(target: string, dir: string): Promise<TargetState> {
  let s;
  try {
    s = await stat(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ENOTDIR') throw new ArchieError('EXISTS', `cannot create ${dir}: a part of its path is a file, not a folder`, { path: dir, hint: 'choose another --out path' });
    throw ioError(dir, e);
  }
  if (!s.isDirectory()) throw new ArchieError('EXISTS', `${dir} exists and is not a folder`, { path: dir, hint: 'choose another --out path' });
  const entries = (await readdir(target)).filter((n) => !isStaleStaging(n));
  return entries.length === 0 ? { kind: 'empty' } : { kind: 'full', entries };
}

/** Our own leftovers from a run that was killed: hidden staging/tmp names carrying a pid that is gone. */
function isStaleStaging(name: string): boolean {
  const m = new RegExp(`(?:${STAGING_MARK.replace(/\./g, '\\.')}|${TMP_MARK.replace(/\./g, '\\.')})(\\d+)-[0-9a-f]{8}$`).exec(name);
  if (!m || !name.startsWith('.')) return false;
  const pid = Number(m[1]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function removeStaleLeftovers(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const n of names) if (isStaleStaging(n)) await rm(join(folder, n), { recursive: true, force: true });
}

async function readManifest(target: string, dir: string): Promise<Manifest | null> {
  let text: string;
  try {
    const s = await lstat(join(target, MANIFEST));
    if (!s.isFile() || s.size > 4 * 1024 * 1024) return null;
    text = await readFile(join(target, MANIFEST), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(dir, e);
  }
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    const isMap = (v: unknown): v is Record<string, string> =>
      Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((h) => typeof h === 'string');
    if (m.tool !== 'archie' || typeof m.version !== 'number' || !isMap(m.files) || (m.pending !== undefined && !isMap(m.pending))) return null;
    return m as Manifest;
  } catch {
    return null;
  }
}

function manifestText(files: Record<string, string>, pending?: Record<string, string>): string {
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
  const m: Manifest = { tool: 'archie', version: MANIFEST_VERSION, files: sorted(files), ...(pending && { pending: sorted(pending) }) };
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** What is on disk at a relative path: nothing, a regular file with its hash, or something else. */
async function onDisk(target: string, rel: string): Promise<{ kind: 'none' } | { kind: 'file'; hash: string } | { kind: 'other' }> {
  const full = join(target, ...rel.split('/'));
  try {
    const s = await lstat(full);
    if (!s.isFile()) return { kind: 'other' };
    return { kind: 'file', hash: sha256(await readFile(full)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none' };
    throw e;
  }
}

/** Remove our staging files if the process is interrupted while writing, then die of the same signal. */
function onInterrupt(cleanup: () => void): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as NodeJS.Signals[]) {
    const h = () => {
      cleanup();
      for (const [s, f] of handlers) process.removeListener(s, f);
      process.kill(process.pid, sig);
    };
    handlers.set(sig, h);
    process.once(sig, h);
  }
  return () => {
    for (const [s, f] of handlers) process.removeListener(s, f);
  };
}

/**
 * Write archie's output folder (see the module comment for the guarantees). Throws EXISTS when the
 * folder holds files and `force` is not given, or when a file archie would write is not its own.
 */
export async function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>, options: { force?: boolean } = {}): Promise<WriteDirResult> {
  if (dir.trim() === '') throw new ArchieError('USAGE', 'the output folder is an empty string', { hint: 'pass a folder path, e.g. --out out/design' });
  if (dir.includes('\0')) throw new ArchieError('USAGE', 'the output folder path contains a NUL character', { hint: 'pass a plain folder path' });
  const entries = checkedEntries(files);
  let target = resolve(dir);
  try {
    // A symbolic link to a folder is written through, never replaced.
    target = await realpath(target);
  } catch {
    // Does not exist yet.
  }
  try {
    const state = await targetState(target, dir);
    if (state.kind !== 'full') return await writeFresh(target, dir, entries);
    if (!options.force) {
      throw new ArchieError('EXISTS', `${dir} already exists and is not empty`, {
        path: dir,
        hint: 'choose a new --out folder, or pass --force to overwrite the files archie wrote there before (nothing else in the folder is touched)',
      });
    }
    return await writeInto(target, dir, entries);
  } catch (e) {
    throw ioError(dir, e);
  }
}

async function writeFresh(target: string, dir: string, entries: ReturnType<typeof checkedEntries>): Promise<WriteDirResult> {
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new ArchieError('EXISTS', `cannot create ${dir}: a part of its path is a file, not a folder`, { path: dir, hint: 'choose another --out path' });
    throw e;
  }
  await removeStaleLeftovers(parent);
  const stagingName = (): string => join(parent, `.${basename(target)}${STAGING_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const staging = stagingName();
  const release = onInterrupt(() => {
    // Synchronous on purpose: the process is about to end. Writes still queued in the thread pool
    // keep creating files while the folder is removed (rmdir then fails with ENOTEMPTY), so the
    // folder is first renamed away, which makes every later write under its old path fail, and the
    // removal is retried. The new name keeps the staging mark and pid, so a later run clears it if
    // this one could not.
    let doomed = staging;
    try {
      const renamed = stagingName();
      renameSync(staging, renamed);
      doomed = renamed;
    } catch {
      // Not created yet, or already gone: remove whatever is under the staging name.
    }
    // Node's own retries cover the top folder only, not a subfolder that a late write refilled.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        rmSync(doomed, { recursive: true, force: true });
        break;
      } catch {
        // Best effort; after the last attempt the next run removes our leftovers (isStaleStaging).
        Atomics.wait(pause, 0, 0, 10);
      }
    }
  });
  try {
    await mkdir(staging);
    const dirs = [...new Set(entries.map((e) => dirname(join(staging, ...e.rel.split('/')))))].sort();
    for (const d of dirs) await mkdir(d, { recursive: true });
    await Promise.all(entries.map((e) => writeFile(join(staging, ...e.rel.split('/')), e.content, { flag: 'wx' })));
    await writeFile(join(staging, MANIFEST), manifestText(Object.fromEntries(entries.map((e) => [e.rel, e.hash]))), { flag: 'wx' });
    try {
      // Onto a missing or empty folder only: a folder that filled up meanwhile makes this fail.
      await rename(staging, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
        throw new ArchieError('EXISTS', `${dir} was created or filled by another program while archie was writing; nothing was written`, {
          path: dir,
          hint: 'run again (with --force to overwrite archie\'s own files), or choose another --out folder',
        });
      }
      throw e;
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    release();
  }
  return { written: entries.map((e) => e.rel), removed: [], kept: [] };
}

async function writeInto(target: string, dir: string, entries: ReturnType<typeof checkedEntries>): Promise<WriteDirResult> {
  const manifest = await readManifest(target, dir);
  const owned = (rel: string, hash: string) => manifest?.files[rel] === hash || manifest?.pending?.[rel] === hash;
  await removeStaleLeftovers(target);

  // 1. Every file archie would write must be absent or archie's own, unchanged since it wrote it.
  const clashes: string[] = [];
  const existing = new Map<string, string>();
  for (const e of entries) {
    const now = await onDisk(target, e.rel);
    if (now.kind === 'other') clashes.push(`${e.rel} (not a regular file)`);
    else if (now.kind === 'file') {
      if (!owned(e.rel, now.hash)) clashes.push(manifest?.files[e.rel] ? `${e.rel} (changed since archie wrote it)` : e.rel);
      else existing.set(e.rel, now.hash);
    }
    // A parent folder in the way: a file where archie needs a folder.
    const parts = e.rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      const s = await lstat(join(target, ...parts.slice(0, i))).catch(() => null);
      if (s && !s.isDirectory()) clashes.push(`${sub} (a file where archie writes a folder)`);
    }
  }
  if (clashes.length) {
    const unique = [...new Set(clashes)];
    const shown = unique.slice(0, 10).map((c) => `  ${c}`).join('\n');
    throw new ArchieError('EXISTS', `${dir} holds files that archie did not write (or that changed since), where archie would write:\n${shown}${unique.length > 10 ? `\n  … and ${unique.length - 10} more` : ''}`, {
      path: dir,
      hint: 'archie never overwrites files it did not write, even with --force: move them away, or choose another --out folder',
    });
  }

  // 2. Archie's own earlier files that this output no longer has: removed if unchanged, kept otherwise.
  const newSet = new Set(entries.map((e) => e.rel));
  const removable: string[] = [];
  const kept: string[] = [];
  for (const rel of Object.keys(manifest?.files ?? {}).sort()) {
    if (newSet.has(rel) || rel.split('/').includes('..') || isAbsolute(rel)) continue;
    const now = await onDisk(target, rel);
    if (now.kind === 'none') continue;
    if (now.kind === 'file' && owned(rel, now.hash)) removable.push(rel);
    else kept.push(rel);
  }

  // 3. Announce the write (pending hashes), write each file through a temporary sibling, then settle the manifest.
  const newHashes = Object.fromEntries(entries.map((e) => [e.rel, e.hash]));
  const keptHashes = Object.fromEntries(kept.filter((k) => manifest?.files[k]).map((k) => [k, manifest!.files[k]!]));
  await writeFileAtomic(join(target, MANIFEST), manifestText({ ...(manifest?.files ?? {}) }, { ...(manifest?.pending ?? {}), ...newHashes }));
  const temps = new Set<string>();
  const release = onInterrupt(() => {
    for (const t of temps) {
      try {
        rmSync(t, { force: true });
      } catch {
        // Best effort.
      }
    }
  });
  try {
    for (const e of entries) {
      const full = join(target, ...e.rel.split('/'));
      await mkdir(dirname(full), { recursive: true });
      const tmp = join(dirname(full), `.${basename(full)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
      temps.add(tmp);
      await writeFile(tmp, e.content, { flag: 'wx' });
      if (existing.has(e.rel)) {
        // Archie's own file: check once more right before replacing it.
        const now = await onDisk(target, e.rel);
        if (now.kind !== 'file' || now.hash !== existing.get(e.rel)) {
          throw new ArchieError('EXISTS', `${e.rel} in ${dir} changed while archie was writing; stopped before overwriting it`, { path: dir, hint: 'run again once nothing else writes into the folder' });
        }
        await rename(tmp, full);
      } else {
        // A new file: link() fails if someone created the name meanwhile, so nothing is ever overwritten.
        try {
          await link(tmp, full);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new ArchieError('EXISTS', `${e.rel} appeared in ${dir} while archie was writing; it was left as it is`, { path: dir, hint: 'run again once nothing else writes into the folder' });
          }
          throw err;
        }
        await unlink(tmp);
      }
      temps.delete(tmp);
    }
  } finally {
    for (const t of temps) await rm(t, { force: true });
    release();
  }
  const removed: string[] = [];
  for (const rel of removable) {
    await rm(join(target, ...rel.split('/')), { force: true });
    removed.push(rel);
    await pruneEmptyParents(target, rel);
  }
  await writeFileAtomic(join(target, MANIFEST), manifestText({ ...keptHashes, ...newHashes }));
  return { written: entries.map((e) => e.rel), removed, kept };
}

/** Remove the folders of a removed file that are now empty, up to (not including) the output folder. */
async function pruneEmptyParents(target: string, rel: string): Promise<void> {
  const parts = rel.split('/').slice(0, -1);
  for (let i = parts.length; i > 0; i--) {
    try {
      await rmdir(join(target, ...parts.slice(0, i)));
    } catch {
      return; // Not empty (or not ours to remove): stop.
    }
  }
}

/** Join with forward slashes for paths that appear in output (stable across platforms). */
export function posixJoin(...parts: string[]): string {
  return join(...parts).split(sep).join('/');
}
