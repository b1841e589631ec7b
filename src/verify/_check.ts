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
   */
  lane?: 'postgres';
  run(ctx: VerifyContext): Promise<CheckOutcome>;
}
