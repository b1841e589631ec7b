import { relative, sep } from 'node:path';
import { compareFindings, SEVERITIES, type Finding, type Severity } from '../model/finding.js';
import { MiB, readTextFile } from '../util/input.js';
import { globToRegExp, type ReviewConfig } from './config.js';
import { discover, type DiscoveredFile, type FileKind } from './discover.js';
import { toFileError } from './openapi/index.js';
import { parsePointer, type SourceDoc } from './openapi/source.js';
import { allRules } from './registry.js';
import { rules as coreRules } from './rules/core/index.js';
import { commentMarkerFor, isSuppressed, parseCommentSuppressions, readExtensionSuppressions, type FileSuppressions, type SuppressionProblem } from './suppress.js';
import type { DomainResult, FileError, RuleMeta } from './types.js';

export interface ReviewedFile {
  path: string;
  kind: FileKind;
}

export interface ReviewSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files that could not be reviewed. */
  fileErrors: number;
  suppressed: number;
}

/** Everything a review produced; formatters and the CLI read only this. */
export interface ReviewResult {
  findings: Finding[];
  /** Files that could not be reviewed, each with the reason. */
  errors: FileError[];
  files: ReviewedFile[];
  /** Metadata of every rule that could have reported (for SARIF and docs links). */
  rules: RuleMeta[];
  summary: ReviewSummary;
}

export interface RunOptions {
  cwd: string;
  config: ReviewConfig;
  onProgress?: (message: string) => void;
}

/** Inputs above this size get progress messages. */
const BIG_INPUT = 2 * MiB;

/** Review files under `paths`: discover, review per domain, then apply config and suppressions. */
export async function runReview(paths: string[], options: RunOptions): Promise<ReviewResult> {
  const { cwd, config } = options;
  const maxBytes = Math.round(config.limits.maxFileMiB * MiB);
  const ignores = config.ignore.map(globToRegExp);
  const ignored = (abs: string): boolean => {
    if (ignores.length === 0) return false;
    const rel = relative(config.baseDir, abs).split(sep).join('/');
    return !rel.startsWith('..') && ignores.some((re) => re.test(rel));
  };
  const found = await discover(paths, { cwd, ignored });
  const totalBytes = found.files.reduce((n, f) => n + f.size, 0);
  const progress = totalBytes > BIG_INPUT || found.files.length > 50 ? options.onProgress : undefined;
  progress?.(`reviewing ${found.files.length} file${found.files.length === 1 ? '' : 's'} (${(totalBytes / MiB).toFixed(1)} MiB)`);

  const errors: FileError[] = [...found.errors];
  const texts = new Map<string, string>();
  const byKind = (kind: FileKind): DiscoveredFile[] => found.files.filter((f) => f.kind === kind);
  const read = async (files: DiscoveredFile[]): Promise<{ file: DiscoveredFile; text: string }[]> => {
    const out: { file: DiscoveredFile; text: string }[] = [];
    for (const file of files) {
      try {
        if (file.size > maxBytes) {
          errors.push({
            file: file.display,
            message: `${file.display} is ${(file.size / MiB).toFixed(1)} MiB, above the ${config.limits.maxFileMiB} MiB limit (raise limits.maxFileMiB in .archie.yaml if this file really is that large)`,
          });
          continue;
        }
        const text = await readTextFile(file.abs, { maxBytes, what: 'file', display: file.display, sizeHint: 'raise limits.maxFileMiB in .archie.yaml if this file really is that large' });
        texts.set(file.display, text);
        out.push({ file, text });
      } catch (e) {
        errors.push(toFileError(file.display, e));
      }
    }
    return out;
  };

  const results: DomainResult[] = [];
  const sources: SourceDoc[] = [];
  const openapiFiles = await read(byKind('openapi'));
  if (openapiFiles.length > 0) {
    const { reviewOpenApi } = await import('./openapi/index.js');
    for (const { file } of openapiFiles) progress?.(`openapi: ${file.display}`);
    const r = await reviewOpenApi(
      openapiFiles.map(({ file, text }) => ({ path: file.abs, text })),
      { cwd, roots: found.roots, maxBytes },
    );
    results.push(r);
    sources.push(...r.sources);
    for (const s of r.sources) texts.set(s.display, s.text);
  }
  const sqlFiles = await read(byKind('sql'));
  if (sqlFiles.length > 0) {
    progress?.(`sql: ${sqlFiles.length} file${sqlFiles.length === 1 ? '' : 's'}`);
    const { reviewSql } = await import('./sql/index.js');
    const { rules: sqlRules } = await import('./rules/sql/index.js');
    // Opt-in rules run when .archie.yaml gives them a severity.
    const enabled = sqlRules.filter((r) => (r.meta.optIn ? config.rules[r.meta.id] !== undefined && config.rules[r.meta.id] !== 'off' : true));
    results.push(await reviewSql(sqlFiles.map(({ file, text }) => ({ path: file.display, text })), enabled, config.sql));
  }
  const manifestFiles = await read(byKind('manifest'));
  if (manifestFiles.length > 0) {
    progress?.(`manifests: ${manifestFiles.length} file${manifestFiles.length === 1 ? '' : 's'}`);
    const { reviewManifests } = await import('./manifest/index.js');
    results.push(await reviewManifests(manifestFiles.map(({ file, text }) => ({ path: file.display, text }))));
  }

  const raw: Finding[] = [];
  for (const r of results) {
    // a loop, not push(...): a spread of 100k+ findings overflows the call stack
    for (const f of r.findings) raw.push(f);
    errors.push(...r.errors);
  }
  const reviewedFiles: ReviewedFile[] = found.files.filter((f) => !errors.some((e) => e.file === f.display)).map((f) => ({ path: f.display, kind: f.kind }));
  const result = finish(raw, errors, reviewedFiles, texts, sources, config);
  // Breaking-change rules only run with --base; they are not part of a plain review's rule list.
  result.rules = result.rules.filter((r) => !r.id.startsWith('openapi/diff-'));
  return result;
}

/**
 * Apply the config (rules off, severities) and suppressions to raw findings; add suppression
 * problems; sort and count. Exported for reviewDiff, which has its own inputs.
 */
export function finish(
  raw: Finding[],
  errors: FileError[],
  files: ReviewedFile[],
  texts: Map<string, string>,
  sources: SourceDoc[],
  config: ReviewConfig,
): ReviewResult {
  const rules = allRules();
  const known = new Set(rules.map((r) => r.id));
  const knownRule = (id: string): boolean => known.has(id);

  const problems: SuppressionProblem[] = [];
  const commentSuppressions = new Map<string, FileSuppressions>();
  for (const [file, text] of texts) {
    const marker = commentMarkerFor(file);
    if (!marker || !text.includes('archie-')) continue;
    const parsed = parseCommentSuppressions(file, text, marker, knownRule);
    commentSuppressions.set(file, parsed.suppressions);
    problems.push(...parsed.problems);
  }
  const extension = extensionSuppressions(sources, knownRule, problems);

  let suppressed = 0;
  const kept: Finding[] = [];
  const seen = new Set<string>();
  const optIn = new Set(rules.filter((r) => r.optIn).map((r) => r.id));
  for (const f of [...raw, ...coreRules.flatMap((r) => r.check(problems))]) {
    const setting = config.rules[f.ruleId];
    if (setting === 'off') continue;
    // An opt-in rule reports only when the configuration gives it a severity.
    if (setting === undefined && optIn.has(f.ruleId)) continue;
    const finding: Finding = setting ? { ...f, severity: setting } : f;
    const loc = finding.location;
    if (loc.kind === 'file') {
      if (isSuppressed(commentSuppressions.get(loc.file), finding.ruleId, loc.line) || extension(loc.file, loc.pointer, finding.ruleId)) {
        suppressed++;
        continue;
      }
    }
    const key = `${finding.ruleId}\u0000${loc.kind === 'file' ? `${loc.file}:${loc.line}:${loc.column}` : loc.name}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(finding);
  }
  kept.sort(compareFindings);
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));

  const count = (s: Severity): number => kept.filter((f) => f.severity === s).length;
  const activeRules = rules
    .filter((r) => config.rules[r.id] !== 'off' && !(r.optIn && config.rules[r.id] === undefined))
    .map((r) => {
      const setting = config.rules[r.id];
      return setting && setting !== 'off' ? { ...r, severity: setting } : r;
    });
  return {
    findings: kept,
    errors,
    files,
    rules: activeRules,
    summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info'), fileErrors: errors.length, suppressed },
  };
}

/**
 * `x-archie-disable` on OpenAPI objects: returns a predicate telling whether a finding at a JSON
 * pointer is covered by an entry on the object or one of its ancestors. Invalid entries are added
 * to `problems`.
 */
function extensionSuppressions(
  sources: SourceDoc[],
  knownRule: (id: string) => boolean,
  problems: SuppressionProblem[],
): (file: string, pointer: string | undefined, ruleId: string) => boolean {
  const docs = new Map<string, SourceDoc>();
  for (const s of sources) {
    if (!s.text.includes('x-archie-disable')) continue;
    docs.set(s.display, s);
    validateExtensionEntries(s, knownRule, problems);
  }
  if (docs.size === 0) return () => false;
  return (file, pointer, ruleId) => {
    const doc = docs.get(file);
    if (!doc || pointer === undefined) return false;
    const path = parsePointer(pointer.replace(/^#/, '')) ?? [];
    let value: unknown = doc.value;
    for (let i = 0; ; i++) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const ext = (value as Record<string, unknown>)['x-archie-disable'];
        if (ext !== undefined && readExtensionSuppressions(ext, knownRule).valid.some((e) => e.rule === ruleId)) return true;
      }
      if (i >= path.length || value === null || typeof value !== 'object') return false;
      value = (value as Record<string, unknown>)[path[i]!];
    }
  };
}

function validateExtensionEntries(doc: SourceDoc, knownRule: (id: string) => boolean, problems: SuppressionProblem[]): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: doc.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === 'x-archie-disable') {
        const at = [...path, k];
        const pos = doc.position(at);
        for (const message of readExtensionSuppressions(v, knownRule).problems) problems.push({ file: doc.display, line: pos.line, column: pos.column, message });
      } else stack.push({ value: v, path: [...path, k] });
    }
  }
}

/** Exit-code helper: true when some finding is at or above the threshold. */
export function hasFindingsAtOrAbove(result: ReviewResult, threshold: Severity): boolean {
  const rank = SEVERITIES.indexOf(threshold);
  return result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= rank);
}
