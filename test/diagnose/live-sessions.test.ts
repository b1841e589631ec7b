/**
 * Session problems created for real: a transaction that updates a row and then sits idle (it
 * blocks a second session updating the same row), and a long-running query. Thresholds are
 * lowered so the test waits about a second instead of the production defaults (30-60 s); the
 * default-threshold case shows the same sessions are not yet reported.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingSchema, type Finding } from '../../src/model/finding.js';
import { diagnose, type DiagnoseReport } from '../../src/diagnose/index.js';
import { createScratch, waitFor, type Scratch } from './_db.js';

let db: Scratch;
let holder: pg.Client;
let waiter: pg.Client;
let sleeper: pg.Client;
let holderPid: number;
let waiterPid: number;
let sleeperPid: number;
let waiting: Promise<unknown>;
let sleeping: Promise<unknown>;
let report: DiagnoseReport;
let quiet: DiagnoseReport;

const LOW = { blockedWarnSeconds: 0.5, idleInTransactionWarnSeconds: 0.5, longQueryWarnSeconds: 0.5 };
const CHECKS = ['blocking-locks', 'idle-in-transaction', 'long-running-query', 'connections'];

const byRule = (rule: string, r = report): Finding[] => r.findings.filter((f) => f.ruleId === rule);

async function pidOf(c: pg.Client): Promise<number> {
  return Number((await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
}

beforeAll(async () => {
  db = await createScratch('sessions', { pgStatStatements: false });
  await db.exec('CREATE TABLE stock (id int PRIMARY KEY, qty int NOT NULL)');
  await db.exec('INSERT INTO stock SELECT g, 10 FROM generate_series(1, 100) g');
  holder = await db.client('checkout-worker');
  waiter = await db.client('checkout-api');
  sleeper = await db.client('report-job');
  [holderPid, waiterPid, sleeperPid] = await Promise.all([pidOf(holder), pidOf(waiter), pidOf(sleeper)]);
  // The holder updates a row and then does nothing, its transaction left open.
  await holder.query('BEGIN');
  await holder.query('UPDATE stock SET qty = qty - 1 WHERE id = 7');
  waiting = waiter.query('UPDATE stock SET qty = qty - 1 WHERE id = 7').catch((e: unknown) => e);
  sleeping = sleeper.query('SELECT pg_sleep(60)').catch((e: unknown) => e);
  await waitFor(async () => {
    const { rows } = await db.exec(
      `SELECT count(*) FILTER (WHERE pid = $1 AND wait_event_type = 'Lock' AND now() - query_start > interval '0.7 s') AS blocked,
              count(*) FILTER (WHERE pid = $2 AND state = 'active' AND now() - query_start > interval '0.7 s') AS sleeping,
              count(*) FILTER (WHERE pid = $3 AND state = 'idle in transaction' AND now() - state_change > interval '0.7 s') AS idle
       FROM pg_stat_activity`,
      [waiterPid, sleeperPid, holderPid],
    );
    const r = rows[0];
    return Number(r.blocked) === 1 && Number(r.sleeping) === 1 && Number(r.idle) === 1;
  }, 'the blocked, sleeping and idle-in-transaction sessions');
  [report, quiet] = await Promise.all([
    diagnose(db.url, { checks: CHECKS, thresholds: LOW, poolSize: 4 }),
    diagnose(db.url, { checks: CHECKS }),
  ]);
});

afterAll(async () => {
  if (db) {
    await db.exec('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1)', [[sleeperPid, waiterPid]]).catch(() => undefined);
    await holder?.query('ROLLBACK').catch(() => undefined);
    await Promise.all([waiting, sleeping]);
    await db.drop();
  }
});

describe('sessions', () => {
  it('findings are valid and every check ran', () => {
    for (const f of report.findings) expect(() => FindingSchema.parse(f)).not.toThrow();
    expect(report.checks.filter((c) => c.status === 'could-not-check')).toEqual([]);
  });

  it('blocking-locks: names the idle holder as the blocker, with the waiter and its wait time', () => {
    const f = byRule('blocking-locks')[0];
    expect(f?.severity).toBe('warning');
    expect(f?.location).toMatchObject({ kind: 'object', objectType: 'session', name: `pid ${holderPid}` });
    expect(f?.evidence?.blockedPids).toBe(String(waiterPid));
    expect(f?.evidence?.blockerState).toBe('idle in transaction');
    expect(Number(f?.evidence?.maxWaitSeconds)).toBeGreaterThanOrEqual(0.5);
    expect(f?.evidence?.waitMeasuredFrom).toBe('pg_locks.waitstart');
    // Literals never reach the report: the waiter's query is shown normalized.
    expect(f?.evidence?.longestWaiterQuery).toBe('UPDATE stock SET qty = qty - $1 WHERE id = $2');
    expect(f?.fix?.code).toBe(`SELECT pg_terminate_backend(${holderPid});`);
  });

  it('idle-in-transaction: the holder, with the locks it holds and the timeout to set', () => {
    const f = byRule('idle-in-transaction').find((x) => x.location.kind === 'object' && x.location.name === `pid ${holderPid}`);
    expect(f?.severity).toBe('warning');
    expect(Number(f?.evidence?.locksHeld)).toBeGreaterThan(0);
    expect(f?.evidence?.lastQuery).toBe('UPDATE stock SET qty = qty - $1 WHERE id = $2');
    expect(f?.fix?.code).toContain(`SELECT pg_terminate_backend(${holderPid});`);
    expect(f?.fix?.code).toContain('SET idle_in_transaction_session_timeout');
  });

  it('long-running-query: the active sleeper and the blocked waiter, not idle sessions', () => {
    const pids = byRule('long-running-query').map((f) => (f.location.kind === 'object' ? f.location.name : ''));
    expect(pids).toContain(`pid ${sleeperPid}`);
    expect(pids).not.toContain(`pid ${holderPid}`);
    const f = byRule('long-running-query').find((x) => x.location.kind === 'object' && x.location.name === `pid ${sleeperPid}`);
    expect(f?.evidence?.query).toBe('SELECT pg_sleep($1)');
    expect(f?.fix?.code).toContain(`SELECT pg_cancel_backend(${sleeperPid});`);
  });

  it('connections: four sessions against a pool of four is a warning; max_connections is fine', () => {
    const pool = byRule('connections').find((f) => f.location.kind === 'object' && f.location.objectType === 'pool');
    expect(pool?.severity).toBe('warning');
    expect(Number(pool?.evidence?.inDatabase)).toBeGreaterThanOrEqual(4);
    expect(pool?.evidence?.poolSize).toBe(4);
    expect(byRule('connections').filter((f) => f.location.kind === 'object' && f.location.name === 'max_connections')).toEqual([]);
  });

  it('with production thresholds, a one-second wait is not yet a warning', () => {
    expect(quiet.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // The block itself is still reported, as information.
    expect(byRule('blocking-locks', quiet)[0]?.severity).toBe('info');
  });
});
