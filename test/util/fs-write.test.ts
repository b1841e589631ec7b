import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeDirAtomic } from '../../src/util/fs.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'archie-fs-'));
const files = (o: Record<string, string>) => new Map(Object.entries(o));
const tree = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();

describe('writeDirAtomic: a new or empty folder', () => {
  it('writes every file and a manifest of their hashes', async () => {
    const dir = join(tmp(), 'out');
    const r = await writeDirAtomic(dir, files({ 'a.md': 'A', 'sub/b.txt': 'B' }));
    expect(r).toEqual({ written: ['a.md', 'sub/b.txt'], removed: [], kept: [] });
    expect(tree(dir)).toEqual([MANIFEST, 'a.md', 'sub', 'sub/b.txt']);
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(m.files)).toEqual(['a.md', 'sub/b.txt']);
    expect(readdirSync(join(dir, '..'))).toEqual(['out']); // no staging folder left beside it
  });

  it('fills an empty folder the user made', async () => {
    const dir = tmp();
    await writeDirAtomic(dir, files({ 'a.md': 'A' }));
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A');
  });

  it('writes through a symbolic link to a folder instead of replacing the link', async () => {
    const base = tmp();
    mkdirSync(join(base, 'real'));
    symlinkSync(join(base, 'real'), join(base, 'link'));
    await writeDirAtomic(join(base, 'link'), files({ 'a.md': 'A' }));
    expect(lstatSync(join(base, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(base, 'real', 'a.md'), 'utf8')).toBe('A');
  });

  it.each([
    ['an empty path', '', /empty string/],
    ['a path with NUL', 'a\0b', /NUL/],
  ])('refuses %s', async (_what, dir, message) => {
    await expect(writeDirAtomic(dir, files({ 'a.md': 'A' }))).rejects.toThrow(message);
  });

  it('names the problem when a parent is a file, or a name is too long', async () => {
    const base = tmp();
    writeFileSync(join(base, 'file'), 'x');
    await expect(writeDirAtomic(join(base, 'file', 'out'), files({ 'a.md': 'A' }))).rejects.toMatchObject({ code: 'EXISTS', message: expect.stringMatching(/a file, not a folder/) });
    await expect(writeDirAtomic(join(base, 'x'.repeat(300)), files({ 'a.md': 'A' }))).rejects.toMatchObject({ code: 'IO', hint: expect.stringMatching(/too long/) });
    expect(readdirSync(base)).toEqual(['file']);
  });

  it('refuses paths that leave the folder', async () => {
    const dir = join(tmp(), 'out');
    await expect(writeDirAtomic(dir, files({ '../evil': 'x' }))).rejects.toThrow(/outside the output folder/);
    await expect(writeDirAtomic(dir, files({ [MANIFEST]: 'x' }))).rejects.toThrow(/manifest/);
    expect(existsSync(dir)).toBe(false);
  });

  it('of two runs into one new folder, exactly one wins and the other fails without touching it', async () => {
    const dir = join(tmp(), 'out');
    const results = await Promise.allSettled([writeDirAtomic(dir, files({ 'a.md': 'first' })), writeDirAtomic(dir, files({ 'a.md': 'second' }))]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String((failed[0] as PromiseRejectedResult).reason.message)).toMatch(/another program|not empty/);
    expect(['first', 'second']).toContain(readFileSync(join(dir, 'a.md'), 'utf8'));
    expect(readdirSync(join(dir, '..'))).toEqual(['out']);
  });
});

describe('writeDirAtomic: a folder that holds files', () => {
  it('without force, refuses and changes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(writeDirAtomic(dir, files({ 'a.md': 'A' }))).rejects.toMatchObject({ code: 'EXISTS', hint: expect.stringMatching(/--force/) });
    expect(tree(dir)).toEqual(['notes.txt']);
  });

  it('with force, a git repository with files of its own survives: archie only adds its files', async () => {
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'README.md'), '# my project\n');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
    execFileSync('git', ['-C', dir, 'add', '.']);
    execFileSync('git', ['-C', dir, '-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'init']);
    const before = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    await writeDirAtomic(dir, files({ 'ARCHITECTURE.md': 'doc', 'adr/0001.md': 'adr' }), { force: true });
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# my project\n');
    expect(readFileSync(join(dir, 'src', 'main.ts'), 'utf8')).toBe('export {};\n');
    expect(execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' })).toBe(before);
    expect(execFileSync('git', ['-C', dir, 'status', '--porcelain'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual([
      `?? ${MANIFEST}`,
      '?? ARCHITECTURE.md',
      '?? adr/',
    ]);
  });

  it('with force, never overwrites a file with one of archie\'s names that archie did not write', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'schema.sql'), 'my schema');
    await expect(writeDirAtomic(dir, files({ 'a.md': 'A', 'schema.sql': 'new' }), { force: true })).rejects.toMatchObject({
      code: 'EXISTS',
      message: expect.stringMatching(/schema\.sql/),
    });
    expect(tree(dir)).toEqual(['schema.sql']);
    expect(readFileSync(join(dir, 'schema.sql'), 'utf8')).toBe('my schema');
  });

  it('with force, rewrites its own files, removes its own files the new output lacks, and keeps the ones the user changed', async () => {
    const dir = join(tmp(), 'out');
    await writeDirAtomic(dir, files({ 'a.md': 'A1', 'old/gone.md': 'G', 'edited.md': 'E' }));
    writeFileSync(join(dir, 'edited.md'), 'E, edited by hand');
    writeFileSync(join(dir, 'mine.txt'), 'mine');
    const r = await writeDirAtomic(dir, files({ 'a.md': 'A2' }), { force: true });
    expect(r).toEqual({ written: ['a.md'], removed: ['old/gone.md'], kept: ['edited.md'] });
    expect(tree(dir)).toEqual([MANIFEST, 'a.md', 'edited.md', 'mine.txt']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A2');
    expect(readFileSync(join(dir, 'edited.md'), 'utf8')).toBe('E, edited by hand');
  });

  it('with force, refuses to overwrite its own file that the user edited', async () => {
    const dir = join(tmp(), 'out');
    await writeDirAtomic(dir, files({ 'a.md': 'A1', 'b.md': 'B1' }));
    writeFileSync(join(dir, 'a.md'), 'my edits');
    await expect(writeDirAtomic(dir, files({ 'a.md': 'A2', 'b.md': 'B2' }), { force: true })).rejects.toThrow(/a\.md \(changed since archie wrote it\)/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('my edits');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('B1');
  });

  it('treats a forged or broken manifest as no manifest', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'precious.txt'), 'data');
    writeFileSync(join(dir, MANIFEST), '{"tool":"archie","version":1,"files":{"precious.txt":"0"}}');
    await writeDirAtomic(dir, files({ 'a.md': 'A' }), { force: true });
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('data');
    writeFileSync(join(dir, MANIFEST), 'not json');
    await expect(writeDirAtomic(dir, files({ 'a.md': 'B' }), { force: true })).rejects.toThrow(/a\.md/);
  });

  it('never follows a symbolic link that stands where archie would write a file', async () => {
    const dir = tmp();
    const outside = join(tmp(), 'secret');
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(dir, 'a.md'));
    await expect(writeDirAtomic(dir, files({ 'a.md': 'A' }), { force: true })).rejects.toThrow(/not a regular file/);
    expect(readFileSync(outside, 'utf8')).toBe('secret');
  });
});

describe('writeDirAtomic: interrupted', () => {
  // A child process writes a big folder and is killed mid-way; nothing of the user's may be lost and
  // the next run must succeed.
  const script = (dir: string, force: boolean) => `
    import { writeDirAtomic } from ${JSON.stringify(resolve('src/util/fs.ts'))};
    const files = new Map();
    for (let i = 0; i < 3000; i++) files.set('f/' + i + '.txt', 'x'.repeat(20000));
    process.stdout.write('start\\n');
    await writeDirAtomic(${JSON.stringify(dir)}, files, { force: ${force} });
    process.stdout.write('done\\n');
  `;
  const runAndKill = (dir: string, force: boolean, signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(dir, force)], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (b: Buffer) => {
        if (b.toString().includes('start')) setTimeout(() => child.kill(signal), 150);
      });
      child.on('exit', () => done());
    });

  it.each(['SIGTERM', 'SIGKILL'] as const)('by %s: the user\'s files survive, and the next run completes', async (signal) => {
    const base = tmp();
    const dir = join(base, 'out');
    await writeDirAtomic(dir, files({ 'a.md': 'A' }));
    writeFileSync(join(dir, 'mine.txt'), 'mine');
    await runAndKill(dir, true, signal);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('mine');
    if (signal === 'SIGTERM' && existsSync(join(dir, 'f'))) expect(readdirSync(join(dir, 'f')).filter((n) => n.includes('archie-tmp'))).toEqual([]);
    const again = new Map([['a.md', 'A2'], ...Array.from({ length: 3 }, (_, i) => [`f/${i}.txt`, 'y'] as [string, string])]);
    await writeDirAtomic(dir, again, { force: true });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A2');
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(dir, 'f')).filter((n) => n.includes('archie-tmp'))).toEqual([]);
  }, 60_000);

  it('by SIGTERM while filling a new folder: no staging folder is left beside it', async () => {
    const base = tmp();
    await runAndKill(join(base, 'out'), false, 'SIGTERM');
    expect(readdirSync(base).filter((n) => n.includes('archie-staging'))).toEqual([]);
  }, 60_000);
});
