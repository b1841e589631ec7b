import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { ArchieError } from '../errors.js';

/** Write one file atomically: a temporary sibling, then rename over the target. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new ArchieError('IO', `cannot write ${path}: ${(e as Error).message}`, { path, cause: e });
  }
}

async function isNonEmptyDir(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    if (!s.isDirectory()) throw new ArchieError('EXISTS', `${path} exists and is not a directory`, { path, hint: 'choose another --out path' });
    return (await readdir(path)).length > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Write a whole directory of files so that a reader sees either the old directory or the complete
 * new one, never a half-written mix. The files are written into a temporary sibling directory
 * which is then renamed into place. An existing non-empty directory is replaced only with `force`.
 */
export async function writeDirAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: { force?: boolean } = {},
): Promise<void> {
  const target = resolve(dir);
  if ((await isNonEmptyDir(target)) && !options.force) {
    throw new ArchieError('EXISTS', `${dir} already exists and is not empty`, {
      path: dir,
      hint: 'pass --force to replace it, or choose another --out directory',
    });
  }
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staging = `${target}.archie-tmp.${suffix}`;
  const backup = `${target}.archie-old.${suffix}`;
  try {
    const entries = [...files].map(([rel, content]) => {
      const full = resolve(staging, rel);
      if (!full.startsWith(staging + sep)) throw new ArchieError('IO', `refusing to write outside the output directory: ${rel}`);
      return { full, content };
    });
    // Directories first (each once), then every file at the same time: the writes overlap on disk.
    for (const d of [...new Set(entries.map((e) => dirname(e.full)))].sort()) await mkdir(d, { recursive: true });
    await Promise.all(entries.map((e) => writeFile(e.full, e.content)));
    await mkdir(dirname(target), { recursive: true });
    let hadOld = false;
    try {
      await rename(target, backup);
      hadOld = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    try {
      await rename(staging, target);
    } catch (e) {
      if (hadOld) await rename(backup, target);
      throw e;
    }
    if (hadOld) await rm(backup, { recursive: true, force: true });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    if (e instanceof ArchieError) throw e;
    throw new ArchieError('IO', `cannot write ${dir}: ${(e as Error).message}`, { path: dir, cause: e });
  }
}

/** Join with forward slashes for paths that appear in output (stable across platforms). */
export function posixJoin(...parts: string[]): string {
  return join(...parts).split(sep).join('/');
}
