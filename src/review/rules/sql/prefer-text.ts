import { displayType, quoteIdent } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { finalColumns, typeLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'prefer-text',
  severity: 'info',
  summary: 'Use text with a CHECK on its length rather than varchar(n).',
  references: ['PostgreSQL wiki: Don\'t Do This (varchar(n) by default)'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      const t = type.type;
      if (t.name !== 'varchar' || t.schema !== null || t.mods.length === 0) continue;
      const label = typeLabel(table, column, type);
      const col = quoteIdent(simpleNameAt(column, type.from + 0.5));
      const n = t.mods[0] ?? 0;
      out.push(
        report(
          review,
          meta,
          type.pos,
          t.array
            ? `${label} is ${displayType(t)}: in PostgreSQL varchar(n) is text plus a length check, with no storage or speed gain, and changing the limit later means ALTER COLUMN TYPE on the whole array column. text[] holds the same values; bound the elements where the rule lives (application or trigger).`
            : `${label} is ${displayType(t)}: in PostgreSQL varchar(n) is text plus a length check, with no storage or speed gain, and the limit is a business rule hidden in the type. text with CHECK (char_length(${col}) <= ${n}) states the rule, and changing it later means swapping a constraint (added NOT VALID, then validated) instead of ALTER COLUMN TYPE.`,
          {
            evidence: { column: label, type: displayType(t) },
            fix: t.array
              ? sqlFix('declare the column as text[]; if each element must be bounded, check it in the application or with a trigger (a CHECK cannot quantify over the elements)', `${col} text[]`)
              : sqlFix('declare the column as text with a named length check', `${col} text CONSTRAINT ${quoteIdent(`${simpleNameAt(column, type.from + 0.5)}_length`)} CHECK (char_length(${col}) <= ${n})`),
          },
        ),
      );
    }
    return out;
  },
};
