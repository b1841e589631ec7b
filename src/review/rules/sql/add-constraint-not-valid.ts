import { constraints, displayRel, nodeAs, quoteIdent, relName, strings } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { alterCommands, constraintWrittenAt, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'add-constraint-not-valid',
  severity: 'warning',
  summary: 'Add foreign keys and CHECK constraints to existing tables NOT VALID, then VALIDATE them in a later transaction.',
  references: ['PostgreSQL manual: ALTER TABLE, ADD table_constraint … NOT VALID'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd } of alterCommands(review)) {
      // ADD CONSTRAINT, or a column added with an inline REFERENCES / CHECK (validated at once too).
      const def = cmd.subtype === 'AT_AddColumn' ? nodeAs(cmd.def, 'ColumnDef') : undefined;
      const con =
        cmd.subtype === 'AT_AddConstraint'
          ? nodeAs(cmd.def, 'Constraint')
          : constraints(def?.constraints).find((c) => c.contype === 'CONSTR_FOREIGN' || c.contype === 'CONSTR_CHECK');
      if (!con || con.skip_validation) continue;
      const kind = con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : con.contype === 'CONSTR_CHECK' ? 'CHECK' : con.contype === 'CONSTR_NOTNULL' ? 'NOT NULL' : null;
      if (!kind) continue;
      // NOT ENFORCED constraints (PostgreSQL 18) check nothing.
      if (con.is_enforced === false) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const rec = constraintWrittenAt(table, file, con.location);
      const name = con.conname ?? (rec ? simpleNameAt(rec, stmt.seq, true) : `${relName(alter.relation).name}_constraint`);
      let locks: string;
      if (kind === 'FOREIGN KEY') {
        const ref = displayRel(relName(con.pktable));
        locks = `holding SHARE ROW EXCLUSIVE locks on ${label} and ${ref}: writes to both wait until every row of ${label} has been checked`;
      } else {
        locks = `holding an ACCESS EXCLUSIVE lock on ${label}: reads and writes wait until every row has been checked`;
      }
      const version = kind === 'NOT NULL' ? (review.options.pgVersion >= 18 ? '' : ' (NOT VALID on a NOT NULL constraint needs PostgreSQL 18; before that, a CHECK (col IS NOT NULL) NOT VALID does the job)') : '';
      const cols = def ? [def.colname ?? ''] : kind === 'FOREIGN KEY' ? strings(con.fk_attrs) : strings(con.keys);
      out.push(
        report(
          review,
          meta,
          review.pos(file, con.location, stmt),
          `${def ? `ADD COLUMN ${quoteIdent(def.colname ?? '')} … ${kind === 'FOREIGN KEY' ? 'REFERENCES' : kind}` : `ADD ${kind}${cols.length > 0 ? ` (${cols.map(quoteIdent).join(', ')})` : ''}`} on existing table ${label} validates all existing rows while ${locks}. Added NOT VALID it is enforced for new writes at once, and VALIDATE CONSTRAINT later checks the old rows under a SHARE UPDATE EXCLUSIVE lock that blocks neither reads nor writes${version}.`,
          {
            evidence: { table: label, constraint: name, kind },
            fix: sqlFix(
              def
                ? 'add the column without the inline constraint, then add the constraint NOT VALID, and validate it in a separate transaction (the next migration)'
                : 'append NOT VALID to this ADD CONSTRAINT, and validate in a separate transaction (the next migration)',
              `-- this migration: ALTER TABLE ${label} ADD CONSTRAINT ${quoteIdent(name)} … NOT VALID;\n-- next migration:\nALTER TABLE ${label} VALIDATE CONSTRAINT ${quoteIdent(name)};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
