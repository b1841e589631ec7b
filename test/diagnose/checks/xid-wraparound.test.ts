import { describe, expect, it } from 'vitest';
import { evaluateWraparound, freezeTarget, XID_LIMIT, type RelationAge } from '../../../src/diagnose/checks/xid-wraparound.js';
import { T } from '../_fixtures.js';

const rel = (name: string, xidAge: number, schema = 'public'): RelationAge => ({ schema, name, xidAge, mxidAge: 0 });

const run = (xidAge: number, mxidAge = 0, database = 'shop', relations: RelationAge[] = [rel('old', xidAge)], allowConn = true) =>
  evaluateWraparound({ databases: [{ database, xidAge, mxidAge, allowConn }], relations, blockers: [], current: 'shop', freezeMaxAge: 200_000_000 }, T);

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

  it('the target is the lowest age at which the check reports: under it, the finding is gone', () => {
    expect(freezeTarget(200_000_000, T)).toBe(200_000_000);
    expect(freezeTarget(2_000_000_000, T)).toBeCloseTo(0.4 * XID_LIMIT);
  });

  it('freezes exactly the relations past the target, in one statement', () => {
    expect(run(0.75 * XID_LIMIT, 0, 'shop', [rel('old', 0.75 * XID_LIMIT), rel('older', 0.7 * XID_LIMIT)])[0]?.fix?.code).toBe('VACUUM (FREEZE, VERBOSE) public.old, public.older;');
  });

  it('the whole database when the system catalogs are among them (the catalog holds the age back too)', () => {
    const f = run(0.75 * XID_LIMIT, 0, 'shop', [rel('pg_class', 0.75 * XID_LIMIT, 'pg_catalog'), rel('old', 0.7 * XID_LIMIT)])[0];
    expect(f?.fix?.code).toBe('VACUUM (FREEZE, VERBOSE);');
    expect(f?.fix?.description).toMatch(/system catalogs .* freeze the whole database, as a superuser/);
  });

  it('the whole database when there are too many to list', () => {
    const many = Array.from({ length: 25 }, (_, i) => rel(`t${i}`, 0.75 * XID_LIMIT));
    expect(run(0.75 * XID_LIMIT, 0, 'shop', many)[0]?.fix?.code).toBe('VACUUM (FREEZE, VERBOSE);');
  });

  it('ends what holds a snapshot older than the target first', () => {
    const [f] = evaluateWraparound(
      {
        databases: [{ database: 'shop', xidAge: 0.75 * XID_LIMIT, mxidAge: 0 }],
        relations: [rel('old', 0.75 * XID_LIMIT)],
        blockers: [{ kind: 'prepared transaction', name: 'tx1', xidAge: 0.74 * XID_LIMIT, end: "ROLLBACK PREPARED 'tx1';" }],
        current: 'shop',
        freezeMaxAge: 200_000_000,
      },
      T,
    );
    expect(f?.fix?.code?.split('\n')[0]).toMatch(/^ROLLBACK PREPARED 'tx1'; {2}-- prepared transaction tx1 holds a snapshot/);
  });

  it('another database: where to go; one nobody may connect to: how to let the freeze in', () => {
    expect(run(0.75 * XID_LIMIT, 0, 'billing')[0]?.fix?.code).toMatch(/^-- connect to billing and run: VACUUM \(FREEZE, VERBOSE\);/);
    expect(run(0.75 * XID_LIMIT, 0, 'template0', [], false)[0]?.fix?.code).toMatch(/^ALTER DATABASE template0 WITH ALLOW_CONNECTIONS true;/);
  });
});
