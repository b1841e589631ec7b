import { describe, expect, it } from 'vitest';
import { evaluateWraparound, XID_LIMIT } from '../../../src/diagnose/checks/xid-wraparound.js';
import { T, table } from '../_fixtures.js';

const run = (xidAge: number, mxidAge = 0, database = 'shop') =>
  evaluateWraparound(
    { databases: [{ database, xidAge, mxidAge }], tables: [table({ name: 'old', xidAge }), table({ oid: 2, name: 'young', xidAge: 10 })], current: 'shop', freezeMaxAge: 200_000_000 },
    T,
  );

describe('xid-wraparound', () => {
  it.each([
    ['young', 50_000_000, 0, null],
    ['past 1.5× autovacuum_freeze_max_age', 350_000_000, 0, 'info'],
    ['40% of the space', 0.45 * XID_LIMIT, 0, 'warning'],
    ['70% of the space', 0.75 * XID_LIMIT, 0, 'error'],
    ['multixacts count too', 1000, 0.8 * XID_LIMIT, 'error'],
  ] as const)('%s', (_n, xid, mxid, expected) => {
    expect(run(xid, mxid)[0]?.severity ?? null).toBe(expected);
  });

  it('freezes the oldest tables of the connected database, and says where to go for another', () => {
    expect(run(0.75 * XID_LIMIT)[0]?.fix?.code).toBe('VACUUM (FREEZE, VERBOSE) public.old;\nVACUUM (FREEZE, VERBOSE) public.young;');
    expect(run(0.75 * XID_LIMIT, 0, 'billing')[0]?.fix?.code).toMatch(/^-- connect to billing and run: VACUUM \(FREEZE, VERBOSE\);/);
  });
});
