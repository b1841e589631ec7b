import type { Finding, Severity } from '../model/finding.js';

/**
 * The shape of a review rule, shared by every domain (OpenAPI, SQL, manifests). A rule is one
 * module `src/review/rules/<domain>/<name>.ts` whose id is `<domain>/<name>`, with a docs page
 * `docs/rules/<domain>/<name>.md` and a table test `test/review/rules/<domain>/<name>.test.ts`.
 * The `core` domain holds the runner's own rules (e.g. suppressions that lack a reason).
 */
export type ReviewDomain = 'openapi' | 'sql' | 'manifest' | 'core';

export interface RuleMeta {
  /** `<domain>/<kebab-name>`, e.g. `openapi/operation-id-unique`. */
  id: string;
  domain: ReviewDomain;
  /** Default severity; `.archie.yaml` may change it or turn the rule off. */
  severity: Severity;
  /** One line: what the rule wants. */
  summary: string;
  /** Repository-relative docs page: `docs/rules/<domain>/<name>.md`. */
  docs: string;
  /** Standards the rule derives from, e.g. `OWASP API4:2023`, `RFC 9457`. */
  references?: string[];
  /** Off unless `.archie.yaml` gives it a severity (a house style rather than a hazard). */
  optIn?: boolean;
}

/** A rule over a domain-specific input (a parsed OpenAPI document, a SQL file with its history, a manifest). */
export interface Rule<Input> {
  meta: RuleMeta;
  check(input: Input): Finding[];
}

/** A file that could not be reviewed: reported, and the rest of the run goes on. */
export interface FileError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/** What a domain reviewer returns for the files it was given. */
export interface DomainResult {
  findings: Finding[];
  errors: FileError[];
  /** Files reviewed, for the summary. */
  files: string[];
}
