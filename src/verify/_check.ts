import type { CheckOutcome } from './report.js';
import type { VerifyContext } from './_context.js';

/** One verify check: `src/verify/checks/<id>.ts`, listed in `checks/index.ts`. */
export interface Check {
  /** Stable kebab-case id, used by `--only`. */
  id: string;
  /** What it proves, in a few words. */
  title: string;
  /**
   * `postgres` for checks that use the embedded PostgreSQL: they run one after another in their
   * own lane (the database lives in a worker thread), alongside the other checks.
   * `postgres-if-shared`: a check that starts its own instance, unless the caller passed one to
   * share (then it must take its turn in the postgres lane).
   */
  lane?: 'postgres' | 'postgres-if-shared';
  run(ctx: VerifyContext): Promise<CheckOutcome>;
}
