import type { Severity } from '../../model/finding.js';
import type { ReviewResult } from '../runner.js';

export interface FormatOptions {
  /** ANSI colours (text only). */
  color?: boolean;
  /** The --fail-on threshold, for the summary line. */
  failOn?: Severity;
  /** Base URL that rule docs paths (`docs/rules/...`) are appended to. */
  docsBaseUrl?: string;
}

/** Every formatter has this one signature: a pure function of the result. */
export type Formatter = (result: ReviewResult, options?: FormatOptions) => string;

/**
 * Where the rule docs are published: the repository's docs folder. Rule metadata holds the
 * repository-relative path; formatters that need a URL (SARIF's helpUri) join it to this base.
 */
export const DOCS_BASE_URL = 'https://github.com/archie-dev/archie/blob/main/';

export function docsUrl(docs: string, base = DOCS_BASE_URL): string {
  return base.replace(/\/?$/, '/') + docs.replace(/^\//, '');
}
