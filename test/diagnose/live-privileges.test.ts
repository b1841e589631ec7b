/**
 * Never fail open. A role without pg_read_all_stats or SELECT on the sequences cannot see other
 * users' statements, sessions or sequence values: each check that could not look says so, with
 * the grant that would let it, and the run is not healthy (exit 1 whatever --fail-on). After the
 * grants, the next run sees everything, and the sequence near its limit shows up. A lock queued on
 * a table (an ALTER TABLE waiting behind a transaction) or held on a sequence costs only what it
 * covers, reported as could-not-check, while the rest of each check still runs.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, reportFails, type DiagnoseReport } from '../../src/diagnose/index.js';
import { createScratch, PG_HOST, PG_PORT, waitFor, type Scratch } from './_db.js';

const ROLE = `archie_diag_low_${process.pid}`;
const LOW = { idleInTransactionWarnSeconds: 0.5 };
let db: Scratch;
let roleUrl: string;
let idle: pg.Client;
let blind: DiagnoseReport;

const status = (r: DiagnoseReport, id: string) => r.checks.find((c) => c.id === id);

beforeAll(async () => {
  db = await createScratch('privileges');
  // Roles are server-wide: remove ones left by a killed run first.
  const { rows } = await db.exec(`SELECT rolname FROM pg_roles WHERE rolname LIKE 'archie\\_diag\\_low\\_%'`);
  for (const { rolname } of rows) {
    const pid = Number(/_(\d+)$/.exec(rolname)?.[1]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) await db.exec(`DROP ROLE IF EXISTS "${rolname}"`).catch(() => undefined);
  }
  await db.exec(`CREATE ROLE ${ROLE} LOGIN`);
  roleUrl = `postgres://${ROLE}@${PG_HOST}:${PG_PORT}/${db.name}`;
  await db.exec('CREATE SEQUENCE ticket_seq MAXVALUE 100');
  await db.exec(`SELECT setval('ticket_seq', 96)`);
  await db.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
  await db.exec('CREATE INDEX t_v_idx ON t (v)');
  await db.exec('CREATE INDEX t_v_copy ON t (v)');
  const app = await db.client('billing-api');
  for (let i = 0; i < 5; i++) await app.query('SELECT * FROM t WHERE id = $1', [i]);
  await db.flushStats(app);
  idle = await db.client('billing-worker');
  await idle.query('BEGIN');
  await idle.query('SELECT count(*) FROM t');
  await waitFor(async () => (await db.exec(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'billing-worker' AND state = 'idle in transaction' AND now() - state_change > interval '0.7 s'`)).rowCount === 1, 'the idle transaction');
  blind = await diagnose(roleUrl, { thresholds: LOW });
});

afterAll(async () => {
  await idle?.query('ROLLBACK').catch(() => undefined);
  await db?.drop();
  await db?.exec('SELECT 1').catch(() => undefined);
  const { default: pgMod } = await import('pg');
  const admin = new pgMod.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
  await admin.end();
});

describe('a role without pg_read_all_stats or SELECT on sequences', () => {
  it('each check that could not look says what it missed and the grant that lets it', () => {
    expect(status(blind, 'sequence-exhaustion')).toMatchObject({
      status: 'could-not-check',
      message: expect.stringMatching(/^1 sequence is not readable by archie_diag_low_\d+ \(public\.ticket_seq\)/),
      remedy: expect.stringContaining(`GRANT pg_read_all_data TO ${ROLE};`),
    });
    expect(status(blind, 'top-queries')).toMatchObject({ status: 'could-not-check', message: expect.stringMatching(/statements? of other users show as <insufficient privilege>/), remedy: `GRANT pg_read_all_stats TO ${ROLE};` });
    expect(status(blind, 'idle-in-transaction')).toMatchObject({ status: 'could-not-check', message: expect.stringMatching(/sessions? of other users (is|are) hidden/), remedy: `GRANT pg_read_all_stats TO ${ROLE};` });
  });

  it('no finding says "queryid null", and the run is not healthy: it fails whatever --fail-on says', () => {
    expect(JSON.stringify(blind.findings)).not.toMatch(/queryid (null|hidden)/);
    expect(blind.findings.filter((f) => f.ruleId === 'sequence-exhaustion')).toEqual([]);
    expect(blind.summary.healthy).toBe(false);
    expect(blind.summary.couldNotCheck).toBeGreaterThanOrEqual(3);
    expect(reportFails(blind, 'none')).toBe(true);
  });

  it('after the grants it names, the next run sees everything: the sequence and the idle transaction appear', async () => {
    const grants = new Set(blind.checks.flatMap((c) => (c.remedy ?? '').match(/GRANT \w+ TO \w+;/g) ?? []));
    expect([...grants].sort()).toEqual([`GRANT pg_read_all_data TO ${ROLE};`, `GRANT pg_read_all_stats TO ${ROLE};`]);
    for (const g of grants) await db.exec(g);
    const seeing = await diagnose(roleUrl, { thresholds: LOW, checks: ['sequence-exhaustion', 'top-queries', 'idle-in-transaction'] });
    expect(seeing.checks.map((c) => c.status)).toEqual(['findings', 'findings', 'findings']);
    expect(seeing.findings.find((f) => f.ruleId === 'sequence-exhaustion')?.severity).toBe('error');
    expect(seeing.findings.find((f) => f.ruleId === 'idle-in-transaction')?.message).toMatch(/billing-worker/);
  });
});

describe('locks in the way', () => {
  it('an ALTER TABLE queued behind a transaction costs only that table, and the blocker leads the report', async () => {
    const alter = (await db.client('migration')).query('ALTER TABLE t ADD COLUMN note text').catch((e: unknown) => e);
    await waitFor(async () => (await db.exec(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'migration' AND wait_event_type = 'Lock'`)).rowCount === 1, 'the queued ALTER TABLE');
    // Error thresholds at zero stand for an 11-minute pile-up: it must lead, ahead of the sequence at 96%.
    const r = await diagnose(db.url, { checks: ['blocking-locks', 'duplicate-index', 'sequence-exhaustion'], thresholds: { blockedWarnSeconds: 0, blockedErrorSeconds: 0 } });
    expect(status(r, 'duplicate-index')).toMatchObject({ status: 'could-not-check', message: expect.stringMatching(/^the index definitions of public\.t could not be read: a lock is queued/) });
    // The duplicate itself is still found from the catalog.
    expect(r.findings.some((f) => f.ruleId === 'duplicate-index' && f.location.kind === 'object' && f.location.name === 'public.t_v_copy')).toBe(true);
    expect(r.summary.doNow.map((a) => a.ruleId).slice(0, 2)).toEqual(['blocking-locks', 'sequence-exhaustion']);
    await idle.query('ROLLBACK');
    await alter;
    const after = await diagnose(db.url, { checks: ['duplicate-index'] });
    expect(status(after, 'duplicate-index')?.status).toBe('findings');
  });

  it('a sequence locked by a DROP SEQUENCE in an open transaction: that check could not look, the others ran', async () => {
    const locker = await db.client('sequence-migration');
    await locker.query('BEGIN');
    // Dropped but not committed: the ACCESS EXCLUSIVE lock stays until the rollback below.
    await locker.query('DROP SEQUENCE ticket_seq');
    try {
      const r = await diagnose(db.url, { checks: ['sequence-exhaustion', 'connections'], lockTimeoutMs: 200 });
      expect(status(r, 'sequence-exhaustion')).toMatchObject({ status: 'could-not-check', message: expect.stringMatching(/waited longer than lock_timeout \(200 ms\)/), remedy: expect.stringMatching(/higher --lock-timeout/) });
      expect(status(r, 'connections')?.status).not.toBe('could-not-check');
      expect(reportFails(r, 'none')).toBe(true);
    } finally {
      await locker.query('ROLLBACK');
    }
  });
});
