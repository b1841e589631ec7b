import { constraints, displayRel, nodeAs, quoteIdent, relName, strings } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { alterCommands, constraintWrittenAt, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'unique-constraint-without-index',
  severity: 'error',
  summary: 'Add UNIQUE or PRIMARY KEY constraints to existing tables USING INDEX built concurrently beforehand.',
  references: ['PostgreSQL manual: ALTER TABLE, ADD table_constraint_using_index'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd } of alterCommands(review)) {
      // ADD CONSTRAINT … UNIQUE (…), or a column added with an inline UNIQUE / PRIMARY KEY.
      const def = cmd.subtype === 'AT_AddColumn' ? nodeAs(cmd.def, 'ColumnDef') : undefined;
      const con =
        cmd.subtype === 'AT_AddConstraint'
          ? nodeAs(cmd.def, 'Constraint')
          : constraints(def?.constraints).find((c) => c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_PRIMARY');
      if (!con || (con.contype !== 'CONSTR_UNIQUE' && con.contype !== 'CONSTR_PRIMARY') || con.indexname) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const rel = relName(alter.relation);
      const label = displayRel(rel);
      const kind = con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
      const cols = def ? [def.colname ?? ''] : strings(con.keys);
      const colList = cols.map(quoteIdent).join(', ');
      const rec = constraintWrittenAt(table, file, con.location);
      const name = con.conname ?? (rec ? simpleNameAt(rec, stmt.seq, true) : `${rel.name}_${cols.join('_')}_${kind === 'PRIMARY KEY' ? 'pkey' : 'key'}`);
      out.push(
        report(
          review,
          meta,
          review.pos(file, con.location, stmt),
          `${def ? `ADD COLUMN ${colList} … ${kind}` : `ADD ${kind} (${colList})`} on existing table ${label} builds its unique index while holding an ACCESS EXCLUSIVE lock: reads and writes on ${label} stop for the whole build. Build the index CONCURRENTLY first, then attach it with USING INDEX, which is instant.`,
          {
            evidence: { table: label, constraint: name, columns: colList, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              kind === 'PRIMARY KEY'
                ? 'create the unique index concurrently (outside a transaction block), make the columns NOT NULL without a scan (validated CHECK first), then add the key using the index'
                : 'create the unique index concurrently (outside a transaction block), then add the constraint using it',
              `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${label} (${colList});\nALTER TABLE ${label} ADD CONSTRAINT ${quoteIdent(name)} ${kind} USING INDEX ${quoteIdent(name)};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
