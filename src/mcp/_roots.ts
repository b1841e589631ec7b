import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { ArchieError } from '../errors.js';

/**
 * The folders MCP tools may read and write: the roots the client grants (MCP roots: asked with
 * roots/list when the client declares the capability, asked again on
 * notifications/roots/list_changed), or else the folder the server was started in. Every path
 * argument is resolved with realpath (symbolic links followed, `..` applied by the file system)
 * before it is compared with them, and the library gets the resolved path, so what is checked is
 * what is opened. A path outside them is refused before anything touches it.
 */

export type PathKind =
  /** A file to read (brief, OpenAPI document): a regular file when it exists. */
  | 'file'
  /** A file or a folder to read (review paths, a design folder or its design.json). */
  | 'file-or-dir'
  /** A folder to write into; it may not exist yet. */
  | 'out';

interface Allowed {
  dirs: string[];
  /** Where they came from, for messages. */
  source: 'client' | 'cwd';
  /** Why nothing is allowed (a client that granted no roots, or did not answer). */
  none?: string;
}

const ROOTS_TIMEOUT_MS = 10_000;

/** realpath of the deepest existing ancestor, with the rest appended: where a new path would land. */
async function landing(abs: string, arg: string, value: string): Promise<string> {
  const rest: string[] = [];
  let p = abs;
  for (;;) {
    try {
      const real = await realpath(p);
      return rest.length ? resolve(real, ...rest.reverse()) : real;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // A link whose target is missing would send a write wherever it points: refuse it.
        const link = await lstat(p).then((s) => s.isSymbolicLink(), () => false);
        if (link) throw new ArchieError('USAGE', `${arg} ${quote(value)} goes through a symbolic link whose target does not exist (${quote(p)})`, { hint: 'pass a path without dangling links' });
        const up = dirname(p);
        if (up === p) return abs;
        rest.push(basename(p));
        p = up;
        continue;
      }
      if (code === 'ELOOP') throw new ArchieError('USAGE', `${arg} ${quote(value)} has a symbolic link loop`, { hint: 'pass a path without link loops' });
      throw new ArchieError('USAGE', `${arg} ${quote(value)} cannot be resolved: ${(e as Error).message.slice(0, 300)}`, { hint: 'pass a path archie can read' });
    }
  }
}

/** A path as messages quote it: long ones shortened, so an error never floods the context. */
export function quote(p: string, max = 160): string {
  return JSON.stringify(p.length > max ? `${p.slice(0, max)}…` : p) + (p.length > max ? ` (${p.length.toLocaleString('en-US')} characters)` : '');
}

function inside(path: string, root: string): boolean {
  if (path === root) return true;
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function kindOf(s: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export class Roots {
  private allowed: Promise<Allowed> | null = null;
  private server: Server | null = null;
  private readonly cwd: string;

  constructor(cwd: string = process.cwd()) {
    this.cwd = resolve(cwd);
  }

  /** Follow the client's roots: asked once initialised, and again whenever they change. */
  attach(server: Server): void {
    this.server = server;
    const previous = server.oninitialized;
    server.oninitialized = () => {
      previous?.();
      this.refresh();
    };
    server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
      this.refresh();
    });
  }

  /** Forget the current roots; the next check asks again. */
  refresh(): void {
    this.allowed = this.load();
    // A failed request is reported when a tool needs the roots; nothing to do here.
    this.allowed.catch(() => undefined);
  }

  private async load(): Promise<Allowed> {
    const server = this.server;
    if (!server?.getClientCapabilities()?.roots) {
      return { dirs: [await realpath(this.cwd).catch(() => this.cwd)], source: 'cwd' };
    }
    let roots: Array<{ uri: string }>;
    try {
      roots = (await server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS })).roots;
    } catch (e) {
      // Asked again on the next tool call rather than falling back to a wider default.
      this.allowed = null;
      return { dirs: [], source: 'client', none: `the client declares MCP roots but did not answer roots/list (${(e as Error).message})` };
    }
    const dirs: string[] = [];
    for (const r of roots) {
      if (!r.uri.startsWith('file://')) continue;
      let p: string;
      try {
        p = fileURLToPath(r.uri);
      } catch {
        continue;
      }
      dirs.push(await landing(resolve(p), 'root', r.uri).catch(() => resolve(p)));
    }
    const unique = [...new Set(dirs)].sort();
    return unique.length ? { dirs: unique, source: 'client' } : { dirs: [], source: 'client', none: 'the client granted no file:// roots' };
  }

  async current(): Promise<Allowed> {
    if (!this.allowed) this.refresh();
    return this.allowed!;
  }

  /** The allowed folders, for messages and docs. */
  async describe(): Promise<string> {
    const a = await this.current();
    if (a.none) return `none (${a.none})`;
    return `${a.dirs.join(', ')} (${a.source === 'client' ? "the client's roots" : 'the folder the server was started in'})`;
  }

  /**
   * Check one path argument and return the path to hand to the library: relative to the server's
   * folder when it is inside it (so messages stay short), else absolute; always without links.
   */
  async check(arg: string, value: string, kind: PathKind, readAs = ''): Promise<string> {
    if (value.includes('\0')) throw new ArchieError('USAGE', `${arg} contains a NUL character, which no file name can hold`, { hint: `pass a plain path in ${arg}` });
    if (value.trim() === '') throw new ArchieError('USAGE', `${arg} is empty`, { hint: `pass a path in ${arg}` });
    const allowed = await this.current();
    const abs = resolve(this.cwd, value);
    const real = await landing(abs, arg, value);
    if (allowed.none || !allowed.dirs.some((d) => inside(real, d))) {
      const where = real === abs ? '' : ` (it resolves to ${quote(real)})`;
      throw new ArchieError('USAGE', `${arg} ${quote(value)}${readAs} is outside the folders archie may use over MCP${where}; allowed: ${await this.describe()}`, {
        hint:
          allowed.source === 'client'
            ? 'pass a path inside one of the roots the client grants, or grant that folder as a root in the client'
            : 'pass a path inside that folder, or start the server in (or grant as an MCP root) the folder that holds it',
      });
    }
    if (kind !== 'out') {
      const s = await stat(real).catch(() => null);
      if (s && !s.isFile() && !s.isDirectory()) throw new ArchieError('INPUT', `${arg} ${quote(value)} is ${kindOf(s)}; archie reads only regular files and folders`, { hint: 'pass a regular file' });
      if (s && kind === 'file' && s.isDirectory()) throw new ArchieError('INPUT', `${arg} ${quote(value)} is a folder, not a file`, { hint: `pass a file in ${arg}` });
    }
    const cwd = await realpath(this.cwd).catch(() => this.cwd);
    if (inside(real, cwd)) return relative(cwd, real) || '.';
    return isAbsolute(real) ? real : resolve(real);
  }
}
