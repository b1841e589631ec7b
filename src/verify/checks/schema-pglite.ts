import type { Check } from '../_check.js';
import { outcome } from '../report.js';
import { SCHEMA_FILE } from '../_schema.js';

/** schema.sql applies cleanly, statement by statement, to an embedded PostgreSQL (PGlite). */
export const check: Check = {
  id: 'schema-pglite',
  title: 'schema.sql applies to embedded PostgreSQL',
  lane: 'postgres',
  async run(ctx) {
    const applied = await ctx.appliedSchema();
    return outcome(
      applied.evidence,
      {
        passed: `${SCHEMA_FILE} applies cleanly to ${ctx.tools.get('PostgreSQL (embedded)') ?? 'embedded PostgreSQL'}`,
        failed: () => (applied.ok ? `${SCHEMA_FILE} failed` : applied.reason),
      },
      'fix the statement at the line shown; every statement must run on a fresh database in file order',
    );
  },
};
