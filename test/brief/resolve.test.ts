import { describe, expect, it } from 'vitest';
import { briefFromText, resolve } from '../../src/brief/index.js';
import { ArchieError } from '../../src/errors.js';

const run = (text: string) => resolve(briefFromText(text));

function errorOf(fn: () => unknown): ArchieError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArchieError) return e;
    throw e;
  }
  throw new Error('expected an ArchieError');
}

describe('resolve', () => {
  it('stated numbers win over archetype defaults and carry their quote', () => {
    const r = run('A chat app for 2M daily users with p99 < 150 ms and 99.95% uptime');
    expect(r.requirements.scale.dau.value).toBe(2e6);
    expect(r.requirements.scale.dau.provenance).toEqual({ kind: 'stated', quote: '2M daily users' });
    expect(r.requirements.latency.p99Ms.value).toBe(150);
    expect(r.requirements.availability.value).toBe(0.9995);
    expect(r.assumptions.map((a) => a.field)).not.toContain('availability');
  });

  it('lists every default it used as an assumption with a way to override it', () => {
    const r = run('A chat app for 2M daily users');
    const fields = r.assumptions.map((a) => a.field);
    expect(fields).toEqual(expect.arrayContaining(['scale.peakFactor', 'scale.readWriteRatio', 'availability', 'team.size', 'scale.retentionDays']));
    for (const a of r.assumptions) {
      expect(a.override).toMatch(/YAML|brief/);
      expect(a.value).not.toBe('');
    }
  });

  it('derives DAU from a stated rate and says how', () => {
    const r = run('An API for a chat product handling 1,200 requests per second');
    expect(r.requirements.scale.avgRps.value).toBe(1200);
    expect(r.requirements.scale.dau.provenance.kind).toBe('derived');
  });

  it('derives the peak factor from stated average and peak', () => {
    const r = run('chat service: 1,000 requests per second on average, peak of 6,000 req/s');
    expect(r.requirements.scale.peakFactor.value).toBeCloseTo(6, 6);
    expect(r.requirements.scale.peakFactor.provenance.kind).toBe('derived');
  });

  it('turns unknowns that matter into open questions', () => {
    const r = run('a chat app');
    const qs = r.openQuestions.map((q) => q.question).join(' ');
    expect(qs).toMatch(/daily active users/);
    expect(qs).toMatch(/engineers/);
    expect(qs).toMatch(/budget/);
  });

  it('falls back to the generic archetype with a warning', () => {
    const r = run('a backend for my app with 10k users');
    expect(r.archetype.id).toBe('generic');
    expect(r.warnings[0]).toMatch(/did not match any known kind of system/);
  });

  it('infers GDPR for personal data in the EU', () => {
    const r = run('a chat app for 100k daily users in the EU');
    expect(r.requirements.regulations.map((x) => x.value)).toContain('GDPR');
    expect(r.requirements.regulations[0]!.provenance.kind).toBe('derived');
  });

  it('keeps stated horizons', () => {
    expect(run('a chat app for 1M daily users, plan over 3 years').requirements.horizonsMonths).toEqual([36]);
  });

  it.each([
    ['10 daily users and 1M requests per second', 'CONTRADICTION', /cannot both hold/],
    ['chat with 1M daily users and 2M concurrent users', 'CONTRADICTION', /exceed daily users/],
    ['chat with 5M daily users and 1M monthly active users', 'CONTRADICTION', /fewer than daily users/],
    ['chat app, 100% uptime', 'CONTRADICTION', /100%/],
    ['chat app, p50 < 300 ms and p99 < 100 ms', 'CONTRADICTION', /out of order/],
    ['chat app for 20 billion daily users', 'INVALID', /beyond any real system/],
  ])('rejects %s', (text, code, message) => {
    const e = errorOf(() => run(text));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.hint).toBeTruthy();
  });

  it('refuses surveillance with its own code', () => {
    const e = errorOf(() => run('A platform to track all citizens via street cameras and facial recognition in public spaces'));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toMatch(/track all citizens/);
  });

  it.each([[''], ['   '], ['asdf qwer zxcv']])('rejects empty or nonsense text %j', (text) => {
    const e = errorOf(() => briefFromText(text));
    expect(e.code).toBe('INPUT');
  });

  it('rejects a huge brief', () => {
    const e = errorOf(() => briefFromText(`chat app. ${'word '.repeat(20_000)}`));
    expect(e.message).toMatch(/characters/);
  });

  it('rejects control characters (binary pasted as text)', () => {
    expect(errorOf(() => briefFromText('chat app \u0001\u0002 for users')).code).toBe('INPUT');
  });
});
