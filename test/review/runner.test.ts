import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isArchieError } from '../../src/errors.js';
import { globToRegExp, parseConfig } from '../../src/review/config.js';
import { classifyText } from '../../src/review/discover.js';
import { review, reviewDiff } from '../../src/review/index.js';

const root = mkdtempSync(join(tmpdir(), 'archie-runner-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

const SPEC = `openapi: 3.0.3
info: {title: Shop, version: '1.0'}
servers: [{url: 'http://api.example.com/v1'}]
paths:
  /orders:
    get:
      responses:
        '200': {description: ok}
`;

describe('review runner', () => {
  it('reviews every recognised file, reports bad ones and goes on', async () => {
    const dir = tree('mixed', {
      'api/openapi.yaml': SPEC,
      'api/broken.yaml': 'openapi: 3.0.0\ninfo: [\n',
      'api/binary.json': Buffer.from([0x7b, 0, 1, 2, 3]),
      'api/swagger.yaml': 'swagger: "1.2"\ninfo: {title: t, version: "1"}\npaths: {}\n',
      'api/notes.yaml': 'just: some config\n',
      'db/001_init.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY);\n',
      'node_modules/x/openapi.yaml': SPEC,
    });
    const r = await review(['.'], { cwd: dir, config: {} });
    expect(r.files.map((f) => `${f.kind}:${f.path}`)).toEqual(['openapi:api/openapi.yaml', 'sql:db/001_init.sql']);
    expect(r.errors.map((e) => e.file)).toEqual(['api/binary.json', 'api/broken.yaml', 'api/swagger.yaml']);
    expect(r.errors[0]!.message).toContain('binary');
    expect(r.errors[1]).toMatchObject({ line: expect.any(Number), message: expect.stringContaining('not valid YAML') });
    expect(r.errors[2]!.message).toContain('Swagger 1.2');
    expect(r.findings.some((f) => f.ruleId === 'openapi/servers-https')).toBe(true);
    expect(r.findings.every((f) => f.location.kind !== 'file' || !f.location.file.startsWith('node_modules'))).toBe(true);
  });

  it('finds OpenAPI files whose openapi key comes after the first 64 KiB (components first)', async () => {
    const late = `components:\n  schemas:\n${Array.from({ length: 3000 }, (_, i) => `    S${i}: {type: object, description: padding padding}\n`).join('')}${SPEC}`;
    const dir = tree('late', { 'spec.yaml': late });
    const r = await review(['.'], { cwd: dir, config: {} });
    expect(r.files).toEqual([{ path: 'spec.yaml', kind: 'openapi' }]);
  });

  it('applies severity overrides, rules turned off and ignored paths', async () => {
    const dir = tree('config', { 'openapi.yaml': SPEC, 'generated/openapi.yaml': SPEC });
    const base = await review(['.'], { cwd: dir, config: {} });
    expect(base.findings.find((f) => f.ruleId === 'openapi/servers-https')?.severity).toBe('error');
    const r = await review(['.'], {
      cwd: dir,
      config: { rules: { 'openapi/servers-https': 'info', 'openapi/operation-id': 'off' }, ignore: ['generated/'] },
    });
    expect(r.files.map((f) => f.path)).toEqual(['openapi.yaml']);
    expect(r.findings.find((f) => f.ruleId === 'openapi/servers-https')?.severity).toBe('info');
    expect(r.findings.some((f) => f.ruleId === 'openapi/operation-id')).toBe(false);
    expect(r.rules.find((x) => x.id === 'openapi/servers-https')?.severity).toBe('info');
  });

  it('reads .archie.yaml and names the field of an invalid one', async () => {
    const dir = tree('cfgfile', { 'openapi.yaml': SPEC, '.archie.yaml': 'rules:\n  openapi/servers-https: off\n' });
    const r = await review(['openapi.yaml'], { cwd: dir });
    expect(r.findings.some((f) => f.ruleId === 'openapi/servers-https')).toBe(false);
    const bad = tree('badcfg', { 'openapi.yaml': SPEC, '.archie.yaml': 'rules:\n  openapi/servers-https: loud\nlimits: {maxFileMiB: -1}\n' });
    const e = await review(['openapi.yaml'], { cwd: bad }).catch((x: unknown) => x);
    expect(isArchieError(e) && e.message).toMatch(/rules\.openapi\/servers-https/);
    expect(() => parseConfig({ rulez: {} }, root)).toThrow(/rulez: unknown field/);
    expect(() => parseConfig({ limits: { maxFileMiB: 'big' } }, root)).toThrow(/limits\.maxFileMiB/);
  });

  it('refuses a file above the size limit with a clear error and reviews the rest', async () => {
    const big = `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-pad": "${'x'.repeat(3 * 1024 * 1024)}"}`;
    const dir = tree('big', { 'big.json': big, 'openapi.yaml': SPEC });
    const r = await review(['.'], { cwd: dir, config: { limits: { maxFileMiB: 2 } } });
    expect(r.errors).toEqual([{ file: 'big.json', message: expect.stringContaining('above the 2 MiB limit') }]);
    expect(r.files.map((f) => f.path)).toEqual(['openapi.yaml']);
  });

  it('reviews a 50 MB description without hanging when the limit allows it, and refuses it by default', async () => {
    const ops: Record<string, unknown> = {};
    for (let i = 0; i < 20000; i++) {
      ops[`/items-${i}`] = { get: { operationId: `get${i}`, description: 'x'.repeat(2500), responses: { 200: { description: 'ok' } } } };
    }
    const text = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: ops });
    expect(text.length).toBeGreaterThan(48 * 1024 * 1024);
    const dir = tree('huge', { 'huge.json': text });
    const refused = await review(['huge.json'], { cwd: dir, config: {} });
    expect(refused.errors[0]!.message).toMatch(/above the 32 MiB limit/);
    const r = await review(['huge.json'], { cwd: dir, config: { limits: { maxFileMiB: 64 } } });
    expect(r.errors).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'openapi/rate-limit-response')).toHaveLength(20000);
  });

  it('reports breaking changes with both locations', async () => {
    const dir = tree('diff', {
      'v1.yaml': SPEC,
      'v2.yaml': SPEC.replace("        '200': {description: ok}\n", "        '201': {description: ok}\n"),
    });
    const r = await reviewDiff('v1.yaml', 'v2.yaml', { cwd: dir, config: {} });
    expect(r.findings).toEqual([
      expect.objectContaining({
        ruleId: 'openapi/diff-response-status-removed',
        severity: 'error',
        location: expect.objectContaining({ file: 'v2.yaml', line: 8, column: 9 }),
        related: [expect.objectContaining({ file: 'v1.yaml', line: 8, column: 9 })],
      }),
    ]);
    expect(r.rules.every((x) => x.id.startsWith('openapi/diff-') || x.domain === 'core')).toBe(true);
  });
});

describe('helpers', () => {
  it('classifies files from their name and head', () => {
    expect(classifyText('a.yaml', 'openapi: 3.1.0\n')).toBe('openapi');
    expect(classifyText('a.json', '{\n  "openapi": "3.0.0"')).toBe('openapi');
    expect(classifyText('d.yaml', 'apiVersion: v1\nkind: Service\n')).toBe('manifest');
    expect(classifyText('docker-compose.yml', 'services: {}\n')).toBe('manifest');
    expect(classifyText('x.yaml', 'type: object\nproperties: {}\n')).toBeUndefined();
  });

  it('matches ignore globs like .gitignore', () => {
    expect(globToRegExp('generated/').test('generated/a/b.yaml')).toBe(true);
    expect(globToRegExp('*.json').test('deep/x.json')).toBe(true);
    expect(globToRegExp('api/**/*.yaml').test('api/v1/x.yaml')).toBe(true);
    expect(globToRegExp('api/**/*.yaml').test('other/api/x.yaml')).toBe(false);
    expect(globToRegExp('x?.sql').test('x1.sql')).toBe(true);
  });
});
