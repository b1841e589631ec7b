import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../../src/review/index.js';

/**
 * `archie review` on hostile files, made at test time: pipes and devices, Compose and Kubernetes
 * manifests nested 10,000 levels deep or built as alias bombs, a `.archie.yaml` that is a pipe, a
 * bomb or nested too deeply. The CLI (dist/cli.js, built by `npm run build`) exits 2 with the
 * reason and no stack trace, within a bounded time; the library reports the same reason.
 */
const CLI = resolve(import.meta.dirname, '../../../dist/cli.js');
const root = mkdtempSync(join(tmpdir(), 'archie-hostile-review-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deepFlow = (n: number) => '['.repeat(n) + ']'.repeat(n);
const bomb = (prefix: string) => ['a: &a [l, l, l, l, l, l, l, l, l, l]', ...'bcdefghijk'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghijk'[i]}`).join(', ')}]`)].map((l) => prefix + l).join('\n') + '\n';

/** A folder holding one file (or FIFO, or link) as `name`; returns its path relative to root. */
function folder(label: string, name: string, content: string | { fifo: true } | { link: string }): string {
  const dir = join(root, label);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  if (typeof content === 'string') writeFileSync(file, content);
  else if ('fifo' in content) execFileSync('mkfifo', [file]);
  else symlinkSync(content.link, file);
  return label;
}

const COMPOSE_HEAD = 'services:\n  web:\n    image: nginx:1.27\n';
const K8S_HEAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n';

/** [case, args (relative to root), message on stderr or stdout] */
const CASES: [string, string[], RegExp][] = [
  ['a FIFO named on the command line', [join(folder('fifo-arg', 'openapi.yaml', { fifo: true }), 'openapi.yaml')], /openapi\.yaml.*(named pipe|neither a regular file nor a directory)/],
  ['a link to /dev/zero named on the command line', [join(folder('zero-arg', 'openapi.yaml', { link: '/dev/zero' }), 'openapi.yaml')], /openapi\.yaml.*(character device|neither a regular file nor a directory)/],
  ['a FIFO named schema.sql', [join(folder('fifo-sql', 'schema.sql', { fifo: true }), 'schema.sql')], /schema\.sql.*(named pipe|neither a regular file nor a directory)/],
  ['a link to /dev/urandom named migration.sql', [join(folder('urandom-sql', 'migration.sql', { link: '/dev/urandom' }), 'migration.sql')], /migration\.sql.*(character device|neither a regular file nor a directory)/],
  ['Compose nested 10,000 levels deep', [folder('compose-deep', 'compose.yaml', `${COMPOSE_HEAD}    command: ${deepFlow(10_000)}\n`)], /compose\.yaml:4:\d+ .*compose\.yaml is nested 10,00\d levels deep; archie reads up to 256/],
  ['a Kubernetes manifest nested 10,000 levels deep', [folder('k8s-deep', 'deploy.yaml', `${K8S_HEAD}spec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`)], /deploy\.yaml:4:\d+ .*nested 10,00\d levels deep/],
  ['a Compose alias bomb', [folder('compose-bomb', 'compose.yaml', `${COMPOSE_HEAD}${bomb('x-')}`)], /compose\.yaml.*"billion laughs" attack/],
  ['a Compose alias with no anchor', [folder('compose-alias', 'compose.yaml', `${COMPOSE_HEAD}    environment: *env\n`)], /compose\.yaml:4:18 .*alias \*env with no anchor &env before it/],
  ['a Kubernetes alias inside its own anchor', [folder('k8s-cycle', 'deploy.yaml', `${K8S_HEAD}spec: &s {template: *s}\n`)], /deploy\.yaml:4:\d+ .*alias \*s inside the value it names/],
  ['an OpenAPI spec nested 10,000 levels deep', [folder('openapi-deep', 'openapi.json', `{"openapi": "3.0.3", "x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`)], /openapi\.json:1:\d+ .*nested 10,001 levels deep/],
];

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'review', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

const STACK = /\n\s+at .+[:(]\d+:\d+|Maximum call stack|internal error|RangeError|ReferenceError|TypeError/;

describe.runIf(existsSync(CLI))('archie review on hostile files (CLI)', () => {
  it.each(CASES)('%s: exit 2, the reason, no stack trace, no hang', (_what, args, message) => {
    const r = run(args);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});

describe('archie review on hostile files (library)', () => {
  it.each(CASES.slice(4))('%s: a file error with the reason', async (_what, args, message) => {
    const r = await review(args, { cwd: root, config: {} });
    expect(r.findings).toEqual([]);
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(`${e.file}:${e.line}:${e.column} ${e.message}`).toMatch(message);
  });
});

describe('.archie.yaml', () => {
  const SPEC = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
  const CONFIGS: [string, string | { fifo: true } | { link: string }, RegExp][] = [
    ['a FIFO', { fifo: true }, /\.archie\.yaml is a named pipe \(FIFO\), not a regular file/],
    ['a link to /dev/urandom', { link: '/dev/urandom' }, /\.archie\.yaml is a character device/],
    ['nested 10,000 levels deep', `rules: ${deepFlow(10_000)}\n`, /\.archie\.yaml is nested 10,001 levels deep; archie reads up to 256/],
    ['an alias bomb', bomb(''), /\.archie\.yaml expands its YAML aliases .* "billion laughs" attack/],
    ['an alias with no anchor', 'rules: *rules\n', /\.archie\.yaml uses the alias \*rules with no anchor &rules before it/],
  ];

  it.each(CONFIGS)('that is %s stops the review with the reason (library and CLI exit 2)', async (what, content, message) => {
    const label = `config-${what.replace(/\W+/g, '-')}`;
    folder(label, 'openapi.yaml', SPEC);
    folder(label, '.archie.yaml', content);
    const cwd = join(root, label);
    await expect(review(['.'], { cwd })).rejects.toThrow(message);
    if (!existsSync(CLI)) return;
    const r = spawnSync(process.execPath, [CLI, 'review', '.'], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});
