import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesignSchema } from '../../src/model/design.js';
import { archie } from './_run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'archie-design-'));

describe('archie design (CLI)', () => {
  it('prints the design document for a free-text brief', () => {
    const r = archie(['design', 'Design a real-time chat system for 2M daily users, team of 6, GDPR']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Backend Architecture:')).toBe(true);
    const order = ['Requirements Analysis', 'Constraints', 'Architecture Overview', 'Components', 'Data Architecture', 'API Design', 'Trade-offs', 'Failure Modes', 'Capacity Planning', 'Security Considerations', 'Migration Plan', 'ADR', 'Next Steps'];
    const positions = order.map((h) => r.stdout.indexOf(`\n## ${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const extra of ['Assumptions', 'SLOs', 'Cost Estimate', 'Escalations', 'Implementation Roadmap']) expect(r.stdout).toContain(`\n## ${extra}\n`);
  });

  it('accepts an unquoted brief as several words', () => {
    const r = archie(['design', 'chat', 'for', '2M', 'daily', 'users']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2M daily users');
  });

  it('prints design.json with --json, valid against the model', () => {
    const r = archie(['design', 'examples/chat.yaml', '--json']);
    expect(r.code).toBe(0);
    const parsed = DesignSchema.safeParse(JSON.parse(r.stdout));
    expect(parsed.success).toBe(true);
  });

  it('is deterministic: same input, byte-identical files', () => {
    const a = tmp();
    const b = tmp();
    expect(archie(['design', 'examples/chat.yaml', '--out', join(a, 'o')]).code).toBe(0);
    expect(archie(['design', 'examples/chat.yaml', '--out', join(b, 'o')]).code).toBe(0);
    const files = readdirSync(join(a, 'o'), { recursive: true }) as string[];
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      if (!f.includes('.')) continue;
      expect(readFileSync(join(b, 'o', f), 'utf8'), f).toBe(readFileSync(join(a, 'o', f), 'utf8'));
    }
  });

  it('refuses to overwrite a non-empty --out directory without --force', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const r = archie(['design', 'examples/chat.yaml', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists and is not empty/);
    expect(r.stderr).toMatch(/--force/);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    const f = archie(['design', 'examples/chat.yaml', '--out', dir, '--force']);
    expect(f.code).toBe(0);
    expect(readdirSync(dir)).toContain('design.json');
    // --force overwrites archie's own files only: the user's file is still there, unchanged.
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('writes nothing when the brief is bad', () => {
    const dir = tmp();
    const out = join(dir, 'o');
    const r = archie(['design', '10 daily users and 1M requests per second', '--out', out]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [['design'], /no brief given/],
    [['design', ''], /no brief given/],
    [['design', 'asdf qwer zxcv'], /does not describe a system/],
    [['design', 'chat app for 10 daily users and 1M requests per second'], /cannot both hold/],
    [['design', 'missing-brief.yaml'], /not found/],
    [['design', 'chat app', '--format', 'pdf'], /--format must be md or json/],
    [['design', 'chat app', '--rps-per-instance', '-3'], /--rps-per-instance/],
  ])('%j fails with a clear message and exit 2', (args, message) => {
    const r = archie(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses surveillance briefs with exit code 3', () => {
    const r = archie(['design', 'Build a system to track all citizens via street cameras with facial recognition in public spaces']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/refused/);
  });

  it('rejects binary, empty and malformed brief files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'bad.yaml'), 'title: x\nusers:\n  daily: [1,\n');
    writeFileSync(join(dir, 'unknown.yaml'), 'title: x\nuser:\n  daily: 5\n');
    mkdirSync(join(dir, 'folder.yaml'));
    writeFileSync(join(dir, 'huge.yaml'), `title: x\ndescription: "${'chat '.repeat(2_100_000)}"\n`);
    const cases: Array<[string, RegExp]> = [
      ['bin.yaml', /binary/],
      ['empty.yaml', /empty/],
      ['bad.yaml', /not valid YAML/],
      ['unknown.yaml', /unknown field "user"[\s\S]*did you mean "users"/],
      ['folder.yaml', /directory/],
      ['huge.yaml', /MiB limit/],
    ];
    for (const [f, m] of cases) {
      const r = archie(['design', join(dir, f)]);
      expect(r.code, f).toBe(2);
      expect(r.stderr, f).toMatch(m);
    }
  });

  it('reports errors as JSON with --json', () => {
    const r = archie(['design', 'asdf qwer zxcv', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('INPUT');
  });

  it('reads the brief from stdin with -', () => {
    const r = archie(['design', '-'], { input: 'a chat app for 50k daily users' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('50k daily users');
  });

  it('lists archetypes', () => {
    const r = archie(['design', '--list-archetypes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chat\s/m);
    expect(r.stdout).toMatch(/^generic\s/m);
  });
});

describe('archie design --out . --force inside a git checkout (issue 13: data loss)', () => {
  it('keeps the repository and every file of the user, and a second run still works', () => {
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'README.md'), '# mine\n');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'x.js'), 'x');
    execFileSync('git', ['-C', dir, 'add', '.']);
    execFileSync('git', ['-C', dir, '-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'init']);
    const brief = join(process.cwd(), 'examples', 'chat.yaml');
    for (let i = 0; i < 2; i++) {
      const r = archie(['design', brief, '--out', '.', '--force'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(join(dir, 'lib', 'x.js'), 'utf8')).toBe('x');
    expect(execFileSync('git', ['-C', dir, 'log', '--oneline'], { encoding: 'utf8' })).toMatch(/init/);
    expect(readdirSync(dir)).toContain('ARCHITECTURE.md');
  });

  it('refuses, without writing anything, when the repository has a file with one of archie\'s names', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'schema.sql'), 'create table mine (id int);');
    const r = archie(['design', 'examples/chat.yaml', '--out', dir, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did not write[\s\S]*schema\.sql/);
    expect(readdirSync(dir)).toEqual(['schema.sql']);
  });
});
