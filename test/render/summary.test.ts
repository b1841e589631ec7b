import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { beforeAll, describe, expect, it } from 'vitest';
import { design } from '../../src/design.js';
import type { Design } from '../../src/model/design.js';
import { renderExplain } from '../../src/render/explain.js';
import { distinctSentences, firstSentence, grid, nines, rate, renderSummary, sentences, visibleWidth, wrap } from '../../src/render/summary.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(ya?ml|txt)$/.test(f)).sort();
const COLOR = pc.createColors(true);
const HEADINGS = ['Kind of system', 'Workload', 'Key decisions', 'Key figures (now → 1 year)', 'Availability and cost', 'Needs a human decision', 'Open questions', 'Full design'];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

describe('wrap', () => {
  it.each([
    ['', 10, ['']],
    ['short', 10, ['short']],
    ['one two three four', 9, ['one two', 'three', 'four']],
    ['one  two\tthree', 20, ['one two three']],
    ['first\nsecond line', 20, ['first', 'second line']],
    ['https://example.com/a/very/long/path', 10, ['https://ex', 'ample.com/', 'a/very/lon', 'g/path']],
    ['a bcdefghijkl m', 5, ['a', 'bcdef', 'ghijk', 'l m']],
    ['€ ü 日本', 3, ['€ ü', '日本']],
  ])('%j at %i columns', (text, width, lines) => {
    const out = wrap(text, width);
    expect(out).toEqual(lines);
    for (const l of out) expect(visibleWidth(l)).toBeLessThanOrEqual(width);
  });
});

describe('grid', () => {
  const rows = [
    ['Primary database', 'PostgreSQL', 'Peak writes of 1,667/s are 33.3% of one PostgreSQL primary and the rest of this sentence is long enough to wrap twice at this width.'],
    ['Authentication and authorization', 'OAuth 2.1', 'short'],
  ];

  it.each([40, 60, 80, 100])('fits %i columns, wrapping cells under their own column', (width) => {
    const lines = grid(rows, { width, caps: [18, 12] });
    for (const l of lines) expect(visibleWidth(l), l).toBeLessThanOrEqual(width);
    for (const l of lines) expect(l).not.toMatch(/\s$/);
    // Every word of every cell is there, in order within its column.
    const text = lines.join(' ');
    for (const w of rows.flat().join(' ').split(' ')) expect(text).toContain(w);
    // The third column starts at the same place on every line that has it.
    const starts = new Set(lines.map((l) => l.indexOf('Peak')).filter((i) => i > 0));
    expect(starts.size).toBe(1);
  });

  it('lines numbers up on the right', () => {
    const lines = grid([['a', '5/s'], ['b', '1,234/s']], { width: 40, right: [1] });
    expect(lines).toEqual(['  a      5/s', '  b  1,234/s']);
  });

  it('colours after wrapping: colour never moves a column or widens a line', () => {
    const plain = grid([[{ text: 'Title here' }, [{ text: 'chosen option with words', style: COLOR.bold }, { text: 'why it was chosen, wrapped over lines', style: COLOR.dim }]]], { width: 30 });
    const coloured = grid([[{ text: 'Title here', style: COLOR.yellow }, [{ text: 'chosen option with words', style: COLOR.bold }, { text: 'why it was chosen, wrapped over lines', style: COLOR.dim }]]], { width: 30 });
    expect(coloured.map((l) => l.replace(ANSI, ''))).toEqual(plain.map((l) => l.replace(ANSI, '')));
    expect(coloured.join('\n')).toContain('\u001b[');
    // Each coloured line closes its colour: nothing bleeds into the next line.
    // eslint-disable-next-line no-control-regex
    for (const l of coloured) expect((l.match(/\u001b\[(?:1|2|33)m/g) ?? []).length).toBe((l.match(/\u001b\[(?:22|39)m/g) ?? []).length);
  });
});

describe('formatting helpers', () => {
  it.each([
    ['Peak writes of 1,667/s are 33.3% of one primary. PostgreSQL covers the rest.', 'Peak writes of 1,667/s are 33.3% of one primary.'],
    ['Uses e.g. Redis for caching. Then more.', 'Uses e.g. Redis for caching.'],
    ['One sentence only', 'One sentence only'],
    ['Version 3.13 is used. 250k users.', 'Version 3.13 is used.'],
  ])('firstSentence(%j)', (text, first) => expect(firstSentence(text)).toBe(first));

  it.each([
    [0, '0/s'],
    [0.0003, '0.0003/s'],
    [38.58, '38.6/s'],
    [868.05, '868/s'],
    [130208.3, '130,208/s'],
  ])('rate(%f) = %s', (v, s) => expect(rate(v)).toBe(s));

  it.each([
    [0.99999974, '99.9999%'],
    [0.9995, '99.95%'],
    [0.999, '99.9%'],
    [1, '100%'],
  ])('nines(%f) = %s: never rounded up to 100%', (v, s) => expect(nines(v)).toBe(s));
});

describe('renderSummary', () => {
  const designs = new Map<string, Design>();
  beforeAll(async () => {
    for (const f of EXAMPLES) designs.set(f, await design(join(ROOT, 'examples', f)));
  });
  const folder = { dir: 'archie-design/x', files: ['ARCHITECTURE.md', 'design.json', 'report.html', 'adr/0001-a.md', 'adr/0002-b.md', 'deploy/k8s/api.yaml'] };

  it.each(EXAMPLES)('%s: the sections, in order, within 100 columns, with and without colour', (f) => {
    const d = designs.get(f)!;
    for (const style of [undefined, COLOR]) {
      const text = renderSummary(d, { style, folder });
      const plain = text.replace(ANSI, '');
      const lines = plain.split('\n');
      for (const l of text.split('\n')) expect(visibleWidth(l), l).toBeLessThanOrEqual(100);
      expect(plain).not.toMatch(/[ \t]+$/m);
      expect(lines.length).toBeLessThan(160);
      const at = HEADINGS.map((h) => lines.indexOf(h));
      expect(at.every((i) => i > 0), `${f}: ${JSON.stringify(at)}`).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(plain.startsWith(`${d.title.split(' ')[0]}`)).toBe(true);
    }
  });

  it.each(EXAMPLES)('%s: each key decision, figure and escalation comes from the design', (f) => {
    const d = designs.get(f)!;
    const text = renderSummary(d, { folder });
    const words = new Set(text.split(/\s+/));
    for (const x of d.decisions.filter((x) => x.significant)) for (const w of x.chosen.split(/\s+/)) expect(words.has(w) || text.includes(w), `${x.id}: ${w}`).toBe(true);
    for (const e of d.escalations) for (const w of e.topic.split(/\s+/)) expect(text, e.topic).toContain(w);
    for (const q of d.openQuestions) for (const w of q.question.split(/\s+/)) expect(text).toContain(w);
    const peak = d.capacity.figures.find((x) => x.id === 'peak-rps')!;
    expect(text).toMatch(new RegExp(`Peak requests/s +[\\d,.]+ req/s +→ +[\\d,.]+ req/s`));
    expect(peak.oneYear).toBeGreaterThan(0);
    for (const o of d.requirements.workload.operations.slice(0, 3)) expect(text).toContain(o.name);
  });

  it('lays out at a narrower width, and never wider than 100', () => {
    const d = designs.get('chat.yaml')!;
    for (const l of renderSummary(d, { width: 60, folder }).split('\n')) expect(visibleWidth(l), l).toBeLessThanOrEqual(60);
    for (const l of renderSummary(d, { width: 400, folder }).split('\n')) expect(visibleWidth(l), l).toBeLessThanOrEqual(100);
  });

  it('lists the folder: top files by name, subfolders with their count', () => {
    const text = renderSummary(designs.get('chat.yaml')!, { folder });
    expect(text).toContain('Written to archie-design/x/ (6 files):');
    expect(text).toContain('ARCHITECTURE.md, design.json, report.html, adr/ (2 files), deploy/ (1 file)');
    const missing = renderSummary(designs.get('chat.yaml')!, { folder: null });
    expect(missing).toMatch(/Not written: see the message below/);
    expect(missing).not.toContain('Written to');
  });

  it('is deterministic and decides nothing: the same design gives the same text', () => {
    const d = designs.get('payments.yaml')!;
    const copy = JSON.parse(JSON.stringify(d)) as Design;
    expect(renderSummary(copy, { folder })).toBe(renderSummary(d, { folder }));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(d));
  });
});

describe('renderExplain', () => {
  it.each(EXAMPLES)('%s: within 100 columns, no trailing spaces', async (f) => {
    const d = await design(join(ROOT, 'examples', f));
    for (const style of [undefined, COLOR]) {
      const text = renderExplain(d, { style });
      for (const l of text.split('\n')) expect(visibleWidth(l), l).toBeLessThanOrEqual(100);
      expect(text.replace(ANSI, '')).not.toMatch(/[ \t]+$/m);
    }
  });
});

describe('distinctSentences', () => {
  it('shows for each text its first sentence that the others do not share', () => {
    const shared = 'A long-lived technology bet: changing it later means a migration.';
    expect(
      distinctSentences([`${shared} Above 20,000 writes/s Cassandra wins.`, `${shared} A replay need favours Kafka.`, 'Legal must confirm scope. Then sign.', `${shared}`]),
    ).toEqual(['Above 20,000 writes/s Cassandra wins.', 'A replay need favours Kafka.', 'Legal must confirm scope.', shared]);
  });

  it.each([
    ['One. Two. Three.', ['One.', 'Two.', 'Three.']],
    ['Uses e.g. Redis. Then 3.5 GB.', ['Uses e.g. Redis.', 'Then 3.5 GB.']],
    ['no full stop', ['no full stop']],
  ])('sentences(%j)', (text, parts) => expect(sentences(text)).toEqual(parts));
});
