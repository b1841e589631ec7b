/**
 * Transaction ID wraparound for real, on a private cluster: its transaction counter is moved
 * 1.6 billion ahead with pg_resetwal -x (75% of the 2^31 space used, the state of a database a few
 * hundred million transactions from refusing writes). Every relation of the `shop` database, system
 * catalogs included, is that old; the other databases are frozen first so only `shop` is reported.
 * The finding's fix, applied exactly as printed, makes the next run clean: advice that converges.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type DiagnoseReport } from '../../src/diagnose/index.js';
import { createCluster, pgTool, type Cluster } from './_cluster.js';

const NEXT_XID = 1_600_000_000;
let cluster: Cluster;
let before: DiagnoseReport;

const wraparound = (r: DiagnoseReport) => r.findings.filter((f) => f.ruleId === 'xid-wraparound');

beforeAll(async () => {
  // autovacuum_freeze_max_age at its maximum, so no anti-wraparound autovacuum freezes behind the test's back.
  cluster = await createCluster('wraparound', { settings: { autovacuum_freeze_max_age: '2000000000' } });
  await cluster.exec('CREATE DATABASE shop');
  await cluster.exec('CREATE TABLE orders (id bigint PRIMARY KEY, note text); INSERT INTO orders SELECT g, md5(g::text) FROM generate_series(1, 1000) g', [], 'shop');
  await cluster.halt();
  await pgTool('pg_resetwal', ['-x', String(NEXT_XID), '-D', cluster.dir]);
  // The commit log segment for the new counter must exist: 32 pages of 8 kB, one per 1,048,576 transactions.
  const segment = Math.floor(NEXT_XID / 1_048_576).toString(16).toUpperCase().padStart(4, '0');
  writeFileSync(join(cluster.dir, 'pg_xact', segment), Buffer.alloc(32 * 8192));
  await cluster.start();
  await cluster.exec('ALTER DATABASE template0 WITH ALLOW_CONNECTIONS true');
  for (const db of ['postgres', 'template1', 'template0']) await cluster.exec('VACUUM (FREEZE)', [], db);
  await cluster.exec('ALTER DATABASE template0 WITH ALLOW_CONNECTIONS false');
  before = await diagnose(cluster.url('shop'), { checks: ['xid-wraparound'] });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('xid-wraparound on a database 1.6 billion transactions old', () => {
  it('is an error for shop alone, with the age and what is left', () => {
    const [f, ...others] = wraparound(before);
    expect(others).toEqual([]);
    expect(f?.severity).toBe('error');
    expect(f?.location).toMatchObject({ kind: 'object', objectType: 'database', name: 'shop' });
    expect(Number(f?.evidence?.xidAge)).toBeGreaterThan(NEXT_XID - 10_000);
    expect(f?.message).toMatch(/^shop has used 7\d\.\d% of the transaction ID space/);
  });

  it('the fix freezes the whole database, because the system catalogs are as old as the tables', () => {
    const f = wraparound(before)[0];
    expect(f?.fix?.code).toBe('VACUUM (FREEZE, VERBOSE);');
    expect(f?.fix?.description).toMatch(/^The system catalogs \(\d+ of them, e.g. (pg_catalog|information_schema)\.\w+\) are as old as the rest/);
    expect(Number(f?.evidence?.relationsOverTarget)).toBeGreaterThan(50);
  });

  it('applied as printed, the next run is clean', async () => {
    const code = wraparound(before)[0]?.fix?.code ?? '';
    for (const statement of code.split('\n').filter((l) => !l.startsWith('--'))) await cluster.exec(statement, [], 'shop');
    const after = await diagnose(cluster.url('shop'), { checks: ['xid-wraparound'] });
    expect(wraparound(after)).toEqual([]);
    expect(after.checks).toEqual([expect.objectContaining({ id: 'xid-wraparound', status: 'ok' })]);
  });
});
