import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { ArchieError } from '../errors.js';
import { loadConfig, parseConfig, type ReviewConfig, type ReviewConfigInput } from './config.js';
import { runReview, type ReviewResult } from './runner.js';

export type { ReviewResult, ReviewSummary, ReviewedFile } from './runner.js';
export type { ReviewConfig, ReviewConfigInput } from './config.js';
export type { FileError, RuleMeta, Rule, DomainResult } from './types.js';
export { hasFindingsAtOrAbove } from './runner.js';

export interface ReviewOptions {
  /** Working directory: paths are resolved and displayed relative to it. Default: process.cwd(). */
  cwd?: string;
  /** Config object (validated like `.archie.yaml`). Takes precedence over `configPath`. */
  config?: ReviewConfigInput;
  /** Config file to read; default `.archie.yaml` in `cwd` when it exists. */
  configPath?: string;
  /**
   * How the SQL migrations run, merged over the config's `sql` section (a field given here wins,
   * the others keep the config's value): `pgVersion`, the oldest PostgreSQL major version they
   * run on (default 15), and `assumeInTransaction`, whether the migration tool runs every file
   * inside a transaction.
   */
  sql?: ReviewConfigInput['sql'];
  /** Called with short progress messages for large inputs. */
  onProgress?: (message: string) => void;
}

async function resolveConfig(options: ReviewOptions, cwd: string): Promise<ReviewConfig> {
  const config = options.config !== undefined ? parseConfig(options.config, cwd, 'config') : await loadConfig(cwd, options.configPath);
  if (options.sql === undefined) return config;
  // Validated like the config file's sql section, so that a bad value names its field.
  const sql = parseConfig({ sql: options.sql }, cwd, 'review options').sql;
  const given = Object.fromEntries(Object.entries(sql).filter(([, v]) => v !== undefined));
  return { ...config, sql: { ...config.sql, ...given } };
}

/** What archie can review, for the messages about inputs that hold none of it. */
const REVIEWABLE =
  'archie reviews OpenAPI 3.x and Swagger 2.0 documents (.yaml, .yml, .json), SQL schemas and migrations (.sql), and Kubernetes or Docker Compose manifests (.yaml, .yml)';

/**
 * Every path given must exist and be a file or a directory: a typo must not turn into a review of
 * nothing. Other stat failures (permissions) are left to discovery, which reports them per file.
 */
async function assertPathsExist(paths: readonly string[], cwd: string): Promise<{ dirs: string[] }> {
  const missing: string[] = [];
  const dirs: string[] = [];
  for (const p of paths) {
    try {
      const s = await stat(resolve(cwd, p));
      if (s.isDirectory()) dirs.push(p);
      else if (!s.isFile()) throw new ArchieError('INPUT', 'is neither a regular file nor a directory', { path: p, hint: `${REVIEWABLE}; give such a file or a folder that holds them` });
    } catch (e) {
      if (e instanceof ArchieError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(p);
    }
  }
  if (missing.length === 1) throw new ArchieError('INPUT', 'no such file or directory', { path: missing[0]!, hint: 'check the path' });
  if (missing.length > 1) throw new ArchieError('INPUT', `no such files or directories: ${missing.join(', ')}`, { hint: 'check the paths' });
  return { dirs };
}

function isUnder(abs: string, dir: string): boolean {
  return abs === dir || abs.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Review OpenAPI descriptions, SQL files and manifests found under `paths`.
 *
 * Files that cannot be reviewed (malformed, binary, too large) are listed in `errors`; the others
 * are still reviewed. Findings are sorted by file, line, column and rule. Reviewing nothing is an
 * error, not a clean result: an ArchieError (code INPUT) when a path does not exist or a directory
 * holds no file archie can review (like ESLint's "No files matching the pattern").
 *
 * @example
 * const result = await review(['api/openapi.yaml', 'db/migrations']);
 * for (const f of result.findings) console.log(f.ruleId, f.message);
 */
export async function review(paths: string[], options: ReviewOptions = {}): Promise<ReviewResult> {
  if (paths.length === 0) throw new ArchieError('USAGE', 'nothing to review: give at least one file or directory', { hint: 'archie review openapi.yaml migrations/' });
  const cwd = options.cwd ?? process.cwd();
  const { dirs } = await assertPathsExist(paths, cwd);
  const config = await resolveConfig(options, cwd);
  const result = await runReview(paths, { cwd, config, ...(options.onProgress && { onProgress: options.onProgress }) });
  // A named file is either reviewed or listed in errors; a directory may have held nothing to review.
  const seen = [...result.files.map((f) => f.path), ...result.errors.map((e) => e.file)].map((p) => resolve(cwd, p));
  const empty = dirs.filter((d) => !seen.some((abs) => isUnder(abs, resolve(cwd, d))));
  if (empty.length > 0) {
    const ignoring = config.ignore.length > 0 ? ' (or .archie.yaml ignores them)' : '';
    throw new ArchieError('INPUT', empty.length === 1 ? `holds no file archie can review${ignoring}` : `${empty.join(', ')} hold no file archie can review${ignoring}`, {
      ...(empty.length === 1 && { path: empty[0]! }),
      hint: `${REVIEWABLE}; give such files or a folder that holds them`,
    });
  }
  return result;
}

/**
 * Compare two versions of an OpenAPI description and report breaking changes (errors) and
 * compatible ones (info), each located in the new file with the old location in `related`.
 *
 * @example
 * const result = await reviewDiff('v1/openapi.yaml', 'v2/openapi.yaml');
 * const breaking = result.findings.filter((f) => f.severity === 'error');
 */
export async function reviewDiff(base: string, head: string, options: ReviewOptions = {}): Promise<ReviewResult> {
  const cwd = options.cwd ?? process.cwd();
  await assertPathsExist([base, head], cwd);
  const config = await resolveConfig(options, cwd);
  const { runDiff } = await import('./diff/index.js');
  return runDiff(base, head, { cwd, config, ...(options.onProgress && { onProgress: options.onProgress }) });
}
