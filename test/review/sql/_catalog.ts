import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainResult, Rule } from '../../../src/review/types.js';

/** The four sections every rule's docs page has, in this order. */
export const SECTIONS = ['## Why it matters', '## Failing example', '## Passing example', '## How to fix'];

/** The fenced code blocks of one section of a docs page. */
export function codeBlocks(doc: string, section: string, lang: string): string[] {
  const start = doc.indexOf(`${section}\n`);
  if (start < 0) return [];
  const rest = doc.slice(start + section.length);
  const end = rest.search(/\n## /);
  const body = end < 0 ? rest : rest.slice(0, end);
  const out: string[] = [];
  const fence = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  for (let m = fence.exec(body); m; m = fence.exec(body)) out.push(m[1] ?? '');
  return out;
}

/**
 * The catalog check of one domain, as ESLint does for its rules: every rule module is registered,
 * has the id of its file name, a docs page with the four sections and a table test; and the docs'
 * failing example is flagged by the rule while the passing example is not.
 */
export function testCatalog<I>(o: {
  domain: 'sql' | 'manifest';
  rules: Rule<I>[];
  lang: string;
  review: (files: { path: string; text: string }[], rules: Rule<I>[]) => Promise<DomainResult>;
  fileName: (index: number) => string;
}): void {
  const dir = `src/review/rules/${o.domain}`;
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => basename(f, '.ts'))
    .sort();

  describe(`${o.domain} rule catalog`, () => {
    it('registers every rule module once, under the id of its file name', () => {
      const ids = o.rules.map((r) => r.meta.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(modules.map((m) => `${o.domain}/${m}`));
      for (const r of o.rules) {
        expect(r.meta.domain).toBe(o.domain);
        expect(r.meta.docs).toBe(`docs/rules/${r.meta.id}.md`);
        expect(r.meta.summary.length).toBeGreaterThan(10);
      }
    });

    for (const rule of o.rules) {
      const name = rule.meta.id.slice(o.domain.length + 1);
      it(`${rule.meta.id} has its docs page and its table test`, () => {
        expect(existsSync(`test/review/rules/${o.domain}/${name}.test.ts`)).toBe(true);
        const doc = readFileSync(rule.meta.docs, 'utf8');
        expect(doc.startsWith(`# ${rule.meta.id}\n`)).toBe(true);
        const at = SECTIONS.map((s) => doc.indexOf(`\n${s}\n`));
        expect(at.every((i) => i > 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        expect(doc).toContain(`- Severity: ${rule.meta.severity}`);
      });

      it(`${rule.meta.id} docs: the failing example fails and the passing example passes`, async () => {
        const doc = readFileSync(rule.meta.docs, 'utf8');
        const failing = codeBlocks(doc, '## Failing example', o.lang);
        const passing = codeBlocks(doc, '## Passing example', o.lang);
        expect(failing.length).toBeGreaterThan(0);
        expect(passing.length).toBeGreaterThan(0);
        const asFiles = (blocks: string[]) => blocks.map((text, i) => ({ path: o.fileName(i), text }));
        const bad = await o.review(asFiles(failing), [rule]);
        expect(bad.errors).toEqual([]);
        expect(bad.findings.length).toBeGreaterThan(0);
        const good = await o.review(asFiles(passing), [rule]);
        expect(good.errors).toEqual([]);
        expect(good.findings.map((f) => f.message)).toEqual([]);
      });
    }
  });
}
