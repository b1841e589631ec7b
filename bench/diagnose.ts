/**
 * Benchmark: `archie diagnose` as a CLI process against a database with 1,000 tables and a
 * 1,000,000-row table, on the local PostgreSQL. Prints wall time per run (target < 3 s) and the
 * strongest lock archie held (it must be AccessShareLock), measured two ways: the --audit-locks
 * report and an outside observer polling pg_locks while the timed runs execute.
 *
 *   node --import tsx bench/diagnose.ts            # builds the database once, then reuses it
 *   node --import tsx bench/diagnose.ts --rebuild  # drop and build it again
 *   node --import tsx bench/diagnose.ts --drop     # remove it
 *
 * Environment: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432), BENCH_RUNS (default 5).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = 'archie_bench_diagnose_v1';
const TABLES = 1000;
const BIG_ROWS = 1_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOCK_ORDER = ['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

async function client(database: string, app = 'archie-bench'): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: `${BASE}/${database}`, application_name: app });
  await c.connect();
  return c;
}

async function ready(): Promise<boolean> {
  const admin = await client('postgres');
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB]);
    if (!rowCount) return false;
  } finally {
    await admin.end();
  }
  const c = await client(DB);
  try {
    const { rows } = await c.query(`SELECT to_regclass('public.archie_bench_meta') IS NOT NULL AS ok`);
    if (!rows[0]?.ok) return false;
    const meta = await c.query('SELECT complete FROM archie_bench_meta');
    return meta.rows[0]?.complete === true;
  } finally {
    await c.end();
  }
}

async function build(): Promise<void> {
  const started = Date.now();
  const admin = await client('postgres');
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const c = await client(DB);
  await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await c.query('CREATE TABLE archie_bench_meta (complete boolean NOT NULL)');
  // Batches keep each transaction's lock count well under max_locks_per_transaction.
  for (let from = 1; from <= TABLES; from += 100) {
    await c.query(`DO $$ BEGIN
      FOR i IN ${from}..${Math.min(TABLES, from + 99)} LOOP
        EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, account_id int NOT NULL, name text, created_at timestamptz NOT NULL DEFAULT now())', lpad(i::text, 4, '0'));
        IF i % 3 = 0 THEN EXECUTE format('CREATE INDEX ON t%s (account_id)', lpad(i::text, 4, '0')); END IF;
        EXECUTE format('INSERT INTO t%s (account_id, name) SELECT g %% 7, md5(g::text) FROM generate_series(1, 20) g', lpad(i::text, 4, '0'));
      END LOOP; END $$`);
  }
  await c.query(`CREATE TABLE events AS
    SELECT g::bigint AS id, (g % 100000)::int AS account_id, (ARRAY['view', 'click', 'buy'])[1 + g % 3] AS kind,
           md5(g::text) AS payload, now() - g * interval '1 second' AS created_at
    FROM generate_series(1, ${BIG_ROWS}) g`);
  await c.query('ALTER TABLE events ADD PRIMARY KEY (id)');
  await c.query('ANALYZE');
  await c.query('INSERT INTO archie_bench_meta VALUES (true)');
  await c.end();
  console.log(`built ${DB}: ${TABLES} tables + events (${BIG_ROWS.toLocaleString('en-US')} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Give pg_stat_statements and the scan counters something to find (runs every time; cheap). */
async function workload(): Promise<void> {
  const c = await client(DB, 'bench-app');
  for (let i = 0; i < 10; i++) await c.query('SELECT count(*) FROM events WHERE account_id = $1', [i]);
  for (let i = 1; i <= 200; i++) await c.query(`SELECT * FROM t${String(i).padStart(4, '0')} WHERE id = $1`, [i % 20]);
  await c.query('SELECT pg_stat_force_next_flush()');
  await c.end();
}

function cliEntry(): string[] {
  if (!existsSync('dist/cli.js')) {
    console.log('building dist/ (tsup) ...');
    const r = spawnSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
  return ['dist/cli.js'];
}

function runCli(args: string[]): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...cliEntry(), ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--drop')) {
    const admin = await client('postgres');
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
    console.log(`dropped ${DB}`);
    return;
  }
  if (argv.includes('--rebuild') || !(await ready())) await build();
  else console.log(`reusing ${DB} (--rebuild to start over)`);
  await workload();
  const url = `${BASE}/${DB}`;

  // An outside observer samples archie's locks during the timed runs.
  const watcher = await client('postgres', 'archie-bench-watcher');
  const observed = new Map<string, number>();
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const { rows } = await watcher.query(
        `SELECT l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE a.application_name = 'archie-diagnose' AND a.datname = $1 AND l.locktype = 'relation'`,
        [DB],
      );
      for (const r of rows) observed.set(r.mode, (observed.get(r.mode) ?? 0) + 1);
      // Sample often, but leave the CPU to the run being measured.
      await new Promise((r) => setTimeout(r, 5));
    }
  })();

  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await runCli(['diagnose', url, '--json', '--fail-on', 'none']);
    if (r.code !== 0) throw new Error(`run ${i + 1} exited ${r.code}: ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    findings = report.findings.length;
    const failed = report.checks.filter((c: { status: string }) => c.status === 'error');
    if (failed.length) throw new Error(`checks failed: ${JSON.stringify(failed)}`);
    times.push(r.ms);
  }
  watching = false;
  await watch;
  await watcher.end();

  const audit = await runCli(['diagnose', url, '--json', '--fail-on', 'none', '--audit-locks']);
  const locks = JSON.parse(audit.stdout).locks;

  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const strongestObserved = [...observed.keys()].sort((a, b) => LOCK_ORDER.indexOf(b) - LOCK_ORDER.indexOf(a))[0] ?? 'none sampled';
  console.log(`\narchie diagnose (CLI process, full run, ${TABLES} tables + ${BIG_ROWS.toLocaleString('en-US')}-row table, ${findings} findings)`);
  console.log(`  runs:   ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
  console.log(`  median: ${(median / 1000).toFixed(2)} s   min: ${((sorted[0] as number) / 1000).toFixed(2)} s   max: ${((sorted[sorted.length - 1] as number) / 1000).toFixed(2)} s   target: < 3 s  ${median < 3000 ? 'OK' : 'OVER'}`);
  console.log(`  locks (--audit-locks): ${locks.statements} statements, strongest relation lock ${locks.strongestRelationLock}, relation locks ${JSON.stringify(locks.relationLocks)}, transaction ID assigned: ${locks.assignedTransactionId}`);
  console.log(`  locks (outside observer, ${[...observed.values()].reduce((a, b) => a + b, 0)} samples): strongest ${strongestObserved}`);
  console.log(`  audited run: ${(audit.ms / 1000).toFixed(2)} s`);
  const ok = median < 3000 && locks.strongestRelationLock === 'AccessShareLock' && !locks.assignedTransactionId && [...observed.keys()].every((m) => m === 'AccessShareLock');
  process.exitCode = ok ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
