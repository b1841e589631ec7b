import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBrief } from '../../src/brief/index.js';
import { parseBriefFile } from '../../src/brief/file.js';
import { ArchieError } from '../../src/errors.js';

/**
 * Hostile brief files, made at test time: pipes and devices, nesting 10,000 levels deep, alias
 * bombs, custom tags, control characters, and JSON that is only JSON to a lenient reader. Each is
 * refused with an ArchieError naming the file (and line and column where there is one); the CLI
 * exits 2 with that message and no stack trace, and writes nothing.
 */
const CLI = resolve(import.meta.dirname, '../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'archie-hostile-brief-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DESCRIPTION = 'description: a chat app for 20k daily users\n';
const deepFlow = (n: number) => '['.repeat(n) + ']'.repeat(n);
const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');

/** [name, file name, content, message, line, column] */
const FILES: [string, string, string, RegExp, number | undefined, number | undefined][] = [
  ['a trailing comma in JSON', 'trailing.json', '{\n  "title": "chat",\n  "description": "a chat app for 20k daily users",\n}\n', /the brief is not valid JSON/, 4, 1],
  ['single quotes in JSON', 'single.json', "{\n  'title': 'chat'\n}\n", /the brief is not valid JSON/, 2, 3],
  ['a control character in JSON', 'control.json', '{"title": "chat\u0007", "description": "a chat app"}', /control character U\+0007/, 1, 16],
  ['a control character in YAML', 'control.yaml', `title: chat\u0008\n${DESCRIPTION}`, /control character U\+0008/, 1, 12],
  ['a !!js/function tag', 'tag.yaml', `title: !!js/function "function () { return process.exit(9) }"\n${DESCRIPTION}`, /custom tag \(!!js\/function\)/, 1, 8],
  ['a !!python/object tag', 'python.yaml', `${DESCRIPTION}requirements:\n  - !!python/object:os.system ls\n`, /custom tag \(!!python\/object:os\.system\)/, 3, 5],
  ['YAML nested 10,000 levels deep', 'deep.yaml', `${DESCRIPTION}requirements: ${deepFlow(10_000)}\n`, /the brief is nested 10,001 levels deep; archie reads up to 256/, 2, 270],
  ['JSON nested 10,000 levels deep', 'deep.json', `{"description": "chat", "x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, /the brief is nested 10,001 levels deep; archie reads up to 256/, 1, 1305],
  ['an alias bomb', 'bomb.yaml', `${DESCRIPTION}${BOMB}\n`, /more than 100 times, the pattern of a "billion laughs" attack/, undefined, undefined],
  ['an alias with no anchor', 'alias.yaml', `${DESCRIPTION}title: *name\n`, /uses the alias \*name with no anchor &name before it/, 2, 8],
  ['an alias inside its own anchor', 'cycle.yaml', `${DESCRIPTION}requirements: &r [a, *r]\n`, /alias \*r inside the value it names/, 2, 22],
];
for (const [, name, content] of FILES) writeFileSync(join(dir, name), content);

const fifo = join(dir, 'fifo.yaml');
execFileSync('mkfifo', [fifo]);
symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
symlinkSync('/dev/urandom', join(dir, 'urandom.json'));
const SPECIAL: [string, string, RegExp][] = [
  ['a FIFO', 'fifo.yaml', /brief .*fifo\.yaml is a named pipe \(FIFO\), not a regular file; archie reads regular files only/],
  ['a link to /dev/zero', 'zero.yaml', /brief .*zero\.yaml is a character device/],
  ['a link to /dev/urandom', 'urandom.json', /brief .*urandom\.json is a character device/],
];

async function refusal(path: string): Promise<ArchieError> {
  try {
    await readBrief(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ArchieError);
    return e as ArchieError;
  }
  throw new Error(`${path} was accepted as a brief`);
}

describe('hostile brief files (library)', () => {
  it.each(FILES)('%s is refused at its line and column', async (_what, name, _content, message, line, column) => {
    const e = await refusal(join(dir, name));
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(message);
    expect(e.path).toBe(join(dir, name));
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
  });

  it.each(SPECIAL)('%s is refused before it is read, without hanging', async (_what, name, message) => {
    const e = await refusal(join(dir, name));
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(message);
  });

  it('still reads the same brief written correctly, as YAML and as JSON', () => {
    expect(parseBriefFile("title: 'chat'\ndescription: \"a chat app\\tfor 20k daily users\"\n", 'b.yaml').title).toBe('chat');
    expect(parseBriefFile('{\n  "title": "chat",\n  "description": "a chat app for 20k daily users"\n}\n', 'b.json').title).toBe('chat');
  });
});

describe.runIf(existsSync(CLI))('hostile brief files (CLI)', () => {
  it.each([...FILES.map(([what, name, , message]) => [what, name, message] as const), ...SPECIAL])('archie design with %s exits 2 with the message, no stack trace, nothing written', (_what, name, message) => {
    const out = join(dir, `out-${name}`);
    const r = spawnSync(process.execPath, [CLI, 'design', join(dir, name), '--out', out], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Maximum call stack|internal error|RangeError|ReferenceError/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('archie-tmp') || f.includes('archie-old'))).toEqual([]);
  });
});
