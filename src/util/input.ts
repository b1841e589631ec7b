import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ArchieError } from '../errors.js';

export const MiB = 1024 * 1024;

/**
 * True when the bytes are not text: a NUL byte in the first 8 KiB, or invalid UTF-8.
 * Text files never contain NUL; binary formats almost always do early on.
 */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

export interface ReadTextOptions {
  /** Largest accepted size in bytes. */
  maxBytes: number;
  /** What the file is, for messages: "brief", "OpenAPI document". */
  what: string;
  /** Accept an empty file. */
  allowEmpty?: boolean;
  /** The path as messages show it (default: the path as given). */
  display?: string;
  /** Hint for a file above `maxBytes` (default: check that this is the right file). */
  sizeHint?: string;
}

/** What a non-regular file is, for messages; undefined for a regular file. */
export function notRegularFile(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device (like /dev/zero or /dev/urandom)';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function refuseNonRegular(s: Stats, shown: string, options: ReadTextOptions): void {
  const kind = notRegularFile(s);
  if (kind === undefined) return;
  if (kind === 'a directory') throw new ArchieError('INPUT', `${options.what} ${shown} is a directory, not a file`, { path: shown });
  throw new ArchieError('INPUT', `${options.what} ${shown} is ${kind}, not a regular file; archie reads regular files only`, {
    path: shown,
    hint: 'save the content to a file and pass that file',
  });
}

function tooLarge(bytes: number, shown: string, options: ReadTextOptions, growing = false): ArchieError {
  const size = growing ? `grew past ${formatSize(options.maxBytes)} while it was read` : `is ${formatSize(bytes)}`;
  return new ArchieError('INPUT', `${options.what} ${shown} ${size}, above the ${formatLimit(options.maxBytes)} limit`, {
    path: shown,
    hint: options.sizeHint ?? `a ${options.what} should be far smaller; check that this is the right file`,
  });
}

/** `31.0 MiB`, `12.5 KiB`, `700 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= MiB / 10) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** A limit: whole MiB without decimals (`32 MiB`), else as formatSize. */
function formatLimit(bytes: number): string {
  return bytes >= MiB && Number.isInteger(bytes / MiB) ? `${bytes / MiB} MiB` : formatSize(bytes);
}

function openError(e: unknown, shown: string, options: ReadTextOptions): ArchieError {
  if (e instanceof ArchieError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ArchieError('INPUT', `${options.what} not found: ${shown}`, { path: shown, hint: 'check the path' });
  if (code === 'EACCES' || code === 'EPERM') return new ArchieError('INPUT', `${options.what} is not readable: ${shown}`, { path: shown, hint: 'check the file permissions' });
  if (code === 'ENAMETOOLONG') return new ArchieError('INPUT', `${options.what} path is too long: ${shown.slice(0, 80)}…`, { path: shown.slice(0, 200), hint: 'check the path' });
  if (code === 'ELOOP') return new ArchieError('INPUT', `${options.what} ${shown} is a loop of symbolic links`, { path: shown, hint: 'check the path' });
  return new ArchieError('IO', `cannot read ${shown}: ${(e as Error).message}`, { path: shown, cause: e });
}

/**
 * Flags for opening a user's file: O_NONBLOCK so that a FIFO swapped in after the stat cannot
 * block the open (regular files ignore it), O_NOCTTY so that a terminal never becomes ours.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** First read: the whole file as stat saw it plus one byte, to see growth without a second call. */
function firstChunkSize(size: number, maxBytes: number): number {
  return Math.max(1, Math.min(size, maxBytes) + 1);
}

/**
 * Read a user's file: regular files only (a FIFO, /dev/zero or /dev/urandom is refused before it
 * is opened, and again on the opened descriptor), the size cap checked before reading and
 * enforced while reading (a file that grows past it is refused, not read on forever).
 */
export async function readFileBytes(path: string, options: ReadTextOptions): Promise<Uint8Array> {
  const shown = options.display ?? path;
  let fh: FileHandle | undefined;
  try {
    refuseNonRegular(await stat(path), shown, options);
    fh = await open(path, OPEN_FLAGS);
    const s = await fh.stat();
    refuseNonRegular(s, shown, options);
    if (s.size > options.maxBytes) throw tooLarge(s.size, shown, options);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let want = firstChunkSize(s.size, options.maxBytes);
    for (;;) {
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(total, shown, options, true);
      chunks.push(buf.subarray(0, bytesRead));
      want = Math.min(MiB, options.maxBytes + 1 - total);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    throw openError(e, shown, options);
  } finally {
    await fh?.close();
  }
}

/** The synchronous twin of readFileBytes, for readers that cannot await (lazy `$ref` loading). */
export function readFileBytesSync(path: string, options: ReadTextOptions): Uint8Array {
  const shown = options.display ?? path;
  let fd: number | undefined;
  try {
    refuseNonRegular(statSync(path), shown, options);
    fd = openSync(path, OPEN_FLAGS);
    const s = fstatSync(fd);
    refuseNonRegular(s, shown, options);
    if (s.size > options.maxBytes) throw tooLarge(s.size, shown, options);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let want = firstChunkSize(s.size, options.maxBytes);
    for (;;) {
      const buf = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buf, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(total, shown, options, true);
      chunks.push(buf.subarray(0, bytesRead));
      want = Math.min(MiB, options.maxBytes + 1 - total);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    throw openError(e, shown, options);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read a user's text file, refusing missing, non-regular, oversized, binary and empty inputs with a clear message. */
export async function readTextFile(path: string, options: ReadTextOptions): Promise<string> {
  return decodeText(await readFileBytes(path, options), options.display ?? path, options);
}

/** The synchronous twin of readTextFile. */
export function readTextFileSync(path: string, options: ReadTextOptions): string {
  return decodeText(readFileBytesSync(path, options), options.display ?? path, options);
}

/**
 * Up to `bytes` bytes from the start of a regular file (for sniffing what a file is); throws the
 * same ArchieErrors as readFileBytes for a missing or non-regular file.
 */
export async function readFileHead(path: string, bytes: number, options: Omit<ReadTextOptions, 'maxBytes'>): Promise<Uint8Array> {
  const shown = options.display ?? path;
  const opts = { ...options, maxBytes: bytes };
  let fh: FileHandle | undefined;
  try {
    refuseNonRegular(await stat(path), shown, opts);
    fh = await open(path, OPEN_FLAGS);
    refuseNonRegular(await fh.stat(), shown, opts);
    const buf = Buffer.allocUnsafe(bytes);
    let total = 0;
    while (total < bytes) {
      const { bytesRead } = await fh.read(buf, total, bytes - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buf.subarray(0, total);
  } catch (e) {
    throw openError(e, shown, opts);
  } finally {
    await fh?.close();
  }
}

/** Validate and decode bytes already in memory (stdin, MCP arguments) with the same rules. */
export function decodeText(bytes: Uint8Array, path: string, options: ReadTextOptions): string {
  if (bytes.length > options.maxBytes) {
    throw new ArchieError('INPUT', `${options.what} is ${(bytes.length / MiB).toFixed(1)} MiB, above the ${(options.maxBytes / MiB).toFixed(0)} MiB limit`, { path });
  }
  if (isBinary(bytes)) {
    throw new ArchieError('INPUT', `${options.what} ${path} is binary, not text`, { path, hint: `pass a UTF-8 text ${options.what}` });
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!options.allowEmpty && text.trim() === '') {
    throw new ArchieError('INPUT', `${options.what} ${path} is empty`, { path, hint: `write the ${options.what} content first` });
  }
  return text;
}
