import { constraints, displayRel, displayType, nodeAs, quoteIdent, relName, SERIAL_TYPES, sqlType } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'add-column-not-null-without-default',
  severity: 'error',
  summary: 'ADD COLUMN … NOT NULL on an existing table needs a DEFAULT, or it fails on the first row.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt, alter, cmd } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = nodeAs(cmd.def, 'ColumnDef');
      if (!def) continue;
      const cons = constraints(def.constraints);
      const notNull = cons.find((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
      if (!notNull) continue;
      // Identity, generated and serial columns fill existing rows themselves.
      if (cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')) continue;
      const type = sqlType(def.typeName);
      if (type && type.schema === null && SERIAL_TYPES.has(type.name)) continue;
      const dflt = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
      if (dflt && nodeAs(dflt.raw_expr, 'A_Const')?.isnull !== true) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(def.colname ?? '');
      const typeText = type ? displayType(type) : 'type';
      out.push(
        report(
          review,
          meta,
          review.pos(file, notNull.location ?? def.location, stmt),
          `ADD COLUMN ${col} ${notNull.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'NOT NULL'} without a DEFAULT on existing table ${label}: existing rows would get NULL, so the statement fails as soon as ${label} has a row (column "${def.colname ?? ''}" contains null values).`,
          {
            evidence: { table: label, column: def.colname ?? '' },
            fix: sqlFix(
              'give it a constant DEFAULT (since PostgreSQL 11 that is a catalog-only change, no rewrite), or add it nullable, backfill in batches, then prove NOT NULL with a validated CHECK before SET NOT NULL',
              `ALTER TABLE ${label} ADD COLUMN ${col} ${typeText} NOT NULL DEFAULT …;`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
