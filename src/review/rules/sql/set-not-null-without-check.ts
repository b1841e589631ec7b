import { displayRel, quoteIdent, relName } from '../../sql/ast.js';
import { aliveAt, type TableRec } from '../../sql/catalog.js';
import type { SqlReview } from '../../sql/model.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'set-not-null-without-check',
  severity: 'warning',
  summary: 'Before SET NOT NULL on an existing column, prove it with a validated CHECK (col IS NOT NULL) so PostgreSQL 12+ skips the scan.',
  references: ['PostgreSQL manual: ALTER TABLE, SET NOT NULL'],
});

/**
 * The split migration: an earlier migration (outside the reviewed files) added CHECK (col IS NOT
 * NULL) NOT VALID, and this history VALIDATEs it before SET NOT NULL. The history cannot see what
 * the constraint checks, so a constraint it never saw added counts when its name mentions the column.
 */
function validatedUnknownCheck(review: SqlReview, seq: number, table: TableRec | undefined, column: string): boolean {
  if (!table) return false;
  return alterCommands(review).some(({ stmt, alter, cmd }) => {
    if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name || stmt.seq >= seq) return false;
    if (review.table(stmt, alter.relation) !== table) return false;
    if (review.catalog.constraint(table, cmd.name, stmt.seq)) return false; // known: judged by what it checks
    return cmd.name.toLowerCase().includes(column.toLowerCase());
  });
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_SetNotNull' || !cmd.name) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const column = table ? review.catalog.column(table, cmd.name, stmt.seq) : undefined;
      const pg = review.options.pgVersion;
      const proven =
        table?.constraints.some((c) => column !== undefined && c.provesNotNull === column && aliveAt(c, stmt.seq) && c.validAt !== null && c.validAt < stmt.seq) ||
        validatedUnknownCheck(review, stmt.seq, table, cmd.name);
      if (proven && pg >= 12) continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(cmd.name);
      const check = quoteIdent(`${relName(alter.relation).name}_${cmd.name}_not_null`);
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          pg < 12
            ? `SET NOT NULL on ${label}.${col} scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no NULL, and before PostgreSQL 12 (sql.pgVersion is ${pg}) even a validated CHECK (${col} IS NOT NULL) does not spare the scan.`
            : `SET NOT NULL on ${label}.${col} scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no NULL. Since PostgreSQL 12 the scan is skipped when a validated CHECK (${col} IS NOT NULL) already proves it, and that CHECK can be added NOT VALID and validated without blocking traffic.`,
          {
            evidence: { table: label, column: cmd.name, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              'add the CHECK NOT VALID and validate it in earlier migrations, then SET NOT NULL and drop the now redundant CHECK (on PostgreSQL 18, ADD CONSTRAINT … NOT NULL col NOT VALID + VALIDATE does the same in one constraint)',
              `ALTER TABLE ${label} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID;\n-- next migration:\nALTER TABLE ${label} VALIDATE CONSTRAINT ${check};\n-- then:\nALTER TABLE ${label} ALTER COLUMN ${col} SET NOT NULL;\nALTER TABLE ${label} DROP CONSTRAINT ${check};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
