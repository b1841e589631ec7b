import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, lstatSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/_run.js';
import { connect, text, tokens, type TestClient } from './_client.js';

/**
 * Every MCP tool on hostile arguments (fast-check, fixed seed, so a failure reproduces): each call
 * ends in a tool result, never a protocol error, a stack trace or "internal error"; it answers in
 * bounded time; the server keeps serving; nothing outside the allowed folder is read or written,
 * and no file inside it changes except the design folders the calls asked for.
 */

const base = realpathSync(mkdtempSync(join(tmpdir(), 'archie-mcp-fuzz-')));
const root = join(base, 'root');
const outside = join(base, 'outside');
const SECRET = 'FUZZ-SECRET-never-shown';
const CALL_TIMEOUT_MS = 60_000;

/** Every file under a folder, with a hash of its content (links by their target). */
function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      const s = lstatSync(p);
      if (s.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (s.isDirectory()) walk(p);
      else if (s.isFile()) out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
      else out[rel] = 'special';
    }
  };
  walk(dir);
  return out;
}

let client: TestClient;
let before: { root: Record<string, string>; outside: Record<string, string> };
const isOut = (rel: string) => /^out-\d/.test(rel);

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(outside);
  copyFileSync(join(ROOT, 'examples/chat.yaml'), join(root, 'brief.yaml'));
  copyFileSync(join(ROOT, 'test/migrate/fixtures/solidus-api.oas.yml'), join(root, 'openapi.yaml'));
  writeFileSync(join(outside, 'secret.yaml'), `title: ${SECRET}\n`);
  symlinkSync(join(outside, 'secret.yaml'), join(root, 'secret-link.yaml'));
  symlinkSync('/dev/zero', join(root, 'zero.yaml'));
  symlinkSync(outside, join(root, 'escape'));
  execFileSync('mkfifo', [join(root, 'fifo.yaml')]);
  // Hostile files generated here: binary, deeply nested, a YAML alias bomb, oversized.
  writeFileSync(join(root, 'binary.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(root, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  writeFileSync(join(root, 'bomb.yaml'), ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n'));
  writeFileSync(join(root, 'big.yaml'), `description: "${'chat for users '.repeat(400_000)}"\n`);
  mkdirSync(join(root, 'empty-dir'));
  before = { root: snapshot(root), outside: snapshot(outside) };
  client = await connect({ cwd: root });
});
afterAll(async () => {
  await client?.close();
});

const hostilePath = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '/etc/passwd', '/etc/shadow', '/dev/zero', '/dev/urandom', '/proc/self/environ', '..', '../outside/secret.yaml', 'escape/secret.yaml', 'secret-link.yaml',
  'zero.yaml', 'fifo.yaml', 'binary.yaml', 'deep.json', 'bomb.yaml', 'big.yaml', 'empty-dir', 'missing.yaml', 'brief.yaml', 'openapi.yaml', '.', '~', `${'a'.repeat(300)}/${'b'.repeat(300)}.yaml`, 'brief.yaml/x',
);
const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
const hostileValue = fc.oneof(
  hostilePath,
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('x'.repeat(70_000), 'chat for 2M users '.repeat(3000), '10', 'ten', 'true', '1e308', '-5', 'NaN', '%s%n%x', 'a\nb\tc'),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostilePath, { maxLength: 4 }),
  fc.constant(deep(3000)),
  fc.anything({ maxDepth: 3 }),
);

/** A value of the argument's own type, sensible or hostile, so that calls get past validation to the paths and the library. */
type Prop = { type?: string; enum?: string[]; items?: { type?: string } };

function typed(k: string, schema: Prop | undefined, run: number): fc.Arbitrary<unknown> {
  if (schema?.enum) return fc.constantFrom(...schema.enum, 'high');
  if (k === 'url') return fc.constantFrom('not a url', 'postgres://postgres@127.0.0.1:1/x', 'postgresql://postgres:pw@127.0.0.1:5432/postgres', 'mysql://x', 'postgres://%zz@127.0.0.1/x');
  // Design folders go to out-N; the rest must all be refused ('.' and empty folders are fine to write, so not here).
  if (k === 'out') return fc.oneof(fc.constant(`out-${run}`), fc.constant(`out-${run}/nested`), fc.constantFrom('', '\u0000', '/etc/x', '../outside/x', 'escape/x', 'zero.yaml', 'fifo.yaml', 'binary.yaml', 'brief.yaml/x', '/dev/zero', `${'a'.repeat(300)}/x`));
  if (k === 'query') return fc.constantFrom('SELECT 1', 'SELEC', 'DROP TABLE x', 'SELECT pg_sleep(600)', 'SELECT 1; SELECT 2');
  if (k === 'brief') return fc.oneof(hostilePath, fc.constantFrom('chat for 2M daily users', 'a system for mass surveillance of citizens', 'chat for -5 users', 'url shortener for 1e308 users', 'x'.repeat(65_536)), fc.string({ minLength: 1 }));
  if (k === 'factor') return fc.oneof(fc.constantFrom(1, 2, 3, 100, 10_000, 0, -1, 1e9, 0.5), fc.double({ noNaN: true }));
  switch (schema?.type) {
    case 'string':
      return fc.oneof(hostilePath, fc.string({ minLength: 1 }));
    case 'number':
    case 'integer':
      return fc.oneof({ arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 4 }, { arbitrary: fc.constantFrom(0, -10, 1e308, 0.5), weight: 1 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return schema.items?.type === 'string' ? fc.array(hostilePath, { minLength: 1, maxLength: 3 }) : fc.array(hostileValue, { maxLength: 3 });
    default:
      return fc.oneof(hostilePath, fc.integer(), fc.boolean());
  }
}

/** A tool's arguments: most of the right type (sensible or hostile), a few of any shape, sometimes an unknown one. */
function argsFor(props: Record<string, Prop>, run: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(props).filter((k) => k !== 'cursor');
  const value = (k: string) => fc.oneof({ arbitrary: typed(k, props[k], run), weight: 8 }, { arbitrary: hostileValue, weight: 1 });
  const own = fc.record(Object.fromEntries(keys.map((k) => [k, value(k)])), { requiredKeys: [] });
  return fc
    .tuple(own, fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.constantFrom('bogus', 'Brief', 'path'), weight: 1 }))
    .map(([a, extra]) => (extra ? { ...a, [extra]: 1 } : a));
}

describe('every MCP tool on hostile arguments', () => {
  it('answers each call with a tool result, in bounded time, touching nothing it should not', { timeout: 600_000 }, async () => {
    const { tools } = await client.listTools();
    let run = 0;
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tools.map((t) => t.name)).chain((name) => {
          const props = (tools.find((t) => t.name === name)!.inputSchema.properties ?? {}) as Record<string, Prop>;
          return argsFor(props, run).map((args) => ({ name, args }));
        }),
        async ({ name, args }) => {
          run++;
          calls++;
          const r = await Promise.race([
            client.callTool({ name, arguments: args }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} did not answer in ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS)),
          ]);
          const t = text(r);
          expect(t, JSON.stringify(args).slice(0, 300)).not.toMatch(/internal error|Maximum call stack|\n\s+at .+:\d+:\d+\)?$/m);
          expect(t).not.toContain(SECRET);
          expect(t).not.toMatch(/root:x:0:0/);
          expect(tokens(r)).toBeLessThanOrEqual(10_000);
          if (!r.isError) expect(r.structuredContent).toBeDefined();
        },
      ),
      { numRuns: 300, seed: 1316, endOnFailure: true },
    );
    expect(calls).toBeGreaterThanOrEqual(300);
    // Still serving.
    expect((await client.listTools()).tools).toHaveLength(7);
    // Nothing outside the allowed folder written, nothing inside changed but the design folders asked for.
    expect(readdirSync(base).sort()).toEqual(['outside', 'root']);
    expect(snapshot(outside)).toEqual(before.outside);
    expect(snapshot(root, isOut)).toEqual(before.root);
    expect(readdirSync(root).filter((n) => n.startsWith('.') || /archie-(tmp|staging|old)/.test(n))).toEqual([]);
  });
});
