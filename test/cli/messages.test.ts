import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archie, ROOT } from './_run.js';

/**
 * Messages must not send the user somewhere that does not exist: every `archie <command> --flag`
 * that archie's errors, hints, help and docs suggest is a flag of that command (or a global one),
 * a mistake after a subcommand points to that command's help, and a path is named once.
 */

const COMMANDS = ['design', 'capacity', 'review', 'diagnose', 'scale', 'verify', 'migrate', 'mcp'] as const;

/** Long flags listed under "Options:" in `archie [command] --help`. */
function flagsInHelp(args: string[]): Set<string> {
  const r = archie([...args, '--help']);
  expect(r.code, r.stderr).toBe(0);
  const options = r.stdout.slice(r.stdout.indexOf('Options:'));
  return new Set([...options.matchAll(/^ {2}(?:-\w, )?(--[a-z][\w-]*)/gm)].map((m) => m[1]!));
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every `archie <command> … --flag` in a text, up to the end of the sentence, string or shell command. */
function suggestions(text: string): { command: string; flag: string }[] {
  const out: { command: string; flag: string }[] = [];
  for (const m of text.matchAll(new RegExp(`\\barchie (${COMMANDS.join('|')})\\b([^'"\`\\n;|&>)]*?)(?=\\\\n|archie |['"\`\\n;|&>)]|$)`, 'g'))) {
    for (const f of m[2]!.matchAll(/(?<![\w-])(--[a-z][\w-]*)/g)) out.push({ command: m[1]!, flag: f[1]! });
  }
  return out;
}

describe('suggested flags exist', () => {
  const global = flagsInHelp([]);
  const byCommand = new Map(COMMANDS.map((c) => [c, new Set([...flagsInHelp([c]), ...global])]));
  const sources = [...files(join(ROOT, 'src'), /\.ts$/), join(ROOT, 'README.md'), ...files(join(ROOT, 'docs'), /\.md$/)];
  const found = sources.flatMap((file) => suggestions(readFileSync(file, 'utf8')).map((s) => ({ ...s, file: relative(ROOT, file) })));

  it('the scan finds the suggestions it should (the old migrate hint among them)', () => {
    expect(suggestions("hint: 'archie migrate --openapi monolith.yaml, or archie migrate --brief examples/saas-migration.txt'")).toEqual([
      { command: 'migrate', flag: '--openapi' },
      { command: 'migrate', flag: '--brief' },
    ]);
    expect(suggestions('archie design x --out d && archie scale d --factor 10\\n  archie review . --format sarif > archie.sarif')).toEqual([
      { command: 'design', flag: '--out' },
      { command: 'scale', flag: '--factor' },
      { command: 'review', flag: '--format' },
    ]);
    expect(found.length).toBeGreaterThan(30);
  });

  it('every one names a flag of its command', () => {
    const unknown = found.filter((s) => !byCommand.get(s.command as (typeof COMMANDS)[number])!.has(s.flag));
    expect(unknown).toEqual([]);
  });
});

describe('errors after a subcommand point to its help', () => {
  it.each(COMMANDS.map((c) => [c]))('archie %s --no-such-flag', (command) => {
    // scale checks its required --factor before unknown options.
    const r = archie([command, ...(command === 'scale' ? ['--factor', '10'] : []), '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: unknown option '--no-such-flag'\n(run archie ${command} --help for usage)\n`);
  });

  it.each([['review'], ['verify']])('archie %s without its argument', (command) => {
    const r = archie([command]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: missing required argument '\\w+'\\n\\(run archie ${command} --help for usage\\)\\n$`));
  });

  it('an option without its value names the command too', () => {
    expect(archie(['design', '--out']).stderr).toBe("error: option '-o, --out <dir>' argument missing\n(run archie design --help for usage)\n");
  });

  it('an unknown command still points to archie --help', () => {
    const r = archie(['desing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'desing'\n(Did you mean design?)\n(run archie --help for usage)\n");
  });
});

describe('archie migrate', () => {
  it('with nothing to migrate: no progress line, and the hint works as written', () => {
    const r = archie(['migrate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: nothing to migrate: give the monolith's OpenAPI document or a brief\n  hint: archie migrate --openapi monolith.yaml, or archie migrate --brief examples/saas-migration.txt\n");
    const hinted = archie(['--json', 'migrate', '--brief', 'examples/saas-migration.txt']);
    expect(hinted.code, hinted.stderr).toBe(0);
    expect(hinted.stdout).toBe(archie(['--json', 'migrate', 'examples/saas-migration.txt']).stdout);
  });

  it('the brief once: argument or --brief, not both', () => {
    const r = archie(['migrate', 'examples/saas-migration.txt', '--brief', 'examples/saas-migration.txt']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: give the brief once/) });
  });
});

describe('a path is named once', () => {
  it.each([
    [['verify', '/nonexistent'], 'error: /nonexistent does not exist\n'],
    [['verify', 'README.md'], 'error: README.md is not a directory\n'],
    [['review', '/nonexistent'], 'error: /nonexistent: no such file or directory\n'],
  ])('archie %j', (args, first) => {
    const r = archie(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]! + '\n').toBe(first);
  });
});

describe('--json and --format md', () => {
  it.each([
    [['--json', 'migrate', 'examples/saas-migration.txt', '--format', 'md']],
    [['--json', 'scale', '--brief', 'examples/url-shortener.txt', '--factor', '10', '--format', 'md']],
  ])('contradict each other: archie %j', (args) => {
    const r = archie(args);
    expect(r.code).toBe(2);
    // With --json the error itself is JSON on stdout, and nothing else is.
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'USAGE', message: '--json and --format md contradict each other', hint: 'use one of them' } });
  });
});
