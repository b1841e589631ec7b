import { displayRel, quoteIdent, relName } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'drop-column',
  severity: 'warning',
  summary: 'Drop a column only after a release that no longer uses it (the contract step of expand and contract).',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_DropColumn' || !cmd.name) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(cmd.name);
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          `DROP COLUMN ${col} on existing table ${label}: application code that still reads or writes ${col} (including ORMs that list every column in SELECT and INSERT) fails the moment this runs, and the data is gone. Ship a release that no longer uses the column first, then drop it in a later migration.`,
          {
            evidence: { table: label, column: cmd.name },
            fix: sqlFix(
              'make sure the release before this migration neither reads nor writes the column (ORMs: mark it ignored first); the drop itself is quick (catalog only) but takes an ACCESS EXCLUSIVE lock, so set lock_timeout',
            ),
          },
        ),
      );
    }
    return out;
  },
};
