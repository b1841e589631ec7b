import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { MiB, notRegularFile, readFileBytes, readFileHead } from '../util/input.js';
import type { FileError } from './types.js';

/** What a reviewed file is. */
export type FileKind = 'openapi' | 'sql' | 'manifest';

export interface DiscoveredFile {
  /** Absolute path. */
  abs: string;
  /** Relative to the working directory, `/` separators. */
  display: string;
  kind: FileKind;
  size: number;
}

export interface Discovery {
  files: DiscoveredFile[];
  errors: FileError[];
  /** Absolute directories the review covers (given directories, or the folder of a given file). */
  roots: string[];
  /** Files skipped because they are neither OpenAPI, SQL nor a manifest (inside given directories). */
  skipped: number;
}

export interface DiscoverOptions {
  cwd: string;
  /** True for a path (absolute) the config says to ignore. */
  ignored: (abs: string) => boolean;
}

/** Folders never descended into: dependencies and VCS metadata. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const SNIFF_BYTES = 64 * 1024;
/** Largest file read whole to find a late `openapi:` key (the review's own limit is at most 1 GiB). */
const CLASSIFY_MAX_BYTES = 256 * MiB;

export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Find the files to review under the given paths and tell what each one is. Explicitly named files
 * that are not recognised are errors; unrecognised files inside directories are skipped silently
 * (a repository holds many other YAML and JSON files).
 */
export async function discover(paths: string[], options: DiscoverOptions): Promise<Discovery> {
  const out: Discovery = { files: [], errors: [], roots: [], skipped: 0 };
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(options.cwd, p);
    let s;
    try {
      s = await stat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.errors.push({ file: p, message: code === 'ENOENT' ? `${p} does not exist` : `cannot read ${p}: ${(e as Error).message}` });
      continue;
    }
    if (s.isDirectory()) {
      out.roots.push(abs);
      await walk(abs, options, out, seen);
    } else {
      out.roots.push(dirname(abs));
      const special = notRegularFile(s);
      if (special !== undefined) {
        out.errors.push({ file: p, message: `${p} is ${special}, not a regular file; archie reads regular files only` });
        continue;
      }
      if (seen.has(abs)) continue;
      seen.add(abs);
      const kind = await classify(abs);
      const display = displayPath(options.cwd, abs);
      if (kind) out.files.push({ abs, display, kind, size: s.size });
      else out.errors.push({ file: display, message: `${display} is not an OpenAPI 3 document, a SQL file or a Kubernetes/Compose manifest; nothing to review` });
    }
  }
  out.files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return out;
}

async function walk(dir: string, options: DiscoverOptions, out: Discovery, seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.errors.push({ file: displayPath(options.cwd, dir), message: `cannot list ${displayPath(options.cwd, dir)}: ${(e as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (options.ignored(abs)) continue;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(abs, options, out, seen);
      continue;
    }
    if (!e.isFile() || seen.has(abs) || !/\.(ya?ml|json|sql)$/i.test(e.name)) continue;
    seen.add(abs);
    const kind = await classify(abs);
    if (!kind) {
      out.skipped++;
      continue;
    }
    const s = await stat(abs);
    out.files.push({ abs, display: displayPath(options.cwd, abs), kind, size: s.size });
  }
}

/** Decide what a file is from its name and its first 64 KiB. */
export async function classify(abs: string): Promise<FileKind | undefined> {
  const name = basename(abs);
  if (/\.sql$/i.test(name)) return 'sql';
  if (!/\.(ya?ml|json)$/i.test(name)) return undefined;
  let head: string;
  try {
    head = Buffer.from(await readFileHead(abs, SNIFF_BYTES, { what: 'file' })).toString('utf8');
  } catch {
    // Unreadable or not a regular file: let the reviewer report it with the usual message.
    return /\.json$/i.test(name) ? 'openapi' : undefined;
  }
  const kind = classifyText(name, head);
  if (kind || head.length < SNIFF_BYTES) return kind;
  // Large files may put `openapi:` after their components (Stripe's and Twilio's do): look at the
  // whole text, top-level keys only.
  try {
    const text = Buffer.from(await readFileBytes(abs, { maxBytes: CLASSIFY_MAX_BYTES, what: 'file' })).toString('utf8');
    if (/\.json$/i.test(name) ? /^\s{0,2}"(openapi|swagger)"\s*:/m.test(text) : /^["']?(openapi|swagger)["']?\s*:/m.test(text)) return 'openapi';
  } catch {
    return undefined;
  }
  return undefined;
}

/** Classify from a file name and the start of its text. */
export function classifyText(name: string, head: string): FileKind | undefined {
  if (head.includes('\u0000')) return /\.ya?ml$|\.json$/i.test(name) ? 'openapi' : undefined; // binary: the loader reports it
  if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) return 'openapi';
  if (/^\s*\{/.test(head) && /"(openapi|swagger)"\s*:/.test(head)) return 'openapi';
  if (/\.ya?ml$/i.test(name)) {
    if (/^apiVersion\s*:/m.test(head) && /^kind\s*:/m.test(head)) return 'manifest';
    if (/^(docker-)?compose(\.[\w-]+)?\.ya?ml$/i.test(name)) return 'manifest';
    if (/^services\s*:/m.test(head) && /^\s+image\s*:/m.test(head)) return 'manifest';
  }
  return undefined;
}
