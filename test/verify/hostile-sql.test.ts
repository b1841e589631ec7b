/**
 * A design folder is untrusted input, on the embedded PostgreSQL too: statements that reach outside
 * the database are refused before anything runs, and a statement that never ends is stopped (the
 * worker running PGlite is terminated) within the statement budget instead of hanging verify.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/index.js';
import { brokenCopy, designFolder } from './_folder.js';

let base: string;
beforeAll(async () => {
  base = await designFolder('url-shortener.txt');
});
const withSchema = (sql: string) => brokenCopy(base, 'schema.sql', () => sql);

describe('untrusted SQL on the embedded PostgreSQL', () => {
  it.each([
    ['ALTER SYSTEM', "CREATE TABLE t (id int);\nALTER SYSTEM SET work_mem = '1TB';", /ALTER SYSTEM changes the whole server/, 2],
    ['CREATE ROLE', 'CREATE ROLE evil SUPERUSER;\nCREATE TABLE t (id int);', /creates a role/, 1],
    ['COPY … PROGRAM', "CREATE TABLE t (id int);\nCOPY t TO PROGRAM 'id';", /COPY … PROGRAM/, 2],
  ])('refuses %s at its line, before anything runs', async (_what, sql, reason, line) => {
    const dir = await withSchema(sql);
    const report = await verify(dir, { only: ['schema-pglite'] });
    expect(report.checks[0]).toMatchObject({ status: 'failed', evidence: expect.arrayContaining([expect.objectContaining({ ok: false, file: 'schema.sql', line, message: expect.stringMatching(reason) })]) });
  });

  it.each([
    ['pg_sleep', 'CREATE TABLE t (id int);\nSELECT pg_sleep(600);'],
    ['an endless PL/pgSQL loop', 'CREATE TABLE t (id int);\nDO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;'],
    ['an endless recursive CTE', 'CREATE TABLE t (id int);\nWITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;'],
  ])('%s is stopped within the statement budget and reported', async (_what, sql) => {
    const dir = await withSchema(sql);
    const t0 = performance.now();
    const report = await verify(dir, { only: ['schema-pglite', 'index-usage', 'migrations'], statementTimeoutMs: 2_000 });
    expect(performance.now() - t0).toBeLessThan(45_000);
    const schema = report.checks.find((c) => c.id === 'schema-pglite')!;
    expect(schema.status).toBe('failed');
    expect(schema.evidence.map((e) => e.message).join('\n')).toMatch(/stopped after 2 s: the statement did not finish in time/);
    expect(report.ok).toBe(false);
  }, 60_000);
});
