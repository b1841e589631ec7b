import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * End-to-end scenarios: the real CLI entry (through tsx), a document, a command, the expected
 * exit status and output.
 */
// CommonJS packages: their default export is the module itself under NodeNext typing.
const Ajv04 = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const main = resolve('src/cli/main.ts');
/** tsx's loader by URL: the CLI runs with the temporary folder as its working directory. */
const tsx = import.meta.resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'archie-e2e-'));
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

function archie(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
    expect(archie('review', 'missing.yaml')).toMatchObject({ status: 2, stdout: expect.stringContaining('missing.yaml does not exist') });
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
});
