import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archie as run } from '../../cli/_run.js';

/**
 * End-to-end scenarios: the built CLI (dist/cli.js, which `npm test` builds first), a document, a
 * command, the expected exit status and output.
 */
// CommonJS packages: their default export is the module itself under NodeNext typing.
const Ajv04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const dir = mkdtempSync(join(tmpdir(), 'archie-e2e-'));
const mkfifoSync = (path: string): void => void execFileSync('mkfifo', [path]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLEAN = `openapi: 3.1.0
info: {title: Shop, version: '1.0'}
servers: [{url: 'https://api.example.com/v1'}]
security: []
paths:
  /health:
    get:
      operationId: getHealth
      summary: Health check
      responses:
        '204': {description: healthy}
        '429': {description: slow down, headers: {Retry-After: {schema: {type: integer}}, RateLimit-Remaining: {schema: {type: integer}}, X-Request-ID: {schema: {type: string}}}}
        '503': {description: unavailable, headers: {Retry-After: {schema: {type: integer}}}}
`;
const WARN = CLEAN.replace("      summary: Health check\n", '');
const ERR = WARN.replace('https://api', 'http://api');
writeFileSync(join(dir, 'clean.yaml'), CLEAN);
writeFileSync(join(dir, 'warn.yaml'), WARN);
writeFileSync(join(dir, 'err.yaml'), ERR);
writeFileSync(join(dir, 'broken.json'), '{"openapi": "3.0.0",}');
mkdirSync(join(dir, 'notes'));
writeFileSync(join(dir, 'notes', 'todo.yaml'), 'todo: [write the API]\n');
writeFileSync(join(dir, 'notes', 'readme.md'), '# notes\n');
mkdirSync(join(dir, 'empty'));
mkfifoSync(join(dir, 'pipe.yaml'));

/** The CLI with the temporary folder as its working directory. */
function archie(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = run(args, { cwd: dir });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('archie review (CLI)', () => {
  it('exit 0 and a clean summary when nothing is at or above the threshold', () => {
    const r = archie('review', 'clean.yaml');
    expect(r.stdout).toContain('✔ no problems in 1 file');
    expect(r.status).toBe(0);
  });

  it('--fail-on decides between 0 and 1', () => {
    expect(archie('review', 'warn.yaml').status).toBe(0);
    const r = archie('review', 'warn.yaml', '--fail-on', 'warning');
    expect(r.stdout).toMatch(/warn\.yaml:7:5 +warning +GET \/health has neither a summary nor a description +openapi\/operation-summary/);
    expect(r.status).toBe(1);
    expect(archie('review', 'err.yaml').status).toBe(1);
  });

  it('--format json and the global --json agree; sarif is SARIF', () => {
    const a = archie('review', 'err.yaml', '--format', 'json');
    const b = archie('--json', 'review', 'err.yaml');
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).findings[0]).toMatchObject({ ruleId: 'openapi/servers-https', location: { file: 'err.yaml', line: 3 } });
    const s = JSON.parse(archie('review', 'err.yaml', 'broken.json', '--format', 'sarif').stdout);
    expect(s.version).toBe('2.1.0');
    const ajv = new Ajv04({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    expect(ajv.validate(schema, s), JSON.stringify(ajv.errors)).toBe(true);
    expect(s.runs[0].results.length).toBeGreaterThan(0);
  });

  it('exit 2 for an unreadable input, after reviewing the rest', () => {
    const r = archie('review', 'broken.json', 'err.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('could not review 1 file');
    expect(r.stdout).toContain('broken.json:1:');
    expect(r.stdout).toContain('openapi/servers-https');
    expect(r.stderr).not.toContain('    at ');
  });

  it('exit 2 for usage errors, with a message', () => {
    expect(archie('review', 'clean.yaml', '--format', 'xml')).toMatchObject({ status: 2, stderr: expect.stringContaining('--format must be') });
    expect(archie('review', 'clean.yaml', '--fail-on', 'fatal')).toMatchObject({ status: 2 });
    expect(archie('review', 'missing.yaml')).toMatchObject({ status: 2, stdout: '', stderr: 'error: missing.yaml: no such file or directory\n  hint: check the path\n' });
    expect(archie('review')).toMatchObject({ status: 2 });
    expect(archie('review', '--base', 'clean.yaml', 'a.yaml', 'b.yaml')).toMatchObject({ status: 2, stderr: expect.stringContaining('exactly one') });
  });

  it('--base reports breaking changes with the base location', () => {
    const r = archie('review', '--base', 'clean.yaml', 'err.yaml', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(r.status).toBe(0); // a summary removal and a server change are not API breaking changes
    expect(j.findings).toEqual([]);
    writeFileSync(join(dir, 'v2.yaml'), CLEAN.replace("        '204': {description: healthy}\n", "        '200': {description: healthy, content: {application/json: {schema: {type: object}}}}\n"));
    const r2 = archie('review', '--base', 'clean.yaml', 'v2.yaml');
    expect(r2.status).toBe(1);
    expect(r2.stdout).toMatch(/v2\.yaml:11:9 +error +GET \/health: success status 204 is now 200/);
    expect(r2.stdout).toContain('↳ base version: clean.yaml:11:9');
  });

  /** Reviewing nothing is an error naming the path and what archie reviews; nothing green is printed. */
  it.each([
    ['a folder with nothing reviewable', ['notes'], /^error: notes: holds no file archie can review\n {2}hint: archie reviews OpenAPI 3\.x and Swagger 2\.0 documents .*\.sql.*Compose manifests/],
    ['an empty folder beside a reviewable file', ['clean.yaml', 'empty'], /^error: empty: holds no file archie can review\n/],
    ['two folders with nothing reviewable', ['notes', 'empty'], /^error: notes, empty hold no file archie can review\n/],
    ['a path that does not exist', ['/nonexistent'], /^error: \/nonexistent: no such file or directory\n/],
    ['several paths that do not exist', ['nope.yaml', 'clean.yaml', 'nope/'], /^error: no such files or directories: nope\.yaml, nope\/\n/],
    ['a path under a file', ['clean.yaml/x'], /^error: clean\.yaml\/x: no such file or directory\n/],
    ['a FIFO, which would block the read', ['pipe.yaml'], /^error: pipe\.yaml: is neither a regular file nor a directory\n/],
    ['--base of a missing file', ['--base', 'old.yaml', 'clean.yaml'], /^error: old\.yaml: no such file or directory\n/],
  ])('exit 2 for %s, nothing on stdout', (_name, args, stderr) => {
    const r = archie('review', ...args);
    expect(r.stderr).toMatch(stderr);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    // The same error as JSON on stdout for --json (the MCP tool gets it as an ArchieError too).
    const j = archie('--json', 'review', ...args);
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: { code: 'INPUT' } });
  });

  it.each([
    ['only an unreadable file', ['broken.json'], '✖ could not review 1 file; no file was reviewed'],
    ['an unreadable file beside a clean one', ['broken.json', 'clean.yaml'], '✖ could not review 1 file; no problems in the 1 file reviewed'],
    ['an unreadable file beside findings', ['broken.json', 'err.yaml'], '✖ 2 problems (1 error, 1 warning, 0 infos) in 1 file; could not review 1 file'],
    ['an unrecognised file named on the command line', ['notes/todo.yaml'], '✖ could not review 1 file; no file was reviewed'],
  ])('exit 2 and no green summary for %s', (_name, args, summary) => {
    const r = archie('review', ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('could not review 1 file:');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(summary);
    expect(r.stdout).not.toContain('✔');
  });
});
