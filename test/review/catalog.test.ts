import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/review/registry.js';

/**
 * Every registered rule of every domain has its three files, named by its id (ESLint style): the
 * module `src/review/rules/<id>.ts`, the docs page `docs/rules/<id>.md` with the four sections, and
 * the table test `test/review/rules/<id>.test.ts`.
 */
const SECTIONS = ['## Why it matters', '## Failing example', '## Passing example', '## How to fix'];

describe('review rule catalog', () => {
  const rules = allRules();

  it('has OpenAPI, SQL, manifest and core rules with unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.filter((r) => r.domain === 'openapi' && !r.id.startsWith('openapi/diff-')).length).toBeGreaterThanOrEqual(30);
    for (const domain of ['sql', 'manifest', 'core']) expect(rules.some((r) => r.domain === domain)).toBe(true);
  });

  for (const r of rules) {
    describe(r.id, () => {
      it('id is <domain>/<kebab-name> and matches its module path', () => {
        expect(r.id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(r.id.split('/')[0]).toBe(r.domain);
        expect(existsSync(`src/review/rules/${r.id}.ts`)).toBe(true);
        expect(r.docs).toBe(`docs/rules/${r.id}.md`);
      });
      it('has a docs page with why, failing and passing examples, and how to fix', () => {
        expect(existsSync(r.docs)).toBe(true);
        const text = readFileSync(r.docs, 'utf8');
        for (const s of SECTIONS) expect(text, `${r.docs} lacks "${s}"`).toContain(s);
      });
      it('has a sibling table test', () => {
        expect(existsSync(`test/review/rules/${r.id}.test.ts`)).toBe(true);
      });
      it('has a one-line summary', () => {
        expect(r.summary.length).toBeGreaterThan(10);
        expect(r.summary).not.toContain('\n');
      });
    });
  }
});
