import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLongRunning } from '../../../src/diagnose/checks/long-running-query.js';
import { loadParser } from '../../../src/diagnose/_sql-parse.js';
import { session, T } from '../_fixtures.js';

beforeAll(() => loadParser());

describe('long-running-query', () => {
  it.each([
    ['an active 5 s query', session({ state: 'active', queryAgeS: 5 }), null],
    ['an idle session whose last query started long ago', session({ state: 'idle', queryAgeS: 9000 }), null],
    ['an autovacuum worker', session({ state: 'active', queryAgeS: 9000, backendType: 'autovacuum worker' }), null],
    ['an active 2 min query', session({ state: 'active', queryAgeS: 120 }), 'warning'],
    ['an active 1 h query', session({ state: 'active', queryAgeS: 3600 }), 'error'],
  ] as const)('%s', (_n, s, expected) => {
    const found = evaluateLongRunning([s], 'shop', T);
    expect(found[0]?.severity ?? null).toBe(expected);
  });

  it('shows the query without its literals and the statement to cancel it', () => {
    const [f] = evaluateLongRunning([session({ pid: 42, state: 'active', queryAgeS: 120, query: "SELECT * FROM users WHERE email = 'a@b.c'" })], 'shop', T);
    expect(f?.evidence?.query).toBe('SELECT * FROM users WHERE email = $1');
    expect(f?.fix?.code).toMatch(/^SELECT pg_cancel_backend\(42\);\n/);
    expect(f?.fix?.code).toContain("ALTER ROLE app SET statement_timeout = '30s';");
  });
});

describe('long-running-query advice', () => {
  it('never ties a statement_timeout to a superuser role, and leaves lock waiters to blocking-locks', async () => {
    const { evaluateLongRunning } = await import('../../../src/diagnose/checks/long-running-query.js');
    const { session: s, T: th } = await import('../_fixtures.js');
    const app = evaluateLongRunning([s({ pid: 1, user: 'app', state: 'active', queryAgeS: 300, query: null })], 'shop', th)[0];
    expect(app?.fix?.code).toContain("ALTER ROLE app SET statement_timeout = '30s';");
    const su = evaluateLongRunning([s({ pid: 2, user: 'postgres', superuser: true, state: 'active', queryAgeS: 300, query: null })], 'shop', th)[0];
    expect(su?.fix?.code).not.toContain('ALTER ROLE');
    expect(su?.fix?.code).toMatch(/postgres is a superuser: cap the job's own session instead/);
    expect(evaluateLongRunning([s({ pid: 3, state: 'active', queryAgeS: 900, blockedBy: [1], waitEventType: 'Lock' })], 'shop', th)).toEqual([]);
  });
});
