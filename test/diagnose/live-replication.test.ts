/**
 * Replication for real: a private primary (wal_level = logical) and a streaming standby made from it
 * with pg_basebackup, both started by this test. On the primary: an inactive physical slot left by
 * a replica that is gone, an inactive logical slot whose CDC consumer stopped (both keeping WAL),
 * and a table full of dead rows that the logical slot does NOT hold back. On the standby: replay
 * paused while the primary writes, so it falls behind by WAL and by time. Thresholds are lowered so
 * megabytes and seconds stand for the production gigabytes and minutes. Then every fix is applied
 * as printed and the next run is clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { diagnose, type DiagnoseReport } from '../../src/diagnose/index.js';
import { createCluster, type Cluster } from './_cluster.js';
import { waitFor } from './_db.js';

const MB = 1024 * 1024;
const LOW = { slotRetainedWarnBytes: MB, replicationLagWarnBytes: MB, replicationLagWarnSeconds: 1 };
const CHECKS = ['replication-lag', 'replication-slots', 'dead-tuples'];
let primary: Cluster;
let standby: Cluster;
let onPrimary: DiagnoseReport;
let onStandby: DiagnoseReport;

const byRule = (r: DiagnoseReport, rule: string): Finding[] => r.findings.filter((f) => f.ruleId === rule);
const named = (fs: Finding[], name: string): Finding | undefined => fs.find((f) => f.location.kind === 'object' && f.location.name === name);

async function writeWal(megabytes: number): Promise<void> {
  await primary.exec(`INSERT INTO events (payload) SELECT repeat(md5(g::text), 30) FROM generate_series(1, ${megabytes * 1000}) g`, [], 'shop');
  await primary.exec('SELECT pg_switch_wal()');
}

beforeAll(async () => {
  primary = await createCluster('primary', { settings: { wal_level: 'logical', max_wal_senders: '10', max_replication_slots: '10' } });
  await primary.exec('CREATE DATABASE shop');
  await primary.exec(`CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL)`, [], 'shop');
  standby = await createCluster('standby', { standbyOf: { primary, slot: 'standby1' }, settings: { hot_standby: 'on' } });
  await waitFor(async () => (await primary.exec(`SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'`)).rowCount === 1, 'the standby to stream', 60_000);

  await primary.exec(`SELECT pg_create_physical_replication_slot('old_replica', true)`);
  await primary.exec(`SELECT pg_create_logical_replication_slot('cdc', 'test_decoding')`, [], 'shop');
  // Transactions after the logical slot's snapshot: its catalog_xmin ages, as with a stopped CDC connector.
  await primary.exec(`CREATE PROCEDURE burn(n int) LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`, [], 'shop');
  await primary.exec('CALL burn(1500)', [], 'shop');
  await primary.exec(`CREATE TABLE churn (id int PRIMARY KEY, v text); INSERT INTO churn SELECT g, md5(g::text) FROM generate_series(1, 40000) g`, [], 'shop');
  await primary.exec('DELETE FROM churn WHERE id % 4 <> 0', [], 'shop');
  await primary.exec('SELECT pg_stat_force_next_flush()', [], 'shop');

  await standby.exec('SELECT pg_wal_replay_pause()');
  await writeWal(4);
  await waitFor(
    async () => Number((await standby.exec(`SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS gap`)).rows[0].gap) > 2 * MB,
    'the paused standby to receive WAL it does not replay',
    60_000,
  );
  await new Promise((r) => setTimeout(r, 1500));
  [onPrimary, onStandby] = await Promise.all([
    diagnose(primary.url('shop'), { checks: CHECKS, thresholds: LOW }),
    diagnose(standby.url('shop'), { checks: ['replication-lag'], thresholds: LOW }),
  ]);
}, 180_000);

afterAll(async () => {
  await standby?.stop();
  await primary?.stop();
});

describe('on the primary', () => {
  it('every check looked', () => {
    expect(onPrimary.checks.map((c) => [c.id, c.status])).toEqual([
      ['replication-lag', 'findings'],
      ['replication-slots', 'findings'],
      ['dead-tuples', 'findings'],
    ]);
  });

  it('replication-slots: the abandoned physical slot and the stopped logical one, not the active standby slot', () => {
    const slots = byRule(onPrimary, 'replication-slots');
    expect(slots.map((f) => f.location.kind === 'object' && f.location.name).sort()).toEqual(['cdc', 'old_replica']);
    const physical = named(slots, 'old_replica');
    expect(physical?.severity).toBe('warning');
    expect(Number(physical?.evidence?.retainedBytes)).toBeGreaterThan(2 * MB);
    expect(physical?.fix?.code).toBe("SELECT pg_drop_replication_slot('old_replica');");
    const logical = named(slots, 'cdc');
    expect(logical?.message).toMatch(/^logical slot cdc \(plugin test_decoding, database shop\) is not in use and keeps .* of WAL on disk, holds back VACUUM of the system catalogs/);
    expect(logical?.fix?.description).toMatch(/restart it\. Drop the slot only if nothing will read it again/);
  });

  it('dead-tuples: the logical slot is not blamed for dead rows in a user table', () => {
    const f = named(byRule(onPrimary, 'dead-tuples'), 'public.churn');
    expect(f?.severity).toBe('warning');
    expect(f?.message).not.toContain('cdc');
    expect(f?.evidence?.oldestSnapshotHolder).toBeNull();
    expect(f?.fix?.code).not.toContain('pg_drop_replication_slot');
  });

  it('replication-lag: the standby has not replayed megabytes of WAL', () => {
    const f = byRule(onPrimary, 'replication-lag')[0];
    expect(f?.location).toMatchObject({ objectType: 'standby', name: 'standby' });
    expect(Number(f?.evidence?.replayBehindBytes)).toBeGreaterThan(2 * MB);
  });
});

describe('on the standby', () => {
  it('replay is paused and behind by WAL and by time', () => {
    const lag = byRule(onStandby, 'replication-lag');
    expect(named(lag, 'WAL replay')?.fix?.code).toBe('SELECT pg_wal_replay_resume();');
    const behind = named(lag, 'replay lag');
    expect(behind?.severity).toBe('warning');
    expect(Number(behind?.evidence?.replayGapBytes)).toBeGreaterThan(2 * MB);
    expect(Number(behind?.evidence?.lagSeconds)).toBeGreaterThan(1);
    expect(onStandby.checks[0]?.examined).toBe('this standby');
    expect(onStandby.notes).toContain('This server is a standby: usage statistics and pg_stat_statements describe the queries run here, not on the primary.');
  });
});

describe('after applying the fixes as printed', () => {
  it('slots dropped and replay resumed: both servers are clean for these checks', async () => {
    for (const f of byRule(onPrimary, 'replication-slots')) await primary.exec(f.fix?.code ?? '', [], 'shop');
    await standby.exec(named(byRule(onStandby, 'replication-lag'), 'WAL replay')?.fix?.code ?? '');
    await waitFor(async () => Number((await standby.exec(`SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS gap`)).rows[0].gap) === 0, 'the standby to catch up', 60_000);
    await waitFor(async () => (await primary.exec(`SELECT 1 FROM pg_stat_replication WHERE replay_lsn = pg_current_wal_lsn()`)).rowCount === 1, 'the primary to see it caught up', 60_000);
    const [p, s] = await Promise.all([
      diagnose(primary.url('shop'), { checks: ['replication-lag', 'replication-slots'], thresholds: LOW }),
      diagnose(standby.url('shop'), { checks: ['replication-lag'], thresholds: LOW }),
    ]);
    expect(p.findings).toEqual([]);
    expect(s.findings).toEqual([]);
    expect([...p.checks, ...s.checks].map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
  });
});
