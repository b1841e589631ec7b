import { describe, expect, it } from 'vitest';
import { reviewManifests } from '../../../src/review/manifest/index.js';
import type { ManifestReview } from '../../../src/review/manifest/model.js';
import type { Rule } from '../../../src/review/types.js';

/**
 * A table of passing and failing cases for one manifest rule (ESLint RuleTester style). A case is
 * one YAML file (`code`, reviewed as `manifests/case.yaml`) or several (`files`), reviewed as one
 * set. Expected errors give line and column (and the file when there are several); findings must
 * match exactly, in order, with the rule's id and severity.
 */
export interface ManifestCase {
  name?: string;
  code?: string;
  files?: { path: string; text: string }[];
  errors?: { line: number; column: number; file?: string; message?: string }[];
}

export const CASE_PATH = 'manifests/case.yaml';

function filesOf(c: ManifestCase | string): { path: string; text: string }[] {
  if (typeof c === 'string') return [{ path: CASE_PATH, text: c }];
  return c.files ?? [{ path: CASE_PATH, text: c.code ?? '' }];
}

function title(c: ManifestCase | string): string {
  if (typeof c !== 'string' && c.name) return c.name;
  return filesOf(c).map((f) => f.text).join(' | ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

export function testManifestRule(rule: Rule<ManifestReview>, cases: { valid: (ManifestCase | string)[]; invalid: ManifestCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${title(c)}`, async () => {
        const result = await reviewManifests(filesOf(c), [rule]);
        expect(result.errors).toEqual([]);
        expect(result.findings.map((f) => `${f.location.kind === 'file' ? `${f.location.line}:${f.location.column}` : ''} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${title(c)}`, async () => {
        const files = filesOf(c);
        const result = await reviewManifests(files, [rule]);
        expect(result.errors).toEqual([]);
        const expected = c.errors ?? [];
        expect(expected.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
        const actual = result.findings.map((f) => {
          expect(f.ruleId).toBe(rule.meta.id);
          expect(f.severity).toBe(rule.meta.severity);
          const loc = f.location;
          if (loc.kind !== 'file') throw new Error('manifest findings carry file locations');
          return { file: loc.file, line: loc.line, column: loc.column, message: f.message };
        });
        expect(actual.map(({ file, line, column }) => ({ file, line, column }))).toEqual(
          expected.map((e) => ({ file: e.file ?? files[0]?.path ?? CASE_PATH, line: e.line, column: e.column })),
        );
        expected.forEach((e, i) => {
          if (e.message) expect(actual[i]?.message).toContain(e.message);
        });
      });
    }
  });
}
