import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/_run.js';
import { connect, text, type TestClient } from './_client.js';

/**
 * MCP tools read and write only inside the allowed folders: the client's roots when it declares
 * them, else the folder the server was started in. Links are resolved before the check.
 */

const base = realpathSync(mkdtempSync(join(tmpdir(), 'archie-mcp-roots-')));
const proj = join(base, 'proj');
const outside = join(base, 'outside');
const SECRET = 'TOPSECRET-do-not-print';

beforeAll(() => {
  mkdirSync(proj);
  mkdirSync(outside);
  copyFileSync(join(ROOT, 'examples/chat.yaml'), join(proj, 'brief.yaml'));
  copyFileSync(join(ROOT, 'test/migrate/fixtures/solidus-api.oas.yml'), join(proj, 'openapi.yaml'));
  copyFileSync(join(ROOT, 'test/migrate/fixtures/solidus-api.oas.yml'), join(outside, 'openapi.yaml'));
  writeFileSync(join(outside, 'secret.yaml'), `title: ${SECRET}\ndescription: chat for 2M daily users ${SECRET}\n`);
  symlinkSync(join(outside, 'secret.yaml'), join(proj, 'secret-link.yaml'));
  symlinkSync(outside, join(proj, 'link-out'));
  symlinkSync(join(outside, 'missing'), join(proj, 'dangling'));
  execFileSync('mkfifo', [join(proj, 'pipe.yaml')]);
});

describe('without client roots: the folder the server was started in', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await connect({ cwd: proj });
  });
  afterAll(async () => {
    await client?.close();
  });

  it.each([
    ['design', { brief: '/etc/passwd' }, 'brief "/etc/passwd"'],
    ['design', { brief: '../outside/secret.yaml' }, 'brief "../outside/secret.yaml"'],
    ['design', { brief: 'secret-link.yaml' }, `resolves to "${join(outside, 'secret.yaml')}"`],
    ['design', { brief: 'link-out/secret.yaml' }, `resolves to "${join(outside, 'secret.yaml')}"`],
    ['capacity', { brief: '/etc/shadow' }, 'brief "/etc/shadow"'],
    ['design', { brief: 'brief.yaml', out: '../outside/new' }, 'out "../outside/new"'],
    ['design', { brief: 'brief.yaml', out: 'link-out/new', force: true }, `resolves to "${join(outside, 'new')}"`],
    ['review', { paths: ['openapi.yaml', '/etc'] }, 'paths[1] "/etc"'],
    ['review', { paths: ['openapi.yaml'], base: '../outside/openapi.yaml' }, 'base "../outside/openapi.yaml"'],
    ['verify', { dir: '/etc' }, 'dir "/etc"'],
    ['scale', { dir: outside, factor: 2 }, `dir "${outside}"`],
    ['scale', { brief: '../outside/secret.yaml', factor: 2 }, 'brief "../outside/secret.yaml"'],
    ['migrate', { openapi: '/etc/passwd' }, 'openapi "/etc/passwd"'],
    ['migrate', { brief: 'link-out/secret.yaml' }, 'brief "link-out/secret.yaml"'],
  ])('%s refuses %j, naming the path and the allowed folder', async (name, args, named) => {
    const r = await client.callTool({ name, arguments: args });
    expect(r.isError).toBe(true);
    const t = text(r);
    expect(t).toContain(named);
    expect(t).toContain(`outside the folders archie may use over MCP`);
    expect(t).toContain(`allowed: ${proj} (the folder the server was started in)`);
    expect(t).not.toContain(SECRET);
    expect(t).not.toMatch(/root:x:0:0/);
    expect(existsSync(join(outside, 'new'))).toBe(false);
  });

  it.each([
    ['a FIFO', 'design', { brief: 'pipe.yaml' }, /brief "pipe\.yaml" is a FIFO; archie reads only regular files/],
    ['a dangling link', 'design', { brief: 'brief.yaml', out: 'dangling' }, /out "dangling" goes through a symbolic link whose target does not exist/],
    ['a NUL in a path', 'review', { paths: ['openapi.yaml\u0000.txt'] }, /paths\[0\] contains a NUL character/],
    ['an empty path', 'verify', { dir: '   ' }, /dir is empty/],
  ])('refuses %s without touching it', async (_what, name, args, re) => {
    const r = await client.callTool({ name, arguments: args });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(re);
    expect(existsSync(join(outside, 'missing'))).toBe(false);
  });

  it('uses paths inside it, relative or absolute', async () => {
    const rv = await client.callTool({ name: 'review', arguments: { paths: ['openapi.yaml', join(proj, 'openapi.yaml')] } });
    expect(rv.isError).toBeFalsy();
    const d = await client.callTool({ name: 'design', arguments: { brief: 'brief.yaml', out: 'out/chat' } });
    expect(d.isError).toBeFalsy();
    expect(existsSync(join(proj, 'out/chat/design.json'))).toBe(true);
    const s = await client.callTool({ name: 'scale', arguments: { dir: 'out/chat', factor: 3 } });
    expect(s.isError).toBeFalsy();
  });
});

describe('with client roots: only the folders the client grants, followed as they change', () => {
  let client: TestClient;
  beforeAll(async () => {
    // Started in proj, but the client grants only `outside`.
    client = await connect({ cwd: proj, roots: [outside] });
  });
  afterAll(async () => {
    await client?.close();
  });

  it('asks the client with roots/list and follows notifications/roots/list_changed', async () => {
    const inOutside = await client.callTool({ name: 'review', arguments: { paths: [join(outside, 'openapi.yaml')] } });
    expect(inOutside.isError).toBeFalsy();
    const inCwd = await client.callTool({ name: 'review', arguments: { paths: ['openapi.yaml'] } });
    expect(inCwd.isError).toBe(true);
    expect(text(inCwd)).toContain(`allowed: ${outside} (the client's roots)`);

    await client.setRoots([proj]);
    expect((await client.callTool({ name: 'review', arguments: { paths: ['openapi.yaml'] } })).isError).toBeFalsy();
    const now = await client.callTool({ name: 'review', arguments: { paths: [join(outside, 'openapi.yaml')] } });
    expect(now.isError).toBe(true);
    expect(text(now)).toContain(`allowed: ${proj} (the client's roots)`);

    // A client that grants nothing gets nothing.
    await client.setRoots([]);
    const none = await client.callTool({ name: 'review', arguments: { paths: ['openapi.yaml'] } });
    expect(none.isError).toBe(true);
    expect(text(none)).toContain('allowed: none (the client granted no file:// roots)');
  });
});

describe('design with out "." and force over MCP in a git repository', () => {
  const repo = join(base, 'repo');
  let client: TestClient;
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  const brief = 'a real-time chat system for 2M daily users, team of 6, GDPR';
  beforeAll(async () => {
    mkdirSync(join(repo, 'src'), { recursive: true });
    writeFileSync(join(repo, 'README.md'), '# my project\n');
    writeFileSync(join(repo, 'src/main.ts'), 'export const x = 1;\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'mine');
    client = await connect({ cwd: repo });
  });
  afterAll(async () => {
    await client?.close();
  });

  it('keeps every file of the repository, .git included, and overwrites only its own files', async () => {
    const head = git('rev-parse', 'HEAD');
    const withoutForce = await client.callTool({ name: 'design', arguments: { brief, out: '.' } });
    expect(withoutForce.isError).toBe(true);
    expect(text(withoutForce)).toMatch(/already exists and is not empty[\s\S]*"force": true/);

    for (let run = 0; run < 2; run++) {
      const r = await client.callTool({ name: 'design', arguments: { brief, out: '.', force: true } });
      expect(r.isError).toBeFalsy();
      expect((r.structuredContent as { out: { files: string[] } }).out.files).toContain('design.json');
      expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# my project\n');
      expect(readFileSync(join(repo, 'src/main.ts'), 'utf8')).toBe('export const x = 1;\n');
      expect(git('rev-parse', 'HEAD')).toBe(head);
      // Only additions: nothing of the repository's is modified or deleted.
      const status = git('status', '--porcelain').split('\n').filter(Boolean);
      expect(status.length).toBeGreaterThan(0);
      expect(status.every((l) => l.startsWith('??'))).toBe(true);
    }

    // A file the user changed since archie wrote it is not overwritten, even with force.
    writeFileSync(join(repo, 'ARCHITECTURE.md'), 'my own notes\n');
    const clash = await client.callTool({ name: 'design', arguments: { brief, out: '.', force: true } });
    expect(clash.isError).toBe(true);
    expect(text(clash)).toMatch(/ARCHITECTURE\.md \(changed since archie wrote it\)/);
    expect(readFileSync(join(repo, 'ARCHITECTURE.md'), 'utf8')).toBe('my own notes\n');
  });
});
