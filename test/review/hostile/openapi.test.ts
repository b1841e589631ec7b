import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { review } from '../../../src/review/index.js';
import { MiB } from '../../../src/util/input.js';

/**
 * Hostile OpenAPI inputs, made at test time: `$ref`s that leave the reviewed folder through
 * symbolic links, `$ref`s to pipes and devices, a spec nested 20,000 levels deep, a 31 MB YAML
 * spec, alias bombs and anchors that do not exist.
 */
const root = mkdtempSync(join(tmpdir(), 'archie-hostile-openapi-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-K7MDENG-bPxRfiCYzEXAMPLEKEY';
const op = (path: string, ref: string) => `  ${path}:
    get:
      operationId: get${path.replace(/\W/g, '')}
      summary: s
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '${ref}'}
`;

describe('$ref stays inside the reviewed tree, symbolic links resolved', () => {
  const outside = join(root, 'outside');
  const tree = join(root, 'tree');
  mkdirSync(outside);
  mkdirSync(join(tree, 'shared'), { recursive: true });
  writeFileSync(join(outside, 'secret.yaml'), `components:\n  schemas:\n    S:\n      type: string\n      description: "${SECRET}"\n      example: "${SECRET}"\n`);
  // Outside and a FIFO: reading it at all would hang the review.
  execFileSync('mkfifo', [join(outside, 'pipe.yaml')]);
  writeFileSync(join(tree, 'shared', 'ok.yaml'), 'components:\n  schemas:\n    Ok: {type: string, maxLength: 10}\n');
  symlinkSync('../outside', join(tree, 'linked-dir'));
  symlinkSync('../outside/secret.yaml', join(tree, 'secret.yaml'));
  symlinkSync('../outside/pipe.yaml', join(tree, 'outside-pipe.yaml'));
  symlinkSync('/dev/zero', join(tree, 'zero.yaml'));
  symlinkSync('shared/ok.yaml', join(tree, 'inside-link.yaml'));
  execFileSync('mkfifo', [join(tree, 'pipe.yaml')]);
  writeFileSync(
    join(tree, 'openapi.yaml'),
    `openapi: 3.0.3
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
${op('/dir', './linked-dir/secret.yaml#/components/schemas/S')}${op('/file', './secret.yaml#/components/schemas/S')}${op('/outside-pipe', './outside-pipe.yaml#/x')}${op('/zero', './zero.yaml#/x')}${op('/pipe', './pipe.yaml#/x')}${op('/inside', './inside-link.yaml#/components/schemas/Ok')}`,
  );

  const refFindings = async () => {
    const r = await review([tree], { cwd: root, config: {} });
    return { r, refs: r.findings.filter((f) => f.ruleId === 'openapi/ref-resolvable').map((f) => f.message) };
  };

  it('reports each refused $ref by name, reads none of them, and follows links that stay inside', async () => {
    const { r, refs } = await refFindings();
    expect(refs).toEqual([
      expect.stringMatching(/^\$ref \.\/linked-dir\/secret\.yaml#\/components\/schemas\/S was not read: it resolves through a symbolic link to .*outside\/secret\.yaml, outside the reviewed tree$/),
      expect.stringMatching(/^\$ref \.\/secret\.yaml#\/components\/schemas\/S was not read: it resolves through a symbolic link to .*outside\/secret\.yaml, outside the reviewed tree$/),
      expect.stringMatching(/^\$ref \.\/outside-pipe\.yaml#\/x was not read: it resolves through a symbolic link to .*outside\/pipe\.yaml, outside the reviewed tree$/),
      expect.stringMatching(/^\$ref \.\/zero\.yaml#\/x was not read: it resolves through a symbolic link to \/dev\/zero, outside the reviewed tree$/),
      expect.stringMatching(/^\$ref \.\/pipe\.yaml#\/x cannot be resolved: file tree\/pipe\.yaml is a named pipe \(FIFO\), not a regular file; archie reads regular files only$/),
    ]);
    expect(JSON.stringify(r)).not.toContain(SECRET);
    expect(r.files.map((f) => f.path)).toEqual(['tree/openapi.yaml']);
  });

  it('keeps the secret out of every output format', () => {
    const cli = resolve(import.meta.dirname, '../../../dist/cli.js');
    for (const format of ['sarif', 'json', 'text']) {
      const out = spawnSync(process.execPath, [cli, 'review', 'tree', '--format', format], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
      expect(out.signal).toBeNull();
      expect(out.status).toBe(1);
      expect(out.stdout + out.stderr).not.toContain(SECRET);
      expect(out.stdout).toContain('outside the reviewed tree');
    }
  });
});

describe('a spec nested 20,000 levels deep', () => {
  const LEVELS = 20_000;
  // {"type":"object","properties":{"a": … }}: 723 KB for 20,000 schemas, like the reported file.
  const deep = join(root, 'deep.json');
  writeFileSync(
    deep,
    `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/x":{"post":{"operationId":"x","summary":"x","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S"}}}},"responses":{"200":{"description":"ok"}}}}},"components":{"schemas":{"S":${'{"type":"object","properties":{"a":'.repeat(LEVELS)}{"type":"string"}${'}}'.repeat(LEVELS)}}}}`,
  );
  const deepYaml = join(root, 'deep.yaml');
  writeFileSync(deepYaml, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: ${'{properties: {a: '.repeat(LEVELS)}{}${'}}'.repeat(LEVELS)}\n`);

  it('is refused with the depth, not a crash or gigabytes of memory', async () => {
    expect(statSync(deep).size).toBeGreaterThan(700_000);
    const r = await review([deep, deepYaml], { cwd: root, config: {} });
    expect(r.errors).toEqual([
      { file: 'deep.json', line: 1, column: expect.any(Number), message: expect.stringMatching(/^deep\.json is nested 40,00\d levels deep; archie reads up to 256 \(no real document/) },
      { file: 'deep.yaml', line: 6, column: expect.any(Number), message: expect.stringMatching(/^deep\.yaml is nested 40,00\d levels deep; archie reads up to 256 /) },
    ]);
  });

  it('builds the reviewed model and runs every rule in memory that grows linearly with depth', () => {
    // Past the parser's limit (the value comes straight from JSON.parse), in a 160 MiB heap:
    // node paths copied per level needed over 1.6 GB here.
    const child = spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', join(import.meta.dirname, '_deep-model.ts'), deep], {
      encoding: 'utf8',
      timeout: 120_000,
      cwd: resolve(import.meta.dirname, '../../..'),
    });
    expect(child.stderr).not.toMatch(/heap out of memory|Maximum call stack/);
    expect(child.status).toBe(0);
    const out = JSON.parse(child.stdout) as { schemas: number; inputs: number; heapMiB: number };
    expect(out.schemas).toBe(LEVELS + 1);
    expect(out.inputs).toBe(LEVELS + 1);
    expect(out.heapMiB).toBeLessThan(160);
  });
});

describe('a 31 MB YAML spec', () => {
  it('is refused at once with the YAML limit and the way out (JSON), not parsed for minutes', async () => {
    const file = join(root, 'big.yaml');
    const item = (i: number) => `  /items${i}:\n    get:\n      operationId: get${i}\n      summary: Get item ${i}\n      responses:\n        '200': {description: ok}\n`;
    const parts = ['openapi: 3.0.3\ninfo: {title: big, version: "1"}\npaths:\n'];
    let size = parts[0]!.length;
    for (let i = 0; size < 31 * 1_000_000; i++) {
      const s = item(i);
      parts.push(s);
      size += s.length;
    }
    writeFileSync(file, parts.join(''));
    const r = await review([file], { cwd: root, config: {} });
    expect(r.errors).toEqual([{ file: 'big.yaml', message: expect.stringMatching(/^big\.yaml is 29\.\d MiB of YAML; archie parses YAML up to 8 MiB: .*\(convert it to JSON/) }]);
    expect(size / MiB).toBeGreaterThan(29);
  });
});

describe('YAML aliases', () => {
  it.each([
    ['an alias bomb', `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-a: &a [l, l, l, l, l, l, l, l, l, l]\n${'bcdefghijk'.split('').map((k, i) => `x-${k}: &${k} [${Array(10).fill(`*${'abcdefghijk'[i]}`).join(', ')}]`).join('\n')}\n`, /"billion laughs" attack/],
    ['an anchor that does not exist', "openapi: 3.0.3\ninfo: *missing\npaths: {}\n", /alias \*missing with no anchor &missing before it/],
    ['an alias inside its own anchor', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: &p {/x: *p}\n", /alias \*p inside the value it names/],
  ])('%s is a clear file error', async (_what, text, message) => {
    const file = join(root, `alias-${_what.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, text);
    const r = await review([file], { cwd: root, config: {} });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(message);
    expect(r.errors[0]!.message).not.toMatch(/internal error|stack/i);
  });
});
