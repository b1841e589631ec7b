import { displayRel, quoteIdent, relName } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'validate-in-same-transaction',
  severity: 'warning',
  summary: 'VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID gains nothing: commit in between.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name) continue;
      const table = review.table(stmt, alter.relation);
      if (!table) continue;
      const con = review.catalog.constraint(table, cmd.name, stmt.seq);
      if (!con || con.addedAt >= stmt.seq) continue;
      const added = review.statementAt(con.addedAt);
      if (!added || added.file !== file || added.stmt.unit !== stmt.unit) continue;
      const label = displayRel(relName(alter.relation));
      const line = file.source.position(added.stmt.start).line;
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          `VALIDATE CONSTRAINT ${quoteIdent(cmd.name)} runs in the same transaction that added it NOT VALID (line ${line}): the lock the ADD took on ${label} is held until COMMIT, so the validation scan still blocks traffic and NOT VALID buys nothing.`,
          {
            evidence: { table: label, constraint: cmd.name, addedAtLine: line },
            related: [{ at: review.pos(file, con.pos.offset), message: 'constraint added NOT VALID here' }],
            fix: sqlFix('commit after the ADD … NOT VALID and validate in the next migration', `ALTER TABLE ${label} VALIDATE CONSTRAINT ${quoteIdent(cmd.name)};`),
          },
        ),
      );
    }
    return out;
  },
};
