import { displayType, quoteIdent } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { columnLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'prefer-bigint-primary-key',
  severity: 'warning',
  summary: 'Make single-column integer primary keys bigint: int4 runs out at 2,147,483,647.',
});

const INT4 = new Set(['int4', 'serial4']);

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const table of review.catalog.tables) {
      if (table.droppedAt !== null) continue;
      for (const pk of table.constraints) {
        if (pk.kind !== 'primary' || pk.droppedAt !== null || pk.columns.length !== 1) continue;
        const column = pk.columns[0];
        if (!column || column.droppedAt !== null) continue;
        const type = column.types[column.types.length - 1];
        if (!type || !INT4.has(type.type.name) || type.type.schema !== null || type.type.array) continue;
        const label = columnLabel(table, column, type.from + 0.5);
        const identity = column.identity || type.type.name === 'serial4';
        out.push(
          report(
            review,
            meta,
            type.pos,
            `primary key ${label} is ${displayType(type.type)} (int4): its key space ends at 2,147,483,647, sequences also burn values on rolled-back inserts, and widening it later rewrites the table, its indexes and every foreign key column that references it. bigint costs 4 more bytes per row.`,
            {
              evidence: { column: label, type: displayType(type.type), maxValue: 2147483647 },
              fix: sqlFix(
                'declare the key as bigint (and the referencing foreign key columns too)',
                `${quoteIdent(simpleNameAt(column, type.from + 0.5))} bigint${identity ? ' GENERATED ALWAYS AS IDENTITY' : ''} PRIMARY KEY`,
              ),
            },
          ),
        );
      }
    }
    return out;
  },
};
