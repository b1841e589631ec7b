import { describe, expect, it } from 'vitest';
import { enableFinding, evaluateTopQueries } from '../../../src/diagnose/checks/top-queries.js';
import { settings, statement, T } from '../_fixtures.js';

describe('top-queries', () => {
  it('lists each query that ranks in any list once, with its ranks', () => {
    const rows = [
      statement({ queryid: 'a', totalMs: 9000, meanMs: 9, calls: 1000 }),
      statement({ queryid: 'b', totalMs: 500, meanMs: 500, calls: 1 }),
      statement({ queryid: 'c', totalMs: 100, meanMs: 0.01, calls: 10000 }),
      statement({ queryid: 'd', query: 'BEGIN', totalMs: 1, meanMs: 0.001, calls: 50000 }),
    ];
    const found = evaluateTopQueries({ rows, totalMs: 9601, database: 'shop' }, { ...T, topQueries: 2 });
    expect(found.map((f) => f.evidence?.queryid)).toEqual(['a', 'b', 'c']);
    expect(found[0]?.evidence).toMatchObject({ rankByTotalTime: 1, rankByMeanTime: 2, rankByCalls: 2, rowsPerCall: 0.1 });
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });

  it.each([
    ['slow, frequent and a large share: warning', statement({ meanMs: 400, calls: 500, totalMs: 200_000 }), 'warning'],
    ['slow but rare: information', statement({ meanMs: 400, calls: 2, totalMs: 800 }), 'info'],
    ['frequent but fast: information', statement({ meanMs: 2, calls: 100_000, totalMs: 200_000 }), 'info'],
  ] as const)('%s', (_n, row, expected) => {
    const [f] = evaluateTopQueries({ rows: [row], totalMs: 200_000, database: 'shop' }, T);
    expect(f?.severity).toBe(expected);
  });

  it('gives the explain command for a slow query', () => {
    const [f] = evaluateTopQueries({ rows: [statement({ meanMs: 400, calls: 500, totalMs: 200_000, query: "SELECT * FROM t WHERE a = $1 AND b = 'x'" })], totalMs: 200_000, database: 'shop' }, T);
    expect(f?.fix?.code).toBe(`archie diagnose "$DATABASE_URL" --explain 'SELECT * FROM t WHERE a = $1 AND b = '\\''x'\\'''`);
  });

  it('says how to enable pg_stat_statements, adding it to the preloaded libraries when missing', () => {
    const present = enableFinding('not-installed', 'shop', settings({ shared_preload_libraries: 'pg_stat_statements' }).get('shared_preload_libraries'));
    expect(present.fix?.code).toBe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements;  -- in database shop');
    const missing = enableFinding('not-installed', 'shop', settings({ shared_preload_libraries: 'auto_explain' }).get('shared_preload_libraries'));
    expect(missing.fix?.code).toBe(
      "ALTER SYSTEM SET shared_preload_libraries = 'auto_explain, pg_stat_statements';  -- then restart PostgreSQL\nCREATE EXTENSION IF NOT EXISTS pg_stat_statements;  -- in database shop",
    );
    expect(enableFinding('not-loaded', 'shop', undefined).message).toMatch(/did not preload it/);
  });
});
