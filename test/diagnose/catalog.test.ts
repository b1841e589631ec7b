/**
 * Every diagnose check (and every plan rule of --explain) has its module in the registry, a docs
 * page, and a table test; the docs index lists them all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/diagnose/index.js';

const PLAN_RULES = ['plan-seq-scan', 'plan-row-misestimate', 'plan-disk-spill', 'plan-nested-loop'];

describe('catalog', () => {
  it('ids are unique kebab-case and match their module file', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(`src/diagnose/checks/${c.id}.ts`)).toBe(true);
      expect(c.summary.length).toBeGreaterThan(20);
    }
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s has its docs page and its table test', (id, c) => {
    expect(c.docs).toBe(`docs/diagnose/${id}.md`);
    const doc = readFileSync(c.docs, 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toMatch(/## Fix/);
    expect(existsSync(`test/diagnose/checks/${id}.test.ts`)).toBe(true);
  });

  it.each(PLAN_RULES)('plan rule %s has its docs page', (id) => {
    expect(readFileSync(`docs/diagnose/${id}.md`, 'utf8').startsWith(`# ${id}\n`)).toBe(true);
  });

  it('the docs index links every check and plan rule', () => {
    const index = readFileSync('docs/diagnose/README.md', 'utf8');
    for (const id of [...CHECKS.map((c) => c.id), ...PLAN_RULES]) expect(index).toContain(`(${id}.md)`);
  });
});
