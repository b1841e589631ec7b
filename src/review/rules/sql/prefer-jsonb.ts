import { displayType, quoteIdent } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { finalColumns, report, sqlFix, sqlMeta, typeLabel, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'prefer-jsonb',
  severity: 'warning',
  summary: 'Store JSON as jsonb, not json.',
  references: ['strong_migrations: add_column_json', 'PostgreSQL manual: JSON Types'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      if (type.type.name !== 'json' || type.type.schema !== null) continue;
      const label = typeLabel(table, column, type);
      out.push(
        report(
          review,
          meta,
          type.pos,
          `${label} is ${displayType(type.type)}: json keeps the text as written and has no equality operator, so SELECT DISTINCT, UNION and GROUP BY over rows with it fail ("could not identify an equality operator for type json"), it cannot be indexed with GIN, and every access re-parses it.`,
          {
            evidence: { column: label, type: displayType(type.type) },
            fix: sqlFix('declare it jsonb (json only when the exact input text, key order and duplicate keys must be kept)', `${quoteIdent(simpleNameAt(column, type.from + 0.5))} jsonb`),
          },
        ),
      );
    }
    return out;
  },
};
