import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archie, CLI, ROOT } from './_run.js';

/**
 * A reader that goes away early (`archie design x | head -1`, quitting `less`) must not crash
 * archie with `Error: write EPIPE` and a stack trace: like any Unix tool it stops writing, says
 * nothing, and ends with the exit code the command would have had. These tests spawn the built CLI
 * (dist/cli.js) with real pipes whose read end is closed before archie writes, so every write fails.
 */

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Spawn `node <program> ...args` and close the read end of its stdout (and of stderr with
 * `closeStderr`) at once: the process is still starting, so its first write meets a pipe with no
 * reader and fails with EPIPE.
 */
function withReaderGone(program: string[], opts: { closeStderr?: boolean; cwd?: string } = {}): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, program, { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    if (opts.closeStderr) child.stderr.destroy();
    else child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const CRASH = /EPIPE|ERR_STREAM|internal error|\n\s+at /;

let tmp: string;
let folder: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'archie-pipes-'));
  folder = join(tmp, 'short');
  const r = archie(['-q', 'design', 'examples/url-shortener.txt', '--out', folder]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a closed stdout', () => {
  it('makes a plain Node script crash: the harness really breaks the pipe', async () => {
    const r = await withReaderGone(['-e', "process.stdout.write('x'.repeat(100000))"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/EPIPE/);
  });

  it.each<[string, string[], number]>([
    ['design (Markdown)', ['design', 'examples/chat.yaml'], 0],
    ['design --json', ['design', 'examples/chat.yaml', '--json'], 0],
    ['--json before the command', ['--json', 'design', 'examples/chat.yaml'], 0],
    ['capacity', ['capacity', '--dau', '2M', '--peak-factor', '3'], 0],
    ['review with findings keeps exit 1', ['review', 'test/migrate/fixtures/solidus-api.oas.yml', '--fail-on', 'info'], 1],
    ['review --format sarif', ['review', 'test/migrate/fixtures/solidus-api.oas.yml', '--format', 'sarif'], 1],
    ['scale', ['scale', '--brief', 'examples/url-shortener.txt', '--factor', '10'], 0],
    ['migrate', ['migrate', 'examples/saas-migration.txt'], 0],
    ['archie help design', ['help', 'design'], 0],
    ['archie --help', ['--help'], 0],
    ['archie --version', ['--version'], 0],
    ['archie review --help', ['review', '--help'], 0],
    ['archie diagnose --help', ['diagnose', '--help'], 0],
    ['archie mcp --help', ['mcp', '--help'], 0],
  ])('%s: no crash, the command\'s own exit code', async (_name, args, code) => {
    const r = await withReaderGone([CLI, ...args]);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r).toMatchObject({ code, signal: null });
  });

  it('verify: no crash, exit 0', async () => {
    const r = await withReaderGone([CLI, 'verify', folder, '--only', 'openapi,compose']);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.code).toBe(0);
  });
});

describe('closed stdout and stderr', () => {
  it.each<[string, string[], number]>([
    ['an input error', ['review', '/nonexistent'], 2],
    ['an input error as JSON', ['--json', 'review', '/nonexistent'], 2],
    ['an unknown option (commander writes the error)', ['review', '--bogus'], 2],
    ['a missing argument', ['verify'], 2],
    ['a command that succeeds', ['capacity', '--dau', '2M'], 0],
  ])('%s: the exit code survives', async (_name, args, code) => {
    expect(await withReaderGone([CLI, ...args], { closeStderr: true })).toMatchObject({ code, signal: null });
  });

  it('design --out still writes the whole folder and leaves nothing else behind', async () => {
    const out = join(tmp, 'chat');
    const r = await withReaderGone([CLI, 'design', 'examples/chat.yaml', '--out', out], { closeStderr: true });
    expect(r.code).toBe(0);
    for (const f of ['design.json', 'ARCHITECTURE.md', 'openapi.yaml', 'schema.sql', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readdirSync(tmp).sort()).toEqual(['chat', 'short']);
  });
});

describe('a real shell pipeline into head -1', () => {
  const pipeline = (cmd: string) =>
    spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(CLI)} ${cmd} | head -1`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

  it.each<[string, string, RegExp]>([
    // 188 KB of JSON: far more than a pipe holds, so archie is still writing when head exits.
    ['design --json', 'design examples/chat.yaml --json', /^\{$/],
    ['design (Markdown)', 'design examples/chat.yaml', /^# /],
    ['help design', 'help design', /^Usage: archie design /],
  ])('%s prints its first line and exits 0, quietly', (_name, cmd, first) => {
    const r = pipeline(cmd);
    expect(r.stdout.trimEnd()).toMatch(first);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.status).toBe(0);
  });
});

describe('a stdout that cannot be written for another reason', () => {
  it.runIf(existsSync('/dev/full'))('a full disk is said once on stderr and fails the run', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} design examples/chat.yaml > /dev/full`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toMatch(/^error: cannot write the output: .*ENOSPC/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  });
});
