import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchieError } from '../../../src/errors.js';
import { review, reviewDiff } from '../../../src/review/index.js';

/**
 * Reviewing nothing is an error of the library itself, so every door (CLI, MCP) reports it: an
 * ArchieError with code INPUT and the path, never a result that formats as "no problems".
 */
const cwd = mkdtempSync(join(tmpdir(), 'archie-nothing-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
mkdirSync(join(cwd, 'docs'));
writeFileSync(join(cwd, 'docs', 'mkdocs.yml'), 'site_name: x\n');
mkdirSync(join(cwd, 'db'));
writeFileSync(join(cwd, 'db', '001.sql'), 'CREATE TABLE t (id bigint PRIMARY KEY);\n');
mkdirSync(join(cwd, 'ignored'));
writeFileSync(join(cwd, 'ignored', '002.sql'), 'CREATE TABLE u (id bigint PRIMARY KEY);\n');

describe('review() of nothing', () => {
  it.each([
    ['a missing path', ['nope'], { path: 'nope', message: 'no such file or directory', hint: 'check the path' }],
    ['a missing path among good ones', ['db', 'nope.sql'], { path: 'nope.sql', hint: 'check the path' }],
    ['a folder with nothing reviewable', ['docs'], { path: 'docs', message: 'holds no file archie can review', hint: expect.stringMatching(/OpenAPI .*SQL .*Kubernetes or Docker Compose/) }],
    ['a folder with nothing reviewable beside one that has', ['db', 'docs'], { path: 'docs', hint: expect.stringMatching(/OpenAPI .*SQL .*Kubernetes or Docker Compose/) }],
  ])('%s raises INPUT naming the path', async (_name, paths, fields: Record<string, unknown>) => {
    const e = await review(paths, { cwd }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArchieError);
    expect(e).toMatchObject({ code: 'INPUT', ...fields });
  });

  it('a folder whose files the config ignores says so', async () => {
    await expect(review(['ignored'], { cwd, config: { ignore: ['ignored/**'] } })).rejects.toMatchObject({ code: 'INPUT', path: 'ignored', message: expect.stringContaining('.archie.yaml ignores them') });
  });

  it('a folder with something to review is a result', async () => {
    const r = await review(['db'], { cwd });
    expect(r.files).toEqual([{ path: 'db/001.sql', kind: 'sql' }]);
  });

  it('reviewDiff of a missing base or head raises INPUT', async () => {
    await expect(reviewDiff('old.yaml', 'db/001.sql', { cwd })).rejects.toMatchObject({ code: 'INPUT', path: 'old.yaml' });
    await expect(reviewDiff('db/001.sql', 'new.yaml', { cwd })).rejects.toMatchObject({ code: 'INPUT', path: 'new.yaml' });
  });
});
