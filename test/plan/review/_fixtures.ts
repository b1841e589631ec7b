import { describe, expect, it } from 'vitest';
import { design } from '../../../src/design.js';
import type { Design } from '../../../src/model/design.js';
import type { CoherenceRule, Contradiction } from '../../../src/plan/review/index.js';

/** Designs of the bundled examples (and briefs given as text), planned once per test file. */
const cache = new Map<string, Promise<Design>>();
export function planned(brief: string): Promise<Design> {
  let p = cache.get(brief);
  if (!p) {
    p = brief.startsWith('examples/') ? design(brief) : design(brief, { text: true });
    cache.set(brief, p);
  }
  return p;
}

/** A deep copy of a design with one place changed: how each table row seeds its contradiction. */
export function seeded(d: Design, edit: (x: Design) => void): Design {
  const copy = structuredClone(d);
  edit(copy);
  return copy;
}

export const HR_BRIEF = 'An HR tool for a 300-person company: employees request time off, managers approve, HR keeps employee records and documents. Budget $300/month.';

/** One row of a rule's table: the brief it starts from, what is seeded, and the places the rule must name. */
export interface Row {
  name: string;
  brief: string;
  seed: (d: Design) => void;
  /** Both places of the contradiction (a prefix of each is enough). */
  places: [string, string];
  /** Words the message must contain. */
  message: RegExp;
}

export function matching(found: Contradiction[], row: Row): Contradiction[] {
  return found.filter((c) => c.places[0].startsWith(row.places[0]) && c.places[1].startsWith(row.places[1]) && row.message.test(c.message));
}

/** The contradictions one rule finds in a design. */
export function check(rule: CoherenceRule, d: Design): Contradiction[] {
  return rule.check(d);
}

export const BRIEFS = ['examples/chat.yaml', 'examples/payments.yaml', 'examples/iot-telemetry.txt', 'examples/url-shortener.txt', 'examples/ecommerce.yaml', 'examples/saas-migration.txt', HR_BRIEF];


/**
 * The table test of a coherence rule, the way ESLint tests its rules: it finds nothing in any
 * example's design, and each seeded contradiction is caught with both its places named.
 */
export function ruleTable(rule: CoherenceRule, rows: Row[], valid: string[] = BRIEFS): void {
  describe(rule.id, () => {
    it.each(valid)('finds nothing in the design of %s', async (brief) => {
      expect(rule.check(await planned(brief))).toEqual([]);
    });
    it.each(rows.map((r) => [r.name, r] as const))('catches: %s', async (_name, row) => {
      const d = seeded(await planned(row.brief), row.seed);
      const found = rule.check(d);
      expect(matching(found, row), JSON.stringify(found, null, 2)).not.toHaveLength(0);
      for (const c of found) {
        expect(c.rule).toBe(rule.id);
        expect(c.fix.length).toBeGreaterThan(5);
      }
    });
  });
}
