/**
 * `archie verify` as a process: the text report, --json, --only, and the exit codes (0 every check
 * passed, 1 a check failed, 2 usage errors such as a path that is not a design folder).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VerifyReportSchema } from '../../src/verify/index.js';
import { brokenCopy, designFolder } from './_folder.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** The built CLI when it is newer than every source file (as under `npm test`), else the sources through tsx. */
const ENTRY = existsSync('dist/cli.js') && statSync('dist/cli.js').mtimeMs >= newest('src') ? ['dist/cli.js'] : ['--import', 'tsx', 'src/cli/main.ts'];

function archie(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await designFolder('url-shortener.txt');
});

describe('archie verify', () => {
  it('prints each check with its evidence and exits 0 when all pass', async () => {
    const r = await archie(['verify', dir, '--only', 'openapi,compose,adrs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS openapi {2}openapi\.yaml is valid OpenAPI 3\.1\.\d+ and lists every endpoint of the design \([\d.]+ m?s\)$/m);
    expect(r.stdout).toContain(`    ✓ ${join(dir, 'openapi.yaml')}: valid OpenAPI 3.1 per @seriousme/openapi-schema-validator`);
    expect(r.stdout).toMatch(/^all checks passed: 3 passed, 0 failed, 0 skipped in /m);
    expect(r.stderr).toContain('› openapi: openapi.yaml is valid OpenAPI 3.1 and lists every endpoint');
  });

  it('exits 1 with file:line evidence when a check fails; --json is the report', async () => {
    const copy = await brokenCopy(dir, 'deploy/compose.yaml', (t) => t.replace('cap_drop: [ALL]', 'cap_drop: ALL'));
    const text = await archie(['verify', copy, '--only', 'compose']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^FAIL compose {2}deploy\/compose\.yaml has 1 problem/m);
    expect(text.stdout).toMatch(new RegExp(`✗ ${join(copy, 'deploy/compose.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid Compose at /services/\\w+/cap_drop`));
    expect(text.stdout).toMatch(/hint: /);
    const json = await archie(['verify', copy, '--only', 'compose', '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const report = VerifyReportSchema.parse(JSON.parse(json.stdout));
    expect(report).toMatchObject({ ok: false, counts: { passed: 0, failed: 1, skipped: 0 } });
    expect(report.checks[0]!.evidence[0]).toMatchObject({ ok: false, file: 'deploy/compose.yaml', line: expect.any(Number) });
  });

  it('exits 2 for a missing directory, a file, an unknown check and a bad --rows, without a stack trace', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'archie-verify-cli-'));
    const file = join(tmp, 'design.json');
    await writeFile(file, '{}');
    const cases: [string[], RegExp][] = [
      [['verify', join(tmp, 'nope')], /error: .*nope does not exist\n {2}hint: write a design folder first/],
      [['verify', file], /error: [^:\n]*design\.json is not a directory\n/],
      [['verify', dir, '--only', 'openapi,bogus'], /error: unknown check "bogus"\n {2}hint: checks: design-json, design-review, schema-pglite/],
      [['verify', dir, '--rows', '12'], /error: --rows must be an integer between 1000 and 10000000/],
      [['verify', dir, '--database-url', 'mysql://x'], /error: not a PostgreSQL URL/],
    ];
    for (const [args, message] of cases) {
      const r = await archie(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});
