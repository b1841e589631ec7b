/**
 * No false alarms: a well-indexed, analyzed database under an index-friendly workload produces no
 * warning or error (advice only). Also: a database without pg_stat_statements (archie says how to
 * enable it and runs everything else), connection failures classified with their reason, and
 * passwords that never reach any message.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { FindingSchema } from '../../src/model/finding.js';
import { CHECKS, diagnose, DiagnoseConnectError, explain, formatJson, formatMarkdown, formatText, hasFailures, reportFails, type DiagnoseReport } from '../../src/diagnose/index.js';
import { createScratch, PG_HOST, PG_PORT, PG_USER, type Scratch } from './_db.js';

let healthy: Scratch;
let bare: Scratch;
let report: DiagnoseReport;

beforeAll(async () => {
  [healthy, bare] = await Promise.all([createScratch('healthy'), createScratch('bare', { pgStatStatements: false })]);
  await healthy.exec(`CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now())`);
  await healthy.exec(`CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total_cents bigint NOT NULL, status text NOT NULL)`);
  await healthy.exec('CREATE INDEX orders_customer_id_idx ON orders (customer_id)');
  await healthy.exec(`INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 5000) g`);
  await healthy.exec(`INSERT INTO orders (customer_id, total_cents, status) SELECT 1 + g % 5000, g * 10, 'paid' FROM generate_series(1, 30000) g`);
  await healthy.flushStats();
  await healthy.exec('VACUUM ANALYZE customers');
  await healthy.exec('VACUUM ANALYZE orders');
  await healthy.exec('SELECT pg_stat_statements_reset(0, $1, 0)', [healthy.oid]);
  const app = await healthy.client('shop-api');
  for (let i = 1; i <= 40; i++) {
    await app.query('SELECT * FROM customers WHERE id = $1', [i * 100]);
    await app.query('SELECT * FROM customers WHERE email = $1', [`c${i}@example.com`]);
    await app.query('SELECT * FROM orders WHERE customer_id = $1 ORDER BY id DESC LIMIT 20', [i * 100]);
  }
  await healthy.flushStats(app);
  report = await diagnose(healthy.url);
});

afterAll(async () => {
  await Promise.all([healthy?.drop(), bare?.drop()]);
});

describe('a healthy database', () => {
  it('gives no warnings and no errors: nothing to do now, exit code 0', () => {
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(report.summary.doNow).toEqual([]);
    expect(hasFailures(report.findings, 'warning')).toBe(false);
    for (const f of report.findings) expect(() => FindingSchema.parse(f)).not.toThrow();
  });

  it('ran every check', () => {
    expect(report.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
    expect(report.checks.filter((c) => c.status === 'could-not-check')).toEqual([]);
    expect(report.summary).toMatchObject({ checksRun: CHECKS.length, couldNotCheck: 0, healthy: true });
    expect(report.summary.examined).toMatch(/^\d+ tables, \d+ indexes, \d+ sequences?, \d+ sessions?, \d+ statements in pg_stat_statements$/);
  });

  it('still lists the top queries, as information', () => {
    const top = report.findings.filter((f) => f.ruleId === 'top-queries');
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((f) => f.severity === 'info')).toBe(true);
    expect(top.some((f) => String(f.evidence?.query).includes('WHERE email = $1'))).toBe(true);
  });

  it('formats as text with the summary first, as JSON and as Markdown, deterministically', () => {
    const text = formatText(report);
    expect(text.split('\n')[4]).toBe('Do now: nothing urgent (advice below)');
    expect(text).not.toMatch(/[ \t]+\n/);
    expect(formatText(report)).toBe(text);
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
    const md = formatMarkdown(report);
    expect(md.startsWith(`# Database diagnosis: ${healthy.name}\n`)).toBe(true);
    expect(md).toContain('Nothing urgent.');
  });
});

describe('explain on hostile query text', () => {
  it('a 100 KB chain of operators and a 2 MB query are usage errors, not a stack overflow', async () => {
    const deep = await explain(healthy.url, `SELECT ${Array.from({ length: 25_000 }, () => 'id').join(' + ')} FROM orders`).catch((e: unknown) => e);
    expect(deep).toBeInstanceOf(ArchieError);
    expect((deep as ArchieError).code).toBe('USAGE');
    expect((deep as ArchieError).message).toMatch(/nests expressions more than 1500 levels deep/);
    const huge = await explain(healthy.url, `SELECT 1 FROM orders WHERE status IN (${Array.from({ length: 300_000 }, (_, i) => `'s${i}'`).join(',')})`).catch((e: unknown) => e);
    expect((huge as ArchieError).message).toMatch(/^the query to explain is \d+(\.\d)? MB, more than the 1 MB archie explains$/);
  });
});

describe('without pg_stat_statements', () => {
  it('says how to enable it and runs every other check', async () => {
    const r = await diagnose(bare.url);
    const f = r.findings.find((x) => x.ruleId === 'top-queries');
    expect(f?.severity).toBe('info');
    expect(f?.location).toMatchObject({ kind: 'object', objectType: 'extension', name: 'pg_stat_statements' });
    expect(f?.fix?.code).toContain('CREATE EXTENSION IF NOT EXISTS pg_stat_statements;');
    // It could not look, so the run is not healthy and fails (exit 1) whatever --fail-on says.
    expect(r.checks.find((c) => c.id === 'top-queries')).toMatchObject({ status: 'could-not-check', remedy: expect.stringContaining('pg_stat_statements') });
    expect(r.checks.filter((c) => c.status === 'could-not-check').map((c) => c.id)).toEqual(['top-queries']);
    expect(r.summary.healthy).toBe(false);
    expect(reportFails(r, 'none')).toBe(true);
    expect(r.checks).toHaveLength(CHECKS.length);
  });
});

describe('connecting', () => {
  const SECRET = 'Sup3r-s3cret-pw';

  async function failure(url: string, connectTimeoutMs?: number): Promise<DiagnoseConnectError> {
    const e = await diagnose(url, { connectTimeoutMs }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DiagnoseConnectError);
    const err = e as DiagnoseConnectError;
    // The password appears nowhere: message, path, hint, JSON.
    expect(`${err.message} ${err.describe()} ${JSON.stringify(err.toJSON())}`).not.toContain(SECRET);
    expect(err.code).toBe('CONNECT');
    return err;
  }

  it('connects over the unix socket too', async () => {
    const dir = '/var/run/postgresql';
    if (!existsSync(`${dir}/.s.PGSQL.${PG_PORT}`)) return;
    const r = await diagnose(`postgres://${PG_USER}@/${bare.name}?host=${encodeURIComponent(dir)}`, { checks: ['connections'] });
    expect(r.target.database).toBe(bare.name);
  });

  it('refused', async () => {
    const err = await failure(`postgres://${PG_USER}:${SECRET}@127.0.0.1:1/postgres`);
    expect(err.reason).toBe('refused');
    expect(err.path).toBe(`postgres://${PG_USER}:***@127.0.0.1:1/postgres`);
  });

  it('unknown database', async () => {
    const err = await failure(`postgres://${PG_USER}:${SECRET}@${PG_HOST}:${PG_PORT}/archie_no_such_db`);
    expect(err.reason).toBe('unknown-database');
    expect(err.toJSON()).toMatchObject({ code: 'CONNECT', reason: 'unknown-database' });
  });

  it('auth failed (a role that does not exist)', async () => {
    const err = await failure(`postgres://archie_no_such_role:${SECRET}@${PG_HOST}:${PG_PORT}/postgres`);
    expect(err.reason).toBe('auth');
  });

  it('TLS (verify-full against a server without a trusted certificate)', async () => {
    const err = await failure(`postgres://${PG_USER}:${SECRET}@${PG_HOST}:${PG_PORT}/postgres?sslmode=verify-full`);
    expect(err.reason).toBe('tls');
  });

  it('timeout (a server that accepts and never answers)', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const err = await failure(`postgres://${PG_USER}:${SECRET}@127.0.0.1:${port}/postgres?sslmode=disable`, 300);
      expect(err.reason).toBe('timeout');
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  it('bad arguments are usage errors without the password', async () => {
    for (const [url, opts] of [
      [`mysql://u:${SECRET}@h/db`, {}],
      [`postgres://u:${SECRET}@h:99999/db`, {}],
      [`postgres://u:${SECRET}@h/db?sslmode=sometimes`, {}],
      [healthy.url, { checks: ['no-such-check'] }],
      [healthy.url, { thresholds: { noSuchThreshold: 1 } }],
      [healthy.url, { thresholds: { seqScanShare: 2 } }],
      [healthy.url, { poolSize: 0 }],
    ] as const) {
      const e = await diagnose(url, opts as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ArchieError);
      expect((e as ArchieError).code).toBe('USAGE');
      expect((e as ArchieError).describe()).not.toContain(SECRET);
    }
  });
});
