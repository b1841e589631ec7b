import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archie } from './_run.js';

/** `archie review --pg-version` and `--assume-in-transaction`, through the built CLI (dist/cli.js). */
const dir = mkdtempSync(join(tmpdir(), 'archie-cli-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, '0001.sql'), "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nBEGIN;\nALTER TABLE t ADD COLUMN n int DEFAULT 0;\nCOMMIT;\n");
writeFileSync(join(dir, 'openapi.yaml'), "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n");

const rules = (args: string[], cwd = dir): { code: number; ids: string[]; stderr: string } => {
  const r = archie(['review', ...args, '--format', 'json'], { cwd });
  const ids = r.stdout.trim().startsWith('{') ? ((JSON.parse(r.stdout) as { findings?: { ruleId: string }[] }).findings ?? []).map((f) => f.ruleId) : [];
  return { code: r.code, ids, stderr: r.stderr };
};

describe('archie review SQL options', () => {
  it('lists both flags in the help', () => {
    // commander wraps long descriptions: compare with runs of whitespace as one space
    const help = archie(['review', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--pg-version <n> oldest PostgreSQL major version the SQL migrations run on (default 15)');
    expect(help).toContain('--assume-in-transaction the migration tool runs every SQL file inside a transaction');
  });

  it('without them the file is clean on PostgreSQL 15 with its own transaction', () => {
    expect(rules(['0001.sql'])).toEqual({ code: 0, ids: [], stderr: '' });
  });

  it('--pg-version 10: a constant default rewrites the table', () => {
    const r = rules(['0001.sql', '--pg-version', '10']);
    expect(r.ids).toEqual(['sql/add-column-volatile-default']);
    expect(r.code).toBe(1);
  });

  it('--assume-in-transaction: the file BEGIN nests inside the tool transaction', () => {
    const r = rules(['0001.sql', '--assume-in-transaction', '--fail-on', 'warning']);
    expect(r.ids).toContain('sql/transaction-nesting');
    expect(r.code).toBe(1);
  });

  it('the flags win over .archie.yaml field by field', () => {
    const cfg = mkdtempSync(join(tmpdir(), 'archie-cli-review-cfg-'));
    try {
      writeFileSync(join(cfg, '0001.sql'), "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nBEGIN;\nALTER TABLE t ADD COLUMN n int DEFAULT 0;\nCOMMIT;\n");
      writeFileSync(join(cfg, '.archie.yaml'), 'sql:\n  pgVersion: 10\n');
      expect(rules(['0001.sql'], cfg).ids).toEqual(['sql/add-column-volatile-default']);
      expect(rules(['0001.sql', '--pg-version', '15'], cfg).ids).toEqual([]);
      // the config's pgVersion stays when only the other flag is given
      expect(rules(['0001.sql', '--assume-in-transaction'], cfg).ids).toEqual(expect.arrayContaining(['sql/add-column-volatile-default', 'sql/transaction-nesting']));
    } finally {
      rmSync(cfg, { recursive: true, force: true });
    }
  });

  it.each([['8'], ['31'], ['15.5'], ['fifteen'], ['0x10'], ['']])('--pg-version %j is a usage error (exit 2) naming the flag', (v) => {
    const r = archie(['review', '0001.sql', '--pg-version', v], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--pg-version must be/);
    expect(r.stdout).toBe('');
  });

  it('with --base the SQL flags are a usage error, not silently ignored', () => {
    const r = archie(['review', '--base', 'openapi.yaml', 'openapi.yaml', '--pg-version', '12'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pg-version is about SQL migrations');
  });
});
