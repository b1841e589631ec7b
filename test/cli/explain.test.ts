import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/design.js';
import type { Explanation } from '../../src/render/explain.js';
import { archie } from './_run.js';

/**
 * `archie design … --explain` prints what archie understood of the brief instead of the design:
 * actors, operations with their rates and formulas, stated facts with their words, assumptions with
 * their overrides, the kind of system and the words that matched, and the clauses not used.
 * `--explain --json` is the same as data. Checked on briefs from issue 9.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The lines of a section of the text output, joined with single spaces (wrapped cells read on). */
function section(text: string, heading: RegExp): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => heading.test(l));
  expect(from, `no section ${heading}`).toBeGreaterThanOrEqual(0);
  const to = lines.findIndex((l, i) => i > from && /^\S/.test(l));
  return lines.slice(from + 1, to < 0 ? undefined : to).join('\n');
}
const flat = (s: string) => s.replace(/\s+/g, ' ');

interface Case {
  brief: string;
  archetype: string;
  matched: string;
  actor: [string, number, string] | null;
  /** Operation name, average per second (±0.1), its rate as printed, its formula, words its quote holds. */
  op: [string, number, string, string, string];
}

const CASES: Case[] = [
  {
    brief: '150M daily users, each posting 0.5 tweets a day',
    archetype: 'social-feed',
    matched: 'tweet',
    actor: ['user', 150e6, '150M daily users'],
    op: ['post tweet', 868.06, '868/s', '150M daily users × 0.5 per day ÷ 86,400 s', 'posting 0.5 tweets a day'],
  },
  {
    brief: '20k couriers online, location every 5 seconds',
    archetype: 'ride-hailing',
    matched: 'courier',
    actor: ['courier', 20_000, '20k couriers'],
    op: ['location update', 4000, '4,000/s', 'one every 5 s', 'location every 5 seconds'],
  },
  {
    brief: 'URL shortener, 100M new links a month, 10:1 reads',
    archetype: 'url-shortener',
    matched: 'url shortener',
    actor: null,
    op: ['link', 38.58, '38.6/s', '100M per month ÷ 2,592,000 s', '100M new links a month'],
  },
];

describe('archie design --explain', () => {
  it.each(CASES)('$brief: what was read, with the words it came from', (c) => {
    const r = archie(['-q', 'design', c.brief, '--explain']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout;
    expect(text).not.toContain('# Backend Architecture');
    for (const l of text.split('\n')) expect([...l].length, l).toBeLessThanOrEqual(100);
    expect(text).not.toMatch(/[ \t]+$/m);

    const j = archie(['-q', 'design', c.brief, '--explain', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const e = JSON.parse(j.stdout) as Explanation;
    expect(Object.keys(e)).toEqual(['title', 'brief', 'archetype', 'workload', 'stated', 'assumptions', 'openQuestions']);
    // The same model the design is planned from.
    const d = JSON.parse(archie(['-q', 'design', c.brief, '--json']).stdout) as Design;
    expect(e.workload).toEqual(d.requirements.workload);
    expect(e.archetype).toEqual(d.requirements.archetype);
    expect(e.assumptions).toEqual(d.assumptions);
    expect(e.openQuestions).toEqual(d.openQuestions);

    // Kind of system, and the words that matched.
    expect(e.archetype.id).toBe(c.archetype);
    expect(e.archetype.matched).toContain(c.matched);
    expect(flat(section(text, /^Kind of system$/))).toContain(`recognised by the words "${c.matched}"`);

    // Actors with their count and words.
    const actors = flat(section(text, /^Actors$/));
    if (c.actor) {
      const [name, count, quote] = c.actor;
      const a = e.workload.actors.find((x) => x.name === name);
      expect(a?.count).toBe(count);
      expect(actors).toContain(name);
      expect(actors).toContain(`from "${quote}"`);
    } else {
      expect(actors).toMatch(/no population named/);
    }

    // The operation, with its average and peak rate, its formula and its words.
    const [name, avg, printed, formula, quote] = c.op;
    const o = e.workload.operations.find((x) => x.name === name);
    expect(o, JSON.stringify(e.workload.operations.map((x) => x.name))).toBeDefined();
    expect(o!.averagePerSecond).toBeCloseTo(avg, 1);
    expect(o!.peakPerSecond).toBeGreaterThan(o!.averagePerSecond);
    const ops = section(text, /^Operations$/);
    const row = ops.split('\n').find((l) => l.trimStart().startsWith(`${name} `));
    expect(row, ops).toMatch(new RegExp(`${printed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} +[\\d,.]+/s`));
    expect(flat(ops)).toContain(formula);
    expect(o!.provenance.kind).toBe('stated');
    const words = o!.provenance.kind === 'stated' ? o!.provenance.quote : '';
    expect(words).toContain(quote);
    expect(flat(ops)).toContain(`from "${words}"`);
    expect(flat(ops)).toMatch(/peak = average × \d/);

    // Each assumption with how to override it; open questions; what was not used.
    expect(e.assumptions.length).toBeGreaterThan(0);
    const assumed = section(text, /^Assumptions/);
    expect(assumed.match(/override: /g)?.length).toBe(e.assumptions.length);
    for (const a of e.assumptions) expect(flat(assumed)).toContain(a.label.split(' ')[0]!);
    for (const q of e.openQuestions) expect(flat(section(text, /^Open questions$/))).toContain(q.question);
    const unread = flat(section(text, /^Not used/));
    if (e.workload.unread.length === 0) expect(unread).toMatch(/none: every clause with a number was used/);
    for (const u of e.workload.unread) expect(unread).toContain(`"${u}"`);
  });

  it('lists each stated fact with its words, and the clauses no reader used', () => {
    const brief = 'Team chat for 2M daily users, p99 under 80 ms, 99.95% uptime, team of 6, GDPR. The office has 17 pot plants per floor.';
    const j = archie(['-q', 'design', brief, '--explain', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const e = JSON.parse(j.stdout) as Explanation;
    const byField = new Map(e.stated.map((f) => [f.field, f]));
    expect(byField.get('scale.dau')).toMatchObject({ value: 2e6, unit: 'users', text: '2M users' });
    expect(byField.get('latency.p99Ms')).toMatchObject({ value: 80, text: '80 ms' });
    expect(byField.get('availability')).toMatchObject({ value: 0.9995, text: '99.95%' });
    expect(byField.get('team.size')).toMatchObject({ value: 6 });
    expect(e.stated.find((f) => f.field.startsWith('regulations.'))).toMatchObject({ value: 'GDPR', quote: 'GDPR' });
    for (const f of e.stated) expect(brief.toLowerCase()).toContain(f.quote.toLowerCase());
    // Nothing that was assumed is called stated.
    for (const a of e.assumptions) expect(byField.has(a.field)).toBe(false);

    const text = archie(['-q', 'design', brief, '--explain']).stdout;
    const stated = section(text, /^Stated facts$/);
    for (const f of e.stated) {
      const row = stated.split('\n').find((l) => l.trimStart().startsWith(f.label));
      expect(row, f.field).toBeDefined();
      expect(flat(stated)).toContain(`"${f.quote}"`);
    }
    // The pot plants are no part of the workload: the reader says it did not use them.
    expect(e.workload.unread.some((u) => u.includes('17 pot plants'))).toBe(true);
    expect(flat(section(text, /^Not used/))).toContain('17 pot plants');
  });

  it('writes nothing and keeps the other outputs apart', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'archie-explain-'));
    dirs.push(cwd);
    const cases: Array<[string[], RegExp]> = [
      [['--explain', '--out', 'o'], /--explain .* does not take --out/],
      [['--explain', '--format', 'md'], /no Markdown form/],
    ];
    for (const [flags, message] of cases) {
      const r = archie(['design', 'chat for 2M daily users', ...flags], { cwd });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const f = archie(['-q', 'design', 'chat for 2M daily users', '--explain', '--format', 'json'], { cwd });
    expect(f.code).toBe(0);
    expect(JSON.parse(f.stdout).workload).toBeDefined();
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('fails on a bad brief as the design does', () => {
    const r = archie(['design', 'asdf qwer zxcv', '--explain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not describe a system/);
    expect(r.stdout).toBe('');
  });
});
