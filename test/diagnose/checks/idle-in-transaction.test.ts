import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateIdleInTransaction } from '../../../src/diagnose/checks/idle-in-transaction.js';
import { loadParser } from '../../../src/diagnose/_sql-parse.js';
import { session, T } from '../_fixtures.js';

beforeAll(() => loadParser());

describe('idle-in-transaction', () => {
  it.each([
    ['idle (no transaction) for an hour', session({ state: 'idle', stateAgeS: 3600 }), null],
    ['idle in transaction for 5 s', session({ state: 'idle in transaction', stateAgeS: 5 }), null],
    ['idle in transaction for 1 min', session({ state: 'idle in transaction', stateAgeS: 60, locksHeld: 3 }), 'warning'],
    ['aborted and idle for 1 h', session({ state: 'idle in transaction (aborted)', stateAgeS: 3600 }), 'error'],
  ] as const)('%s', (_n, s, expected) => {
    expect(evaluateIdleInTransaction([s], 'shop', null, T)[0]?.severity ?? null).toBe(expected);
  });

  it('suggests the server-side timeout only when none is set', () => {
    const s = session({ pid: 9, state: 'idle in transaction', stateAgeS: 60 });
    expect(evaluateIdleInTransaction([s], 'shop', null, T)[0]?.fix?.code).toBe(
      "SELECT pg_terminate_backend(9);\nALTER DATABASE shop SET idle_in_transaction_session_timeout = '60s';",
    );
    expect(evaluateIdleInTransaction([s], 'shop', 60_000, T)[0]?.fix?.code).toBe('SELECT pg_terminate_backend(9);');
  });
});
