import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'add-exclusion-constraint',
  severity: 'warning',
  summary: 'ADD CONSTRAINT … EXCLUDE on an existing table builds its index and checks every row under an ACCESS EXCLUSIVE lock, with no concurrent alternative.',
  references: ['strong_migrations: add_exclusion_constraint', 'PostgreSQL manual: ALTER TABLE, ADD table_constraint'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_AddConstraint') continue;
      const con = nodeAs(cmd.def, 'Constraint');
      if (!con || con.contype !== 'CONSTR_EXCLUSION') continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      out.push(
        report(
          review,
          meta,
          review.pos(file, con.location, stmt),
          `ADD CONSTRAINT … EXCLUDE on existing table ${label} builds its index and checks every existing row while holding an ACCESS EXCLUSIVE lock: reads and writes on ${label} stop for the whole build. Exclusion constraints cannot be added NOT VALID or USING INDEX, so there is no online way.`,
          {
            evidence: { table: label, constraint: con.conname ?? null, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix('add it while the table is small or in a maintenance window, or enforce the rule another way (a unique index over a normalised key, a trigger); declare it in CREATE TABLE for new tables'),
          },
        ),
      );
    }
    return out;
  },
};
