/**
 * Deliberately broken copies of each artifact fail the check that owns it, with the file and the
 * line where the problem is, and never crash the run. One design folder (chat) is generated for
 * the file, one embedded PostgreSQL is shared by the runs that need it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { startEmbeddedPostgres, verify, type EmbeddedPostgres, type VerifyReport } from '../../src/verify/index.js';
import { brokenCopy, designFolder, lineOf, replaceOnce } from './_folder.js';

let dir: string;
let pg: EmbeddedPostgres;

beforeAll(async () => {
  dir = await designFolder('chat.yaml');
  pg = await startEmbeddedPostgres();
});

afterAll(async () => {
  await pg?.db.close();
});

async function run(folder: string, only: string[], rows = 20_000): Promise<VerifyReport> {
  return verify(folder, { only, embedded: pg, rows });
}

function check(report: VerifyReport, id: string) {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no result for ${id}`);
  return c;
}

function failures(report: VerifyReport, id: string) {
  return check(report, id).evidence.filter((e) => !e.ok);
}

describe('the untouched folder', () => {
  it('passes the checks the broken copies fail', async () => {
    const report = await run(dir, ['design-json', 'schema-pglite', 'migrations', 'index-usage', 'openapi', 'asyncapi', 'compose', 'kubernetes', 'api-tables', 'pattern-indexes', 'deploy-agreement', 'adrs', 'diagrams']);
    expect(report.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.summary}`)).toEqual([]);
  });
});

describe('schema.sql', () => {
  it('a syntax error fails schema-pglite at its line and column', async () => {
    const text = await readFile(join(dir, 'schema.sql'), 'utf8');
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, 'email        text NOT NULL,', 'email        text NOT NULL,,'));
    const report = await run(copy, ['schema-pglite']);
    expect(check(report, 'schema-pglite').status).toBe('failed');
    expect(failures(report, 'schema-pglite')[0]).toMatchObject({ file: 'schema.sql', line: lineOf(text, 'email        text NOT NULL,'), message: expect.stringContaining('syntax error') });
  });

  it('a statement PostgreSQL rejects fails at the line of the error inside it, or of the statement', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, '  title           text,\n', '  title           texty,\n'));
    const text = await readFile(join(copy, 'schema.sql'), 'utf8');
    const report = await run(copy, ['schema-pglite', 'index-usage']);
    const f = failures(report, 'schema-pglite')[0]!;
    // PostgreSQL reports where in the statement the unknown type is.
    expect(f).toMatchObject({ file: 'schema.sql', line: lineOf(text, 'texty'), column: 19 });
    expect(f.message).toMatch(/type "texty" does not exist/);
    // The checks that need the tables say why they did not run.
    expect(check(report, 'index-usage')).toMatchObject({ status: 'skipped' });

    // An error found while executing has no position: the statement's first line.
    const fk = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, 'FOREIGN KEY (created_by) REFERENCES users (id)', 'FOREIGN KEY (created_by) REFERENCES people (id)'));
    const fkText = await readFile(join(fk, 'schema.sql'), 'utf8');
    const g = failures(await run(fk, ['schema-pglite']), 'schema-pglite')[0]!;
    expect(g).toMatchObject({ file: 'schema.sql', line: lineOf(fkText, 'CREATE TABLE conversations'), message: expect.stringMatching(/relation "people" does not exist/) });
  });

  it('a dropped index fails pattern-indexes with the DDL to add, and index-usage with the sequential scan', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, /CREATE UNIQUE INDEX users_email_key[^\n]*\n/, ''));
    const report = await run(copy, ['pattern-indexes', 'index-usage']);
    const pi = failures(report, 'pattern-indexes');
    expect(pi.map((e) => e.subject)).toEqual(['users.user-by-email']);
    expect(pi[0]!.message).toContain('CREATE UNIQUE INDEX users_email_key ON users USING btree (email) WHERE deleted_at IS NULL');
    const iu = failures(report, 'index-usage');
    expect(iu.map((e) => e.subject)).toEqual(['users.user-by-email']);
    expect(iu[0]!.plan).toMatchObject({ node: 'Seq Scan', indexes: [], expectedIndex: 'users_email_key' });
    expect(iu[0]!.plan!.seqScans[0]).toMatchObject({ relation: 'users' });
    expect(iu[0]).toMatchObject({ file: 'design.json', line: expect.any(Number) });
    // The evidence of a passing pattern names its plan node, index and cost.
    const ok = check(report, 'index-usage').evidence.find((e) => e.subject === 'messages.message-search')!;
    expect(ok.plan).toMatchObject({ indexes: ['messages_body_fts_idx'], seqScans: [] });
    expect(ok.plan!.totalCost).toBeGreaterThan(0);
    expect(ok.plan!.params[0]).toMatch(/^[a-z]{4,}$/);
  });

  it('a column added to schema.sql but not to the migration fails migrations', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, '  avatar_url   text,\n', '  avatar_url   text,\n  nickname     text,\n'));
    const report = await run(copy, ['migrations', 'api-tables']);
    expect(failures(report, 'migrations').map((e) => e.message)).toEqual([expect.stringContaining('column users.nickname text')]);
    expect(check(report, 'api-tables').status).toBe('passed');
  });

  it('a table without a design column fails api-tables', async () => {
    const copy = await brokenCopy(dir, 'schema.sql', (t) => replaceOnce(t, '  avatar_url   text,\n', ''));
    const report = await run(copy, ['api-tables']);
    expect(failures(report, 'api-tables')[0]!.message).toBe('table users lacks column avatar_url of User');
  });
});

describe('API contracts', () => {
  it('a missing openapi.yaml fails openapi, naming the file', async () => {
    const copy = await brokenCopy(dir, 'openapi.yaml', () => null);
    const report = await run(copy, ['openapi']);
    expect(failures(report, 'openapi')[0]).toMatchObject({ file: 'openapi.yaml', message: expect.stringContaining('openapi.yaml is missing') });
  });

  it('a hand-edited invalid OpenAPI fails at the line of the bad value', async () => {
    const text = await readFile(join(dir, 'openapi.yaml'), 'utf8');
    const copy = await brokenCopy(dir, 'openapi.yaml', (t) => replaceOnce(t, '      operationId: listUsers\n', '      operationId: [listUsers]\n'));
    const report = await run(copy, ['openapi']);
    const f = failures(report, 'openapi');
    expect(f[0]).toMatchObject({ file: 'openapi.yaml', line: lineOf(text, 'operationId: listUsers'), message: expect.stringContaining('/paths/~1v1~1users/get/operationId: must be string') });
    // And the design's listUsers is no longer there under that operationId.
    expect(f.some((e) => e.subject === 'listUsers')).toBe(true);
  });

  it('a removed operation fails the endpoint coverage', async () => {
    const copy = await brokenCopy(dir, 'openapi.yaml', (t) => replaceOnce(t, 'operationId: deleteAttachment', 'operationId: removeAttachment'));
    const report = await run(copy, ['openapi']);
    expect(failures(report, 'openapi').map((e) => e.message)).toEqual([expect.stringContaining('operationId "removeAttachment"; the design calls it deleteAttachment')]);
  });

  it('an invalid asyncapi.yaml fails asyncapi at its line', async () => {
    const text = await readFile(join(dir, 'asyncapi.yaml'), 'utf8');
    const copy = await brokenCopy(dir, 'asyncapi.yaml', (t) => t.replace('    action: send\n', '    action: push\n'));
    const report = await run(copy, ['asyncapi']);
    expect(failures(report, 'asyncapi')[0]).toMatchObject({ file: 'asyncapi.yaml', line: lineOf(text, 'action: send'), message: expect.stringContaining('must be equal to one of the allowed values (send, receive)') });
  });
});

describe('deployment files', () => {
  it('an invalid compose.yaml fails compose at its line', async () => {
    const text = await readFile(join(dir, 'deploy/compose.yaml'), 'utf8');
    const copy = await brokenCopy(dir, 'deploy/compose.yaml', (t) => t.replace('      interval: "10s"\n', '      interval: "ten seconds"\n'));
    const report = await run(copy, ['compose']);
    expect(failures(report, 'compose')[0]).toMatchObject({ file: 'deploy/compose.yaml', line: lineOf(text, 'interval: "10s"') });
  });

  it('an invalid Kubernetes manifest fails kubernetes at its line, naming the version', async () => {
    const text = await readFile(join(dir, 'deploy/k8s/realtime.yaml'), 'utf8');
    const copy = await brokenCopy(dir, 'deploy/k8s/realtime.yaml', (t) => replaceOnce(t, 'containerPort: 8081', 'containerPort: "8081"'));
    const report = await run(copy, ['kubernetes']);
    expect(failures(report, 'kubernetes')[0]).toMatchObject({ file: 'deploy/k8s/realtime.yaml', line: lineOf(text, 'containerPort: 8081'), message: expect.stringContaining('Kubernetes 1.27.1') });
  });

  it('a readiness path that drifted from the design fails deploy-agreement', async () => {
    const copy = await brokenCopy(dir, 'deploy/k8s/api.yaml', (t) => replaceOnce(t, 'path: /readyz', 'path: /ready'));
    const report = await run(copy, ['deploy-agreement']);
    expect(failures(report, 'deploy-agreement').map((e) => e.message)).toEqual([expect.stringContaining('the readiness probe checks "/ready", the design says /readyz')]);
  });

  it('a compose service without a design variable fails deploy-agreement', async () => {
    const copy = await brokenCopy(dir, 'deploy/compose.yaml', (t) => t.replace('      LOG_LEVEL: info\n', ''));
    const report = await run(copy, ['deploy-agreement']);
    expect(failures(report, 'deploy-agreement')[0]!.message).toContain('environment variable LOG_LEVEL is missing');
  });
});

describe('documents and diagrams', () => {
  it('a missing ADR fails adrs', async () => {
    const copy = await brokenCopy(dir, 'adr/0003-primary-database.md', () => null);
    const report = await run(copy, ['adrs']);
    expect(failures(report, 'adrs').map((e) => e.subject)).toEqual(['primary-database']);
  });

  it('a diagram without a data store fails diagrams', async () => {
    const copy = await brokenCopy(dir, 'diagrams/architecture.mmd', (t) => t.replace(/\n\s*redis\[[^\n]*/, '').replace(/\n[^\n]*--> redis/g, ''));
    const report = await run(copy, ['diagrams']);
    expect(failures(report, 'diagrams').map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('lacks redis'), expect.stringContaining('ARCHITECTURE.md does not embed the Mermaid source of diagrams/architecture.mmd')]),
    );
  });
});

describe('report.html', () => {
  it('a page that fetches from the network and logs an error fails report-html; a screenshot is taken of every diagram', async () => {
    // Without its Content-Security-Policy (which would block both, and say so on the console).
    const copy = await brokenCopy(dir, 'report.html', (t) =>
      replaceOnce(t, /<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', '<img src="https://cdn.example.com/logo.png" alt=""><script>console.error("boom")</script></body>'),
    );
    const shots = await mkdtemp(join(tmpdir(), 'archie-verify-shots-'));
    const report = await verify(copy, { only: ['report-html'], screenshotDir: shots });
    const messages = failures(report, 'report-html').map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining(['console error: boom', 'the page requested https://cdn.example.com/logo.png (blocked: the report must be self-contained)']));
    // The diagrams still render, each with a screenshot on disk.
    const diagrams = check(report, 'report-html').evidence.filter((e) => e.subject.startsWith('diagrams/'));
    expect(diagrams.map((e) => [e.subject, e.ok])).toEqual([
      ['diagrams/architecture.svg', true],
      ['diagrams/er.svg', true],
      ['diagrams/sequence-main.svg', true],
    ]);
    for (const name of ['architecture', 'er', 'sequence-main', 'report']) expect((await readFile(join(shots, `${name}.png`))).subarray(1, 4).toString()).toBe('PNG');
    await rm(shots, { recursive: true, force: true });
  });

  it("content the page's own policy blocks shows as console errors", async () => {
    const copy = await brokenCopy(dir, 'report.html', (t) => replaceOnce(t, '</body>', '<img src="https://cdn.example.com/logo.png" alt=""></body>'));
    const report = await verify(copy, { only: ['report-html'] });
    expect(failures(report, 'report-html').map((e) => e.message)).toEqual([expect.stringMatching(/^console error: Loading the image 'https:\/\/cdn.example.com\/logo.png' violates the following Content Security Policy/)]);
  });

  it('a diagram that draws nothing fails report-html', async () => {
    const copy = await brokenCopy(dir, 'report.html', (t) => replaceOnce(t, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="adg" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" role="img" aria-labelledby="er-title er-desc">/, '<svg xmlns="http://www.w3.org/2000/svg" class="adg" viewBox="0 0 10 10" width="0" height="0" role="img" aria-labelledby="er-title er-desc">'));
    const report = await verify(copy, { only: ['report-html'] });
    expect(failures(report, 'report-html').map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^SVG "Entity-relationship diagram: .*" does not render: its box is 0×0$/)]));
  });

  it('without Chromium the check is skipped with the install hint', async () => {
    const report = await verify(dir, { only: ['report-html'], chromiumPath: '/nonexistent/chromium' });
    expect(check(report, 'report-html')).toMatchObject({ status: 'skipped', hint: expect.stringContaining('apt-get install chromium') });
    expect(report.ok).toBe(true);
  });
});

describe('design.json', () => {
  it('another schemaVersion is a usage error naming the file and the version (exit 2), not failed checks', async () => {
    const copy = await brokenCopy(dir, 'design.json', (t) => replaceOnce(t, '"schemaVersion": 1,', '"schemaVersion": 2,'));
    await expect(run(copy, ['design-json', 'api-tables', 'openapi'])).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/another version of archie: design\.json has schemaVersion 2; this archie reads schemaVersion 1/),
    });
  });

  it('a folder without any of archie\'s files is a usage error, not a run of failed checks', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'archie-verify-empty-'));
    await expect(verify(empty)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(/is not a design folder/) });
  });

  it('invalid JSON fails with the line; a value the model rejects fails with its path and line', async () => {
    const broken = await brokenCopy(dir, 'design.json', (t) => t.replace('"schemaVersion": 1,', '"schemaVersion": 1,,'));
    expect(failures(await run(broken, ['design-json']), 'design-json')[0]).toMatchObject({ file: 'design.json', line: 2, message: expect.stringContaining('not valid JSON') });
    const text = await readFile(join(dir, 'design.json'), 'utf8');
    const invalid = await brokenCopy(dir, 'design.json', (t) => t.replace('"kind": "client"', '"kind": "browser"'));
    const f = failures(await run(invalid, ['design-json']), 'design-json')[0]!;
    expect(f).toMatchObject({ file: 'design.json', line: lineOf(text, '"kind": "client"'), subject: 'components.0.kind' });
  });

  it('--only without design-json still reports an unusable design', async () => {
    const copy = await brokenCopy(dir, 'design.json', () => null);
    const report = await run(copy, ['adrs']);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['design-json', 'failed'],
      ['adrs', 'skipped'],
    ]);
  });
});

describe('bad calls', () => {
  it('a path that is a file, a missing path and an unknown check are usage errors', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'archie-verify-file-'));
    const file = join(tmp, 'x.txt');
    await writeFile(file, 'x');
    await expect(verify(file)).rejects.toMatchObject({ code: 'USAGE', message: `${file} is not a directory` });
    await expect(verify(join(tmp, 'nope'))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('does not exist') });
    await expect(verify(dir, { only: ['openapi', 'nonsense'] })).rejects.toBeInstanceOf(ArchieError);
    await rm(tmp, { recursive: true, force: true });
  });
});
