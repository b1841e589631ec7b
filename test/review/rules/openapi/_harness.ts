import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/model/finding.js';
import { buildDiff, type DiffInput } from '../../../../src/review/diff/model.js';
import { loadOpenApi } from '../../../../src/review/openapi/index.js';
import type { OpenApiInput } from '../../../../src/review/openapi/model.js';
import { Workspace } from '../../../../src/review/openapi/workspace.js';
import type { Rule } from '../../../../src/review/types.js';

/**
 * Table tests for OpenAPI rules, ESLint style: `valid` documents produce no finding of the rule,
 * `invalid` ones produce exactly the listed findings (rule id, line, column, and optionally a
 * message fragment). Documents are YAML text; `files` adds sibling files for `$ref`s.
 */
export interface Expected {
  line: number;
  column: number;
  file?: string;
  message?: string | RegExp;
}

export interface Case {
  name?: string;
  spec: string;
  files?: Record<string, string>;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

function withDir<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'archie-rule-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(dir: string, name: string, text: string): OpenApiInput {
  const ws = new Workspace({ roots: [dir], cwd: dir, maxBytes: 32 * 1024 * 1024 });
  return loadOpenApi(ws, join(dir, name), text);
}

/** Run a rule over one document (and its sibling files); returns its findings. */
export function runRule(rule: Rule<OpenApiInput>, c: Case): Finding[] {
  return withDir({ ...c.files, 'openapi.yaml': c.spec }, (dir) => rule.check(load(dir, 'openapi.yaml', c.spec)));
}

function check(findings: Finding[], ruleId: string, errors: Expected[], defaultFile: string): void {
  const got = findings.map((f) => {
    expect(f.ruleId).toBe(ruleId);
    const l = f.location;
    return l.kind === 'file' ? { file: l.file, line: l.line, column: l.column, message: f.message } : { file: '', line: 0, column: 0, message: f.message };
  });
  expect(got.map(({ file, line, column }) => ({ file, line, column }))).toEqual(errors.map((e) => ({ file: e.file ?? defaultFile, line: e.line, column: e.column })));
  errors.forEach((e, i) => {
    if (e.message !== undefined) expect(got[i]!.message).toMatch(e.message);
  });
}

export function ruleTable(rule: Rule<OpenApiInput>, cases: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { spec: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(runRule(rule, c).map((f) => `${f.location.kind === 'file' ? f.location.line : ''}: ${f.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        check(runRule(rule, c), rule.meta.id, c.errors, 'openapi.yaml');
      });
    });
  });
}

export interface DiffCase {
  name?: string;
  base: string;
  head: string;
}

/** Table tests for breaking-change rules: findings are located in head.yaml, related to base.yaml. */
export function diffTable(rule: Rule<DiffInput>, cases: { valid: DiffCase[]; invalid: (DiffCase & { errors: (Expected & { related?: { line: number; column: number } })[] })[] }): void {
  const run = (c: DiffCase): Finding[] =>
    withDir({ 'base.yaml': c.base, 'head.yaml': c.head }, (dir) => {
      const ws = new Workspace({ roots: [dir], cwd: dir, maxBytes: 32 * 1024 * 1024 });
      return rule.check(buildDiff(loadOpenApi(ws, join(dir, 'base.yaml'), c.base), loadOpenApi(ws, join(dir, 'head.yaml'), c.head)));
    });
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(run(c).map((f) => f.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const findings = run(c);
        check(findings, rule.meta.id, c.errors, 'head.yaml');
        c.errors.forEach((e, j) => {
          if (!e.related) return;
          const r = findings[j]!.related?.[0];
          expect(r && r.kind === 'file' ? { file: r.file, line: r.line, column: r.column } : undefined).toEqual({ file: 'base.yaml', ...e.related });
        });
      });
    });
  });
}
