import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { readFileBytes, readFileBytesSync, readFileHead, readTextFile, readTextFileSync, type ReadTextOptions } from '../../src/util/input.js';

/**
 * The one reader of users' files: regular files only, a size cap checked before reading and
 * enforced while reading. Every hostile file is made here, at test time. A FIFO with no writer
 * blocks any reader that opens it, so "no hang" is what these tests prove: each finishes (vitest's
 * timeout would fail it otherwise).
 */
const dir = mkdtempSync(join(tmpdir(), 'archie-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fifo = join(dir, 'brief.yaml');
execFileSync('mkfifo', [fifo]);
const zeroLink = join(dir, 'zero.yaml');
symlinkSync('/dev/zero', zeroLink);
const folder = join(dir, 'folder.yaml');
mkdirSync(folder);
const text = join(dir, 'ok.yaml');
writeFileSync(text, 'title: ok\n');
const big = join(dir, 'big.yaml');
writeFileSync(big, 'x'.repeat(2048));
const empty = join(dir, 'empty.yaml');
writeFileSync(empty, '  \n');
const binary = join(dir, 'binary.yaml');
writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62]));

const opts: ReadTextOptions = { maxBytes: 1024, what: 'brief' };

type Reader = (path: string, options: ReadTextOptions) => Promise<unknown>;
const readers: [string, Reader][] = [
  ['readTextFile', readTextFile],
  ['readTextFileSync', async (p, o) => readTextFileSync(p, o)],
  ['readFileBytes', readFileBytes],
  ['readFileBytesSync', async (p, o) => readFileBytesSync(p, o)],
];

async function refusal(read: Reader, path: string, options = opts): Promise<ArchieError> {
  try {
    await read(path, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ArchieError);
    return e as ArchieError;
  }
  throw new Error(`${path} was read`);
}

describe.each(readers)('%s', (_name, read) => {
  it.each([
    ['a FIFO', fifo, /is a named pipe \(FIFO\), not a regular file; archie reads regular files only/],
    ['/dev/zero', '/dev/zero', /is a character device \(like \/dev\/zero or \/dev\/urandom\), not a regular file/],
    ['/dev/urandom', '/dev/urandom', /is a character device/],
    ['a symlink to /dev/zero', zeroLink, /zero\.yaml is a character device/],
    ['a directory', folder, /is a directory, not a file/],
    ['a missing file', join(dir, 'missing.yaml'), /brief not found/],
    ['a file above the cap', big, /big\.yaml is 2\.0 KiB, above the 1\.0 KiB limit/],
  ])('refuses %s with a clear error naming the path, without hanging', async (_what, path, message) => {
    const e = await refusal(read, path);
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(message);
    expect(e.path).toBe(path);
  });

  it('enforces the cap while reading: a file whose size stat does not know (it grows) is cut off', async () => {
    // /proc files are regular files that stat says are empty; their content is what a file that
    // grows after the stat looks like to a reader.
    const e = await refusal(read, '/proc/self/status', { maxBytes: 64, what: 'brief' });
    expect(e.message).toMatch(/grew past 64 bytes while it was read, above the 64 bytes limit/);
  });

  it('reads a regular file, and names it as the caller shows it', async () => {
    const got = await read(text, opts);
    expect(typeof got === 'string' ? got : Buffer.from(got as Uint8Array).toString()).toBe('title: ok\n');
    const e = await refusal(read, fifo, { ...opts, display: 'shown/brief.yaml' });
    expect(e.path).toBe('shown/brief.yaml');
    expect(e.message).toContain('shown/brief.yaml');
  });
});

describe('text checks', () => {
  it.each([
    ['empty', empty, /is empty/],
    ['binary', binary, /is binary, not text/],
  ])('refuses a %s file', async (_what, path, message) => {
    await expect(readTextFile(path, opts)).rejects.toThrow(message);
    expect(() => readTextFileSync(path, opts)).toThrow(message);
  });
});

describe('readFileHead', () => {
  it('reads the start of a regular file and refuses a FIFO or a device', async () => {
    expect(Buffer.from(await readFileHead(text, 5, { what: 'file' })).toString()).toBe('title');
    await expect(readFileHead(fifo, 5, { what: 'file' })).rejects.toThrow(/named pipe/);
    await expect(readFileHead('/dev/urandom', 5, { what: 'file' })).rejects.toThrow(/character device/);
  });
});
