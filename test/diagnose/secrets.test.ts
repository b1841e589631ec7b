/**
 * The password never reaches any output, whatever characters it holds and however the URL is
 * written: percent-encoded, left raw (with `/`, `?`, `#`, `@`, `:` ... unencoded), or in the query
 * string. Checked on parseTarget's messages, on real runs against the local server (trust
 * authentication ignores the password, so it rides along) in text, Markdown and JSON, on connection
 * errors, and on the CLI's progress line, result and --json error.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { diagnose, explain, formatJson, formatMarkdown, formatText, printableTarget, redactorFor, type DiagnoseReport } from '../../src/diagnose/index.js';
import { parseTarget } from '../../src/diagnose/_url.js';
import { createScratch, PG_HOST, PG_PORT, PG_USER, type Scratch } from './_db.js';

// Three tokens that appear nowhere else, joined by the character under test.
const TOKENS = ['Xq7v', 'Zk9w', 'Wm4u'];
const leaks = (text: string): string[] => TOKENS.filter((t) => text.includes(t));
const SPECIALS = [...` !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`];
const password = (c: string): string => `${TOKENS[0]}${c}${TOKENS[1]}${c}${c}${TOKENS[2]}`;

/** The URL forms a user may write for one password. */
function forms(pw: string, host: string, port: number, db: string): string[] {
  return [
    `postgres://${PG_USER}:${pw}@${host}:${port}/${db}`,
    `postgresql://${PG_USER}:${encodeURIComponent(pw)}@${host}:${port}/${db}?sslmode=disable`,
    `postgres://${PG_USER}@${host}:${port}/${db}?password=${pw}`,
    `postgres://${PG_USER}@${host}:${port}/${db}?sslmode=disable&password=${encodeURIComponent(pw)}`,
  ];
}

function describeError(e: unknown): string {
  return e instanceof ArchieError ? `${e.describe()}\n${JSON.stringify(e.toJSON())}` : String(e);
}

let db: Scratch;

beforeAll(async () => {
  db = await createScratch('secrets', { pgStatStatements: false });
  await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
});

afterAll(async () => {
  await db?.drop();
});

describe('parsing', () => {
  it.each(SPECIALS)('a password with %j: parsed exactly, or refused, and never echoed', (c) => {
    const pw = password(c);
    for (const url of forms(pw, 'db.example', 6432, 'shop')) {
      let out: string;
      try {
        const t = parseTarget(url, {});
        expect({ password: t.password, host: t.host, port: t.port, database: t.database }).toEqual({ password: pw, host: 'db.example', port: 6432, database: 'shop' });
        out = `${t.redacted} ${printableTarget(url)}`;
      } catch (e) {
        expect(e).toBeInstanceOf(ArchieError);
        expect((e as ArchieError).code).toBe('USAGE');
        // Only where the URL cannot say where the password ends: an unencoded & or # in the query string.
        expect(url).toContain(`?password=${pw}`);
        expect('&#').toContain(c);
        out = describeError(e);
      }
      expect(leaks(out)).toEqual([]);
    }
  });

  it('the issue\'s own example: unencoded @ and / (p@ss:w/rd) is not partly printed', () => {
    const url = `postgres://app:p@ss:w/rd${TOKENS[0]}@db.example:5432/shop`;
    const t = parseTarget(url, {});
    expect(t).toMatchObject({ user: 'app', password: `p@ss:w/rd${TOKENS[0]}`, host: 'db.example', database: 'shop', redacted: 'postgres://app:***@db.example:5432/shop' });
    expect(redactorFor(url)(`failed for ${url} and p@ss:w/rd${TOKENS[0]}`)).toBe('failed for postgres://app:***@db.example:5432/shop and ***');
  });
});

describe('real runs', () => {
  it('every character, raw in the user info and in the query string: the report in text, Markdown and JSON', async () => {
    const checked: string[] = [];
    // The raw forms are the hard ones; the encoded forms parse to the same target (see above).
    const urls = SPECIALS.flatMap((c) => forms(password(c), PG_HOST, PG_PORT, db.name).filter((_, i) => i % 2 === 0).map((url) => [c, url] as const));
    for (let i = 0; i < urls.length; i += 8) {
      await Promise.all(
        urls.slice(i, i + 8).map(async ([c, url]) => {
          const r: DiagnoseReport | Error = await diagnose(url, { checks: ['connections'] }).catch((e: unknown) => e as Error);
          const text = r instanceof Error ? describeError(r) : `${formatText(r)}${formatMarkdown(r)}${formatJson(r)}`;
          expect(leaks(text), `${JSON.stringify(c)} in ${url.replace(/:[^@]*@/, ':…@')}`).toEqual([]);
          checked.push(r instanceof Error ? 'refused' : 'ran');
        }),
      );
    }
    // Nearly every form connects; only the ambiguous query-string ones are refused.
    expect(checked.filter((x) => x === 'ran').length).toBe(SPECIALS.length * 2 - 2);
  });

  it('connection errors (refused port, unknown database) and explain errors', async () => {
    for (const c of ['/', '?', '#', '@', ':', '%', ' ']) {
      const pw = password(c);
      for (const url of [...forms(pw, '127.0.0.1', 1, db.name), ...forms(pw, PG_HOST, PG_PORT, 'archie_no_such_db')]) {
        const e = await diagnose(url, { checks: ['connections'] }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ArchieError);
        expect(leaks(describeError(e))).toEqual([]);
      }
      const bad = await explain(forms(pw, PG_HOST, PG_PORT, db.name)[0] as string, `SELECT * FROM no_such_table WHERE note = '${pw}'`).catch((x: unknown) => x);
      expect(bad).toBeInstanceOf(ArchieError);
      expect(leaks(describeError(bad))).toEqual([]);
    }
  });
});

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** The built CLI when it is newer than every source file (as under `npm test`), else the sources through tsx. */
const ENTRY = existsSync('dist/cli.js') && statSync('dist/cli.js').mtimeMs >= newest('src') ? ['dist/cli.js'] : ['--import', 'tsx', 'src/cli/main.ts'];

function archie(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the CLI', () => {
  it('progress line, report, --json error and usage error hold no part of a password with / ? # @ : unencoded', async () => {
    const pw = `${TOKENS[0]}/?#@:${TOKENS[1]}@/${TOKENS[2]}`;
    const runs = await Promise.all([
      archie(['diagnose', `postgres://${PG_USER}:${pw}@${PG_HOST}:${PG_PORT}/${db.name}`, '--checks', 'connections']),
      archie(['--json', 'diagnose', `postgres://${PG_USER}:${pw}@127.0.0.1:1/${db.name}`]),
      archie(['diagnose', `postgres://${PG_USER}:${pw}@${PG_HOST}:99999/${db.name}`]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 2, 2]);
    expect(runs[0]?.out).toContain(`diagnosing postgres://${PG_USER}:***@${PG_HOST}:${PG_PORT}/${db.name}`);
    for (const r of runs) expect(leaks(r.out)).toEqual([]);
  });
});
