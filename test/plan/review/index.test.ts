import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { briefFromText, resolve } from '../../../src/brief/index.js';
import { isArchieError } from '../../../src/errors.js';
import { plan } from '../../../src/plan/index.js';
import { reviewDesign, reviewed, RULES } from '../../../src/plan/review/index.js';
import { planned, seeded } from './_fixtures.js';

describe('the review registry', () => {
  it('every rule has a unique id, a summary, and its table test beside this file', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.summary.length, r.id).toBeGreaterThan(20);
      expect(existsSync(`test/plan/review/${r.id}.test.ts`), `test/plan/review/${r.id}.test.ts`).toBe(true);
      expect(existsSync(`src/plan/review/rules/${r.id}.ts`), `src/plan/review/rules/${r.id}.ts`).toBe(true);
    }
  });

  it('a planned design records the rules it was checked against', async () => {
    const d = await planned('examples/chat.yaml');
    expect(d.review.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it('a design that still contradicts itself is refused with both places named', async () => {
    const d = seeded(await planned('examples/chat.yaml'), (x) => { x.dataStores.find((s) => s.id === 'opensearch')!.nodes = 3; });
    expect(() => reviewed(d)).toThrow(/contradicts itself in \d+ places?, so it is not written: store-sizing: .*dataStores\.opensearch\.nodes vs capacity\.figures\.search-nodes/);
    try {
      reviewed(d);
    } catch (e) {
      expect(isArchieError(e) && e.code).toBe('CONTRADICTION');
    }
  });
});

/** The briefs of a corpus file that archie accepts (refused and contradictory briefs are the reader's business). */
function accepted(texts: string[]): Array<ReturnType<typeof resolve>> {
  const out: Array<ReturnType<typeof resolve>> = [];
  for (const t of texts) {
    try {
      out.push(resolve(briefFromText(t)));
    } catch (e) {
      if (!isArchieError(e)) throw e;
    }
  }
  return out;
}

describe('the review over the corpora', () => {
  it('the brief reader\'s corpus (test/brief/corpus/briefs.yaml): every accepted brief plans a design with no contradiction', () => {
    const entries = YAML.parse(readFileSync('test/brief/corpus/briefs.yaml', 'utf8')) as Array<{ brief: string }>;
    const briefs = accepted(entries.map((e) => e.brief));
    expect(briefs.length).toBeGreaterThan(400);
    const failures: string[] = [];
    for (const r of briefs) {
      try {
        const d = plan(r);
        expect(reviewDesign(d)).toEqual([]);
      } catch (e) {
        failures.push(`${r.requirements.briefText.slice(0, 60)}: ${(e as Error).message.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  const DEV = '/work/shared/corpus/briefs/dev-cases.yaml';
  it.skipIf(!existsSync(DEV))('the development cases (shared corpus): every brief plans a design with no contradiction', () => {
    const doc = YAML.parse(readFileSync(DEV, 'utf8')) as { cases: Array<{ id: string; brief: string }> };
    const briefs = accepted(doc.cases.map((c) => c.brief));
    expect(briefs.length).toBe(doc.cases.length);
    for (const r of briefs) expect(reviewDesign(plan(r))).toEqual([]);
  }, 60_000);
});
