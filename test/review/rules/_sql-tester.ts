import { describe, expect, it } from 'vitest';
import { reviewSql } from '../../../src/review/sql/index.js';
import type { SqlReview, SqlReviewOptions } from '../../../src/review/sql/model.js';
import type { Rule } from '../../../src/review/types.js';

/**
 * A table of passing and failing cases for one SQL rule, the way ESLint's RuleTester works.
 * A case is one migration file (`code`, reviewed as `migrations/0002_case.sql`) or several files
 * in history order (`files`). Each expected error gives the line and column (and the file when
 * there are several); the findings must match exactly, in order, with the rule's id and severity.
 */
export interface SqlCase {
  name?: string;
  code?: string;
  files?: { path: string; text: string }[];
  /** How the migrations run (PostgreSQL version, transaction wrapping). */
  options?: SqlReviewOptions;
  errors?: SqlExpected[];
}

export interface SqlExpected {
  line: number;
  column: number;
  file?: string;
  /** A fragment the message must contain. */
  message?: string;
}

export const CASE_PATH = 'migrations/0002_case.sql';

function filesOf(c: SqlCase | string): { path: string; text: string }[] {
  if (typeof c === 'string') return [{ path: CASE_PATH, text: c }];
  if (c.files) return c.files;
  return [{ path: CASE_PATH, text: c.code ?? '' }];
}

function title(c: SqlCase | string): string {
  if (typeof c !== 'string' && c.name) return c.name;
  const text = filesOf(c).map((f) => f.text).join(' | ');
  return text.replace(/\s+/g, ' ').trim().slice(0, 100);
}

export function testSqlRule(rule: Rule<SqlReview>, cases: { valid: (SqlCase | string)[]; invalid: SqlCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${title(c)}`, async () => {
        const result = await reviewSql(filesOf(c), [rule], typeof c === 'string' ? {} : (c.options ?? {}));
        expect(result.errors).toEqual([]);
        expect(result.findings.map((f) => `${f.location.kind === 'file' ? `${f.location.line}:${f.location.column}` : ''} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${title(c)}`, async () => {
        const files = filesOf(c);
        const result = await reviewSql(files, [rule], c.options ?? {});
        expect(result.errors).toEqual([]);
        const expected = c.errors ?? [];
        expect(expected.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
        const actual = result.findings.map((f) => {
          expect(f.ruleId).toBe(rule.meta.id);
          expect(f.severity).toBe(rule.meta.severity);
          const loc = f.location;
          if (loc.kind !== 'file') throw new Error('SQL findings carry file locations');
          return { file: loc.file, line: loc.line, column: loc.column, message: f.message };
        });
        expect(actual.map(({ file, line, column }) => ({ file, line, column }))).toEqual(
          expected.map((e) => ({ file: e.file ?? files[files.length - 1]?.path ?? CASE_PATH, line: e.line, column: e.column })),
        );
        expected.forEach((e, i) => {
          if (e.message) expect(actual[i]?.message).toContain(e.message);
        });
      });
    }
  });
}
