import { describe, expect, it } from 'vitest';
import { checkEntry, loadCorpus } from './corpus/check.js';

/**
 * Every brief of the corpus through the reader, against the model worked out by hand. An entry
 * the reader gets wrong today carries `gap:`; for it the test asserts that it still fails, so a
 * fix to the reader shows up as "this gap is fixed" and the line is removed.
 */

const corpus = loadCorpus();
const label = (brief: string) => JSON.stringify(brief.length > 90 ? `${brief.slice(0, 87)}...` : brief).replace(/\\n/g, ' / ');

describe('the brief corpus', () => {
  it('holds at least 300 briefs, 40 of them without a single digit and accepted, and the issue\'s own examples', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    // Briefs with no digit at all ("Design Twitter"): each must be accepted, and say so.
    const accepted = corpus.filter((e) => !/\d/.test(e.brief) && e.expect.refused === false);
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    const briefs = new Set(corpus.map((e) => e.brief));
    for (const b of ['Design a URL shortener', 'URL shortener, 100M new links a month, 10:1 reads', 'Design Twitter', 'Design Uber', 'Design a unique ID generator', '150M daily users, each posting 0.5 tweets a day', '1 billion daily users each clicking one ad a day']) {
      expect(briefs.has(b), b).toBe(true);
    }
  });

  it('has each brief once', () => {
    const seen = new Set<string>();
    for (const e of corpus) {
      expect(seen.has(e.brief), `${label(e.brief)} appears twice`).toBe(false);
      seen.add(e.brief);
    }
  });

  for (const [i, entry] of corpus.entries()) {
    it(`#${i + 1} ${label(entry.brief)}`, () => {
      const failures = checkEntry(entry);
      if (entry.gap !== undefined) {
        if (failures.length === 0) throw new Error(`this gap is fixed: remove the gap line of ${label(entry.brief)} (gap: ${entry.gap})`);
        return;
      }
      if (failures.length > 0) throw new Error(`${label(entry.brief)}:\n  - ${failures.join('\n  - ')}`);
    });
  }
});
