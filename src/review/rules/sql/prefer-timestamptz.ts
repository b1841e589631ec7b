import { displayType } from '../../sql/ast.js';
import { finalColumns, typeLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'prefer-timestamptz',
  severity: 'warning',
  summary: 'Store points in time as timestamptz, not timestamp without time zone.',
  references: ['PostgreSQL wiki: Don\'t Do This (timestamp without time zone)'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      if (type.type.name !== 'timestamp' || type.type.schema !== null) continue;
      const label = typeLabel(table, column, type);
      const target = { ...type.type, name: 'timestamptz' };
      out.push(
        report(
          review,
          meta,
          type.pos,
          `${label} is ${displayType(type.type)} (without time zone): it stores a wall-clock reading, not an instant, so the same value means different moments to clients in different zones and repeats or skips across DST changes. timestamptz stores the instant in the same 8 bytes.`,
          {
            evidence: { column: label, type: displayType(type.type) },
            fix: sqlFix(`declare the column as ${displayType(target)}`),
          },
        ),
      );
    }
    return out;
  },
};
