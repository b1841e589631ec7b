import { displayType, quoteIdent } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { finalColumns, typeLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'prefer-identity',
  severity: 'info',
  summary: 'Use GENERATED … AS IDENTITY (PostgreSQL 10+) instead of serial.',
  references: ['PostgreSQL wiki: Don\'t Do This (serial)', 'SQL:2003 identity columns'],
});

const IDENTITY_TYPE: Record<string, string> = { serial2: 'smallint', serial4: 'integer', serial8: 'bigint' };

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      const base = IDENTITY_TYPE[type.type.name];
      if (!base || type.type.schema !== null) continue;
      const label = typeLabel(table, column, type);
      // serial4 is also int4: prefer-bigint-primary-key says so when it is a key; suggest bigint here too.
      const suggested = type.type.name === 'serial2' ? base : 'bigint';
      out.push(
        report(
          review,
          meta,
          type.pos,
          `${label} is ${displayType(type.type)}: serial is a macro for a separate sequence plus a DEFAULT, so grants, ownership and dumps treat them apart, and an INSERT that supplies its own id silently bypasses the sequence until a later insert collides. Since PostgreSQL 10 an identity column does the same job as part of the column.`,
          {
            evidence: { column: label, type: displayType(type.type) },
            fix: sqlFix('declare an identity column (BY DEFAULT if some inserts must supply their own ids)', `${quoteIdent(simpleNameAt(column, type.from + 0.5))} ${suggested} GENERATED ALWAYS AS IDENTITY`),
          },
        ),
      );
    }
    return out;
  },
};
