import { describe, expect, it } from 'vitest';
import { parseBriefFile } from '../../src/brief/file.js';
import { ArchieError } from '../../src/errors.js';

function errorOf(fn: () => unknown): ArchieError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArchieError) return e;
    throw e;
  }
  throw new Error('expected an ArchieError');
}

describe('parseBriefFile', () => {
  it('reads numbers written the way people write them', () => {
    const b = parseBriefFile(
      ['title: Chat', 'users:', '  daily: 2M', 'data:', '  recordSize: 1 KB', '  retention: 3 years', 'availability: 99.95%', 'budget: $2k/month', 'timeline: 3 months', 'traffic:', '  readWriteRatio: "10:1"'].join('\n'),
      'brief.yaml',
    );
    expect(b.dau?.value).toBe(2e6);
    expect(b.recordBytes?.value).toBe(1000);
    expect(b.retentionDays?.value).toBe(1095);
    expect(b.availability?.value).toBe(0.9995);
    expect(b.budgetUsdPerMonth?.value).toBe(2000);
    expect(b.timelineWeeks?.value).toBe(13);
    expect(b.readWriteRatio?.value).toBe(10);
    expect(b.dau?.quote).toBe('users.daily: 2M');
  });

  it('explicit fields override what the description says', () => {
    const b = parseBriefFile('description: chat for 1M daily users\nusers:\n  daily: 3M\n', 'b.yaml');
    expect(b.dau?.value).toBe(3e6);
  });

  it('names an unknown field, its line and the closest known one', () => {
    const e = errorOf(() => parseBriefFile('title: x\nusers:\n  dayly: 5\n', 'b.yaml'));
    expect(e.code).toBe('INVALID');
    expect(e.message).toBe('unknown field "users.dayly"');
    expect(e.line).toBe(3);
    expect(e.hint).toMatch(/users\.daily/);
  });

  it('names a field with a bad value and what it expects', () => {
    const e = errorOf(() => parseBriefFile('title: x\navailability: lots\n', 'b.yaml'));
    expect(e.message).toMatch(/availability/);
    expect(e.message).toMatch(/expected/);
    expect(e.line).toBe(2);
  });

  it('reports YAML syntax errors with a position', () => {
    const e = errorOf(() => parseBriefFile('title: [unclosed\n', 'b.yaml'));
    expect(e.code).toBe('INPUT');
    expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it('rejects a document that is not a mapping', () => {
    expect(errorOf(() => parseBriefFile('- a\n- b\n', 'b.yaml')).code).toBe('INVALID');
  });

  it('needs a title or description', () => {
    expect(errorOf(() => parseBriefFile('users:\n  daily: 5\n', 'b.yaml')).message).toMatch(/title|description/);
  });

  it('rejects negative and out-of-range numbers', () => {
    expect(errorOf(() => parseBriefFile('title: x\nusers:\n  daily: -5\n', 'b.yaml')).code).toBe('INVALID');
    expect(errorOf(() => parseBriefFile('title: x\nteam:\n  size: 0\n', 'b.yaml')).code).toBe('INVALID');
    expect(errorOf(() => parseBriefFile('title: x\ntraffic:\n  peakFactor: 0.5\n', 'b.yaml')).code).toBe('INVALID');
  });

  it('reads JSON briefs too', () => {
    const b = parseBriefFile('{"title": "Chat", "users": {"daily": 1000}}', 'b.json');
    expect(b.dau?.value).toBe(1000);
  });
});
