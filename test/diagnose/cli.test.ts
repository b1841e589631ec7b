/**
 * `archie diagnose` end to end as a process: output formats, exit codes (0 healthy, 1 findings at
 * or above --fail-on, 2 cannot connect or bad arguments) and no password on any stream.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/diagnose/index.js';
import { createScratch, PG_HOST, PG_PORT, PG_USER, type Scratch } from './_db.js';

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

function archie(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const SECRET = 'cli-s3cret-pass';
let db: Scratch;
let url: string;

beforeAll(async () => {
  db = await createScratch('cli', { pgStatStatements: false });
  await db.exec('CREATE SEQUENCE ticket_seq MAXVALUE 100');
  await db.exec(`SELECT setval('ticket_seq', 96)`);
  // trust authentication ignores the password, so it can ride along to prove it is never printed.
  url = `postgres://${PG_USER}:${SECRET}@${PG_HOST}:${PG_PORT}/${db.name}`;
});

afterAll(async () => {
  await db?.drop();
});

describe('archie diagnose (CLI)', () => {
  it('exit codes, formats and redaction', async () => {
    const [text, json, md, quiet, healthy, blind, refused, badFlag, analyzeWrite, list] = await Promise.all([
      archie(['diagnose', url]),
      archie(['diagnose', url, '--json']),
      archie(['diagnose', url, '--format', 'md', '--checks', 'sequence-exhaustion']),
      archie(['diagnose', url, '--fail-on', 'none', '--quiet', '--skip', 'top-queries']),
      // This database has no pg_stat_statements: top-queries is skipped knowingly.
      archie(['diagnose', '--skip', 'sequence-exhaustion,top-queries'], { DATABASE_URL: url }),
      archie(['diagnose', url, '--fail-on', 'none', '--checks', 'top-queries,connections']),
      archie(['--json', 'diagnose', `postgres://${PG_USER}:${SECRET}@127.0.0.1:1/${db.name}`]),
      archie(['diagnose', url, '--fail-on', 'sometimes']),
      archie(['diagnose', url, '--explain', 'DELETE FROM pg_class', '--analyze']),
      archie(['diagnose', '--list-checks']),
    ]);

    // A sequence at 96%: an error, so exit 1 at the default --fail-on warning.
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n')[1]).toMatch(/^1 error, 0 warnings, \d+ info$/);
    expect(text.stdout.split('\n')[2]).toMatch(/^Looked at \d+ tables?, \d+ index(es)?, 1 sequence, \d+ sessions?; \d+ of \d+ checks complete, 1 could not check$/);
    expect(text.stdout).toContain('Do now\n  1. error   public.ticket_seq has used 96.0% of its range');
    expect(text.stdout).toContain(`postgres://${PG_USER}:***@${PG_HOST}:${PG_PORT}/${db.name}`);

    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.findings.find((f: { ruleId: string }) => f.ruleId === 'sequence-exhaustion').location.name).toBe('public.ticket_seq');
    expect(parsed.target.url).not.toContain(SECRET);

    expect(md.code).toBe(1);
    expect(md.stdout.startsWith(`# Database diagnosis: ${db.name}\n`)).toBe(true);

    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain('Do now: nothing urgent');

    // A check that could not look fails the run even with --fail-on none, and says what would let it.
    expect(blind.code).toBe(1);
    expect(blind.stdout).toContain('Do now: nothing urgent found, but 1 check could not look at everything');
    expect(blind.stdout).toContain('could not check top-queries: pg_stat_statements is not installed in this database');
    expect(blind.stdout).toMatch(/to let it: .*CREATE EXTENSION IF NOT EXISTS pg_stat_statements;/);
    expect(blind.stderr).toBe(`› diagnosing postgres://${PG_USER}:***@${PG_HOST}:${PG_PORT}/${db.name}\n`);

    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'CONNECT', reason: 'refused' });

    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--fail-on must be one of error, warning, info, none');

    expect(analyzeWrite.code).toBe(2);
    expect(analyzeWrite.stderr).toMatch(/--analyze executes the query, and this DELETE modifies data\n {2}hint: add --allow-writes/);

    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(CHECKS.length);

    for (const r of [text, json, md, quiet, healthy, blind, refused, badFlag, analyzeWrite]) {
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toMatch(/internal error|at .+\.ts:\d+/);
    }
  });

  it('--explain prints the plan and what to change; exit 0 when nothing is at --fail-on', async () => {
    const r = await archie(['diagnose', url, '--explain', 'SELECT relname FROM pg_class WHERE oid = 1259', '--fail-on', 'warning']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EXPLAIN (the query was planned, not run)');
    expect(r.stdout).toMatch(/Index Scan on pg_catalog\.pg_class/);
  });
});
