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
  /** Called with short progress messages for large inputs. */
  onProgress?: (message: string) => void;
}

async function resolveConfig(options: ReviewOptions, cwd: string): Promise<ReviewConfig> {
  if (options.config !== undefined) return parseConfig(options.config, cwd, 'config');
  return loadConfig(cwd, options.configPath);
}

/**
 * Review OpenAPI descriptions, SQL files and manifests found under `paths`.
 *
 * Files that cannot be reviewed (malformed, binary, too large) are listed in `errors`; the others
 * are still reviewed. Findings are sorted by file, line, column and rule.
 *
 * @example
 * const result = await review(['api/openapi.yaml', 'db/migrations']);
 * for (const f of result.findings) console.log(f.ruleId, f.message);
 */
export async function review(paths: string[], options: ReviewOptions = {}): Promise<ReviewResult> {
  if (paths.length === 0) throw new ArchieError('USAGE', 'nothing to review: give at least one file or directory', { hint: 'archie review openapi.yaml migrations/' });
  const cwd = options.cwd ?? process.cwd();
  const config = await resolveConfig(options, cwd);
  return runReview(paths, { cwd, config, ...(options.onProgress && { onProgress: options.onProgress }) });
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
  const config = await resolveConfig(options, cwd);
  const { runDiff } = await import('./diff/index.js');
  return runDiff(base, head, { cwd, config, ...(options.onProgress && { onProgress: options.onProgress }) });
}
