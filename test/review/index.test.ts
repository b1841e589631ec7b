import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../src/review/index.js';

/**
 * `ReviewOptions.sql` is merged over the loaded config's `sql` section: a field given in the
 * options wins, the others keep the config file's value, and the rest of the config file (rules,
 * ignore) still applies.
 */
const dir = mkdtempSync(join(tmpdir(), 'archie-review-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A file with a BEGIN of its own is not wrapped unless the tool is said to wrap every file (then
// that BEGIN nests in the tool's transaction); a constant default rewrites the table before 11.
const SQL = "SET lock_timeout = '1s';\nBEGIN;\nALTER TABLE t ADD COLUMN n int DEFAULT 0;\nCOMMIT;\n";
writeFileSync(join(dir, '0001.sql'), SQL);

const ids = async (options: Parameters<typeof review>[1]): Promise<string[]> => (await review(['0001.sql'], { cwd: dir, ...options })).findings.map((f) => f.ruleId);

describe('review() sql options', () => {
  it('without options the defaults apply (PostgreSQL 15, files with their own BEGIN are not wrapped)', async () => {
    const got = await ids({ config: {} });
    expect(got).not.toContain('sql/add-column-volatile-default');
    expect(got).not.toContain('sql/transaction-nesting');
  });

  it('pgVersion and assumeInTransaction change the verdicts', async () => {
    expect(await ids({ config: {}, sql: { pgVersion: 10 } })).toContain('sql/add-column-volatile-default');
    expect(await ids({ config: {}, sql: { assumeInTransaction: true } })).toContain('sql/transaction-nesting');
  });

  it('merges over the config: the options win field by field and the other settings stay', async () => {
    const config = { sql: { pgVersion: 10, assumeInTransaction: true }, rules: { 'sql/require-statement-timeout': 'off' as const } };
    const onlyVersion = await ids({ config, sql: { pgVersion: 15 } });
    expect(onlyVersion).not.toContain('sql/add-column-volatile-default'); // options' pgVersion wins
    expect(onlyVersion).toContain('sql/transaction-nesting'); // config's assumeInTransaction kept
    expect(onlyVersion).not.toContain('sql/require-statement-timeout'); // config's rules kept
    expect(await ids({ config })).toContain('sql/add-column-volatile-default');
  });

  it('merges over .archie.yaml read from disk, not replacing it', async () => {
    const cfgDir = mkdtempSync(join(tmpdir(), 'archie-review-options-cfg-'));
    try {
      writeFileSync(join(cfgDir, '0001.sql'), SQL);
      writeFileSync(join(cfgDir, '.archie.yaml'), 'sql:\n  pgVersion: 10\nrules:\n  sql/require-statement-timeout: "off"\n');
      const got = (await review(['0001.sql'], { cwd: cfgDir, sql: { assumeInTransaction: true } })).findings.map((f) => f.ruleId);
      expect(got).toContain('sql/add-column-volatile-default');
      expect(got).toContain('sql/transaction-nesting');
      expect(got).not.toContain('sql/require-statement-timeout');
    } finally {
      rmSync(cfgDir, { recursive: true, force: true });
    }
  });

  it('refuses values that are not settings, naming the field', async () => {
    await expect(review(['0001.sql'], { cwd: dir, config: {}, sql: { pgVersion: 15.5 } })).rejects.toThrow(/sql\.pgVersion/);
    await expect(review(['0001.sql'], { cwd: dir, config: {}, sql: { pgVersion: 8 } })).rejects.toThrow(/sql\.pgVersion: PostgreSQL 9 or later/);
    await expect(review(['0001.sql'], { cwd: dir, config: {}, sql: { assumeInTransaction: 'yes' as unknown as boolean } })).rejects.toThrow(/sql\.assumeInTransaction/);
    await expect(review(['0001.sql'], { cwd: dir, config: {}, sql: { pgVerison: 12 } as unknown as { pgVersion: number } })).rejects.toThrow(/sql\.pgVerison: unknown field/);
  });
});
