import { describe, expect, it } from 'vitest';
import { evaluateDeadTuples, oldestHolder, type XminHolder } from '../../../src/diagnose/checks/dead-tuples.js';
import { settings, T, table } from '../_fixtures.js';

const run = (t: ReturnType<typeof table>, opts: { server?: Record<string, string>; holders?: XminHolder[] } = {}) =>
  evaluateDeadTuples({ tables: [t], settings: settings(opts.server ?? {}), activity: [], holders: opts.holders ?? [], database: 'shop' }, T);

describe('dead-tuples', () => {
  it.each([
    ['a few dead rows', table({ nDeadTup: 500, nLiveTup: 100_000 }), null],
    ['under the autovacuum trigger', table({ nDeadTup: 50_000, nLiveTup: 1_000_000, reltuples: 1_000_000 }), null],
    ['past twice the trigger but a small share', table({ nDeadTup: 500_000, nLiveTup: 9_000_000, reltuples: 1_000_000 }), 'info'],
    ['a quarter of the rows dead', table({ nDeadTup: 400_000, nLiveTup: 1_000_000 }), 'warning'],
    ['autovacuum off for the table, past its trigger', table({ nDeadTup: 5000, nLiveTup: 10_000, reltuples: 10_000, options: { autovacuum_enabled: 'false' } }), 'warning'],
  ] as const)('%s', (_n, t, expected) => {
    expect(run(t)[0]?.severity ?? null).toBe(expected);
  });

  it('names an old snapshot as the cause and how to release it', () => {
    const holders: XminHolder[] = [
      { kind: 'session', name: 'pid 42', xidAge: 90_000, seconds: 1200 },
      { kind: 'session', name: 'pid 43', xidAge: 99_999, seconds: 20 },
    ];
    expect(oldestHolder(holders)?.name).toBe('pid 42');
    const [f] = run(table({ nDeadTup: 400_000, nLiveTup: 1_000_000 }), { holders });
    expect(f?.message).toMatch(/session pid 42 holds a snapshot 90,000 transactions old/);
    expect(f?.fix?.code).toBe('VACUUM (VERBOSE, ANALYZE) public.orders;\n-- the old snapshot: SELECT pg_terminate_backend(42);');
  });

  it('says when autovacuum is off for the whole server', () => {
    const [f] = run(table({ nDeadTup: 400_000, nLiveTup: 1_000_000 }), { server: { autovacuum: 'off' } });
    expect(f?.message).toMatch(/autovacuum is disabled on the server$/);
    expect(f?.fix?.description).toMatch(/autovacuum = on/);
  });
});
