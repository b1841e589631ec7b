import { readFile, stat } from 'node:fs/promises';
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
}

/** Read a user's text file, refusing missing, directory, oversized, binary and empty inputs with a clear message. */
export async function readTextFile(path: string, options: ReadTextOptions): Promise<string> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new ArchieError('INPUT', `${options.what} ${path} is a directory, not a file`, { path });
    size = s.size;
  } catch (e) {
    if (e instanceof ArchieError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ArchieError('INPUT', `${options.what} not found: ${path}`, { path, hint: 'check the path' });
    if (code === 'EACCES') throw new ArchieError('INPUT', `${options.what} is not readable: ${path}`, { path, hint: 'check the file permissions' });
    throw new ArchieError('IO', `cannot read ${path}: ${(e as Error).message}`, { path, cause: e });
  }
  if (size > options.maxBytes) {
    throw new ArchieError('INPUT', `${options.what} ${path} is ${(size / MiB).toFixed(1)} MiB, above the ${(options.maxBytes / MiB).toFixed(0)} MiB limit`, {
      path,
      hint: `a ${options.what} should be far smaller; check that this is the right file`,
    });
  }
  const bytes = await readFile(path);
  return decodeText(bytes, path, options);
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
