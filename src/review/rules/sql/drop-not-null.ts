import { displayRel, quoteIdent, relName } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'drop-not-null',
  severity: 'warning',
  summary: 'Dropping NOT NULL on an existing column breaks readers that rely on it: expand and contract.',
  references: ['Squawk: ban-drop-not-null'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_DropNotNull' || !cmd.name) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(cmd.name);
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          `DROP NOT NULL on ${label}.${col}: from now on NULLs can be written, and the running release (and every report, export or service reading ${label}) was built assuming ${col} is always set: NULL pointer errors, wrong sums and broken joins follow.`,
          {
            evidence: { table: label, column: cmd.name },
            fix: sqlFix('ship a release whose readers handle NULL in this column first; only then drop the constraint (it is catalog-only, but takes an ACCESS EXCLUSIVE lock, so set lock_timeout)'),
          },
        ),
      );
    }
    return out;
  },
};
