import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../../src/review/index.js';
import { FindingSchema } from '../../../src/model/finding.js';
import { reviewSql } from '../../../src/review/sql/index.js';

const ROOT = 'test/review/sql/fixtures/shop-migrations';

function fixture(): { path: string; text: string }[] {
  // Deliberately out of order: reviewSql sorts migrations itself.
  return readdirSync(ROOT)
    .sort()
    .reverse()
    .map((f) => ({ path: `${ROOT}/${f}`, text: readFileSync(join(ROOT, f), 'utf8') }));
}

describe('reviewSql over a migrations folder', () => {
  it('finds the expected rules at the expected places, and reports the broken file', async () => {
    const result = await reviewSql(fixture());
    const got = result.findings.map((f) => {
      const loc = f.location;
      if (loc.kind !== 'file') throw new Error('file location expected');
      return `${loc.file.slice(ROOT.length + 1)}:${loc.line}:${loc.column} ${f.ruleId}`;
    });
    expect(got).toEqual([
      '0001_init.sql:3:14 sql/prefer-bigint-primary-key',
      '0001_init.sql:3:14 sql/prefer-identity',
      '0001_init.sql:4:14 sql/prefer-text',
      '0001_init.sql:5:14 sql/no-char',
      '0001_init.sql:6:14 sql/prefer-timestamptz',
      '0001_init.sql:12:9 sql/no-money',
      '0003_customer_display_name.sql:1:1 sql/require-lock-timeout',
      '0003_customer_display_name.sql:1:1 sql/require-statement-timeout',
      '0003_customer_display_name.sql:2:1 sql/mixed-ddl-and-backfill',
      '0010_constraints.sql:4:29 sql/add-constraint-not-valid',
      '0010_constraints.sql:5:1 sql/concurrently-in-transaction',
      '0011_evolve.sql:3:1 sql/rename-column',
      '0011_evolve.sql:5:22 sql/alter-column-type-rewrite',
      '0011_evolve.sql:6:55 sql/add-column-volatile-default',
      '0012_drop_audit.sql:3:1 sql/drop-table',
    ]);
    expect(result.errors).toEqual([{ file: `${ROOT}/0013_broken.sql`, message: 'SQL syntax error: syntax error at or near "ALTER"', line: 3, column: 1 }]);
    expect(result.files.map((f) => f.slice(ROOT.length + 1))).toEqual([
      '0001_init.sql',
      '0002_order_status.sql',
      '0003_customer_display_name.sql',
      '0004_indexes.sql',
      '0010_constraints.sql',
      '0011_evolve.sql',
      '0012_drop_audit.down.sql',
      '0012_drop_audit.sql',
      '0013_broken.sql',
    ]);
    for (const f of result.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  });

  it('is deterministic and independent of the input order', async () => {
    const a = await reviewSql(fixture());
    const b = await reviewSql(fixture().reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps the history: things the earlier files fixed are not reported', async () => {
    const result = await reviewSql(fixture());
    const ids = new Set(result.findings.map((f) => f.ruleId));
    // products.id is widened to bigint in 0011, orders.customer_id is indexed in 0004,
    // audit_log has no key but is dropped in 0012.
    expect(result.findings.some((f) => f.message.includes('products.id'))).toBe(false);
    expect(ids.has('sql/foreign-key-needs-index')).toBe(false);
    expect(ids.has('sql/require-primary-key')).toBe(false);
  });
});

describe('.archie.yaml sql settings and opt-in rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archie-sql-config-'));
  writeFileSync(join(dir, '0001.sql'), "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nALTER TABLE t ADD COLUMN n int DEFAULT 0;\n");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ids = async (config: Record<string, unknown>): Promise<string[]> => (await review(['0001.sql'], { cwd: dir, config })).findings.map((f) => f.ruleId);

  it('reaches the SQL reviewer: transaction wrapping and the PostgreSQL version change verdicts', async () => {
    expect(await ids({})).toContain('sql/concurrently-in-transaction');
    expect(await ids({ sql: { assumeInTransaction: false } })).not.toContain('sql/concurrently-in-transaction');
    expect(await ids({})).not.toContain('sql/add-column-volatile-default');
    expect(await ids({ sql: { pgVersion: 10 } })).toContain('sql/add-column-volatile-default');
  });

  it('runs opt-in rules only when the config gives them a severity, and lists them only then', async () => {
    expect(await ids({})).not.toContain('sql/prefer-bigint-over-int');
    const r = await review(['0001.sql'], { cwd: dir, config: { rules: { 'sql/prefer-bigint-over-int': 'warning' } } });
    expect(r.findings.filter((f) => f.ruleId === 'sql/prefer-bigint-over-int').map((f) => f.severity)).toEqual(['warning']);
    expect(r.rules.some((m) => m.id === 'sql/prefer-bigint-over-int')).toBe(true);
    expect((await review(['0001.sql'], { cwd: dir, config: {} })).rules.some((m) => m.id === 'sql/prefer-bigint-over-int')).toBe(false);
  });

  it('refuses a PostgreSQL version that is not one, naming the field', async () => {
    await expect(review(['0001.sql'], { cwd: dir, config: { sql: { pgVersion: 15.5 } } })).rejects.toThrow(/sql\.pgVersion/);
    await expect(review(['0001.sql'], { cwd: dir, config: { sql: { assumeInTransaction: 'yes' as unknown as boolean } } })).rejects.toThrow(/sql\.assumeInTransaction/);
  });
});
