import { describe, expect, it } from 'vitest';
import { evaluateStaleStatistics } from '../../../src/diagnose/checks/stale-statistics.js';
import { session, settings, T, table } from '../_fixtures.js';

const run = (t: ReturnType<typeof table>, busy = 0) =>
  evaluateStaleStatistics(
    { tables: [t], settings: settings({}), activity: Array.from({ length: busy }, (_, i) => session({ pid: i, backendType: 'autovacuum worker' })), database: 'shop' },
    T,
  );

describe('stale-statistics', () => {
  it.each([
    ['freshly analyzed', table({ nModSinceAnalyze: 0 }), 0, null],
    ['just past the trigger', table({ reltuples: 1_000_000, nModSinceAnalyze: 120_000 }), 0, null],
    ['far past it, autovacuum will catch up', table({ reltuples: 1_000_000, nModSinceAnalyze: 500_000 }), 0, 'info'],
    ['far past it, every worker busy', table({ reltuples: 1_000_000, nModSinceAnalyze: 500_000 }), 3, 'warning'],
    ['past it with autovacuum off for the table', table({ reltuples: 100_000, nModSinceAnalyze: 20_000, options: { autovacuum_enabled: 'off' } }), 0, 'warning'],
    ['never analyzed, large', table({ reltuples: -1, nLiveTup: 100_000, nModSinceAnalyze: 100_000, analyzeAgeS: null }), 0, 'info'],
  ] as const)('%s', (_n, t, busy, expected) => {
    expect(run(t, busy)[0]?.severity ?? null).toBe(expected);
  });

  it('counts the rows the table has now, not the stale estimate (half of it deleted since)', () => {
    const [f] = run(table({ reltuples: 600_000, nLiveTup: 300_000, nModSinceAnalyze: 300_000, options: { autovacuum_enabled: 'off' } }));
    expect(f?.message).toMatch(/^public\.orders \(300,000 rows,/);
    // A warning about plans ranks below the other warnings of its band.
    expect(f?.impact).toBeLessThan(130);
  });

  it('honours per-table analyze settings', () => {
    const t = table({ reltuples: 1_000_000, nModSinceAnalyze: 50_000, options: { autovacuum_analyze_scale_factor: '0.01', autovacuum_enabled: 'false' } });
    const [f] = run(t);
    expect(f?.evidence?.analyzeTrigger).toBe(10_050);
    expect(f?.fix?.code).toBe('ANALYZE VERBOSE public.orders;\nALTER TABLE public.orders RESET (autovacuum_enabled);');
  });
});
