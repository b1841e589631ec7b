import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateBlocking, rootBlockers } from '../../../src/diagnose/checks/blocking-locks.js';
import { loadParser } from '../../../src/diagnose/_sql-parse.js';
import { session, T } from '../_fixtures.js';

beforeAll(() => loadParser());

const holder = session({ pid: 1, state: 'idle in transaction', stateAgeS: 300, xactAgeS: 310, query: "UPDATE t SET a = 'x' WHERE id = 7" });
const waiter = (pid: number, wait: number, by: number[]) =>
  session({ pid, state: 'active', waitEventType: 'Lock', waitEvent: 'transactionid', lockWaitS: wait, queryAgeS: wait + 1, blockedBy: by, query: 'UPDATE t SET a = 2 WHERE id = 7' });

describe('blocking-locks', () => {
  it.each([
    ['no one waits', [holder], []],
    ['a 2 s wait is information', [holder, waiter(2, 2, [1])], ['info pid 1']],
    ['a 10 s wait is a warning', [holder, waiter(2, 10, [1])], ['warning pid 1']],
    ['a 2 min wait is an error', [holder, waiter(2, 120, [1])], ['error pid 1']],
    ['a chain is charged to its head', [holder, waiter(2, 10, [1]), waiter(3, 8, [2])], ['warning pid 1']],
  ] as const)('%s', (_n, sessions, expected) => {
    const found = evaluateBlocking({ sessions: [...sessions], all: [...sessions], database: 'shop', exactWait: true }, T);
    expect(found.map((f) => `${f.severity} ${f.location.kind === 'object' ? f.location.name : ''}`)).toEqual(expected);
  });

  it('counts everyone behind the head and redacts literals from queries', () => {
    const [f] = evaluateBlocking({ sessions: [holder, waiter(2, 10, [1]), waiter(3, 8, [2])], all: [holder, waiter(2, 10, [1]), waiter(3, 8, [2])], database: 'shop', exactWait: false }, T);
    expect(f?.evidence).toMatchObject({ blockedSessions: 2, blockedPids: '2, 3', maxWaitSeconds: 10, waitMeasuredFrom: 'query start' });
    expect(f?.evidence?.blockerQuery).toBe('UPDATE t SET a = $1 WHERE id = $2');
    expect(f?.fix?.code).toBe('SELECT pg_terminate_backend(1);');
  });

  it('ends at cycles (a deadlock in progress) without looping', () => {
    const a = session({ pid: 5, blockedBy: [6] });
    const b = session({ pid: 6, blockedBy: [5] });
    expect(rootBlockers(a, new Map([[5, a], [6, b]]))).toEqual([]);
  });
});
