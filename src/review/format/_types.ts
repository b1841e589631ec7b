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
 * Rule metadata holds the docs page's path inside the archie package (`docs/rules/...`, shipped
 * with it). archie does not invent a public URL for it: formatters that want one (SARIF's
 * helpUri) get it only when the caller says where the docs are published (`--docs-url`).
 */
export function docsUrl(docs: string, base: string | undefined): string | undefined {
  if (!base) return undefined;
  return base.replace(/\/?$/, '/') + docs.replace(/^\//, '');
}
