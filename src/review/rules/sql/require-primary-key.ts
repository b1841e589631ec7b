import { report, sqlFix, sqlMeta, tableLabel, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'require-primary-key',
  severity: 'warning',
  summary: 'Every table needs a primary key.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const table of review.catalog.tables) {
      // Only tables the history creates: for the others we cannot see their keys.
      if (table.createdAt === null || table.pos === null || table.droppedAt !== null) continue;
      // Partitions inherit the key of their parent; temporary tables live for one session;
      // materialized views have no keys; LIKE copies a key the history cannot see.
      if (table.partition || table.temporary || table.view) continue;
      if (table.opaque) continue;
      if (table.constraints.some((c) => c.kind === 'primary' && c.droppedAt === null)) continue;
      const label = tableLabel(table);
      out.push(
        report(
          review,
          meta,
          table.pos,
          `table ${label} has no primary key: duplicate rows cannot be told apart or fixed, logical replication cannot publish its UPDATEs and DELETEs (no replica identity), and ORMs and CDC tools need one.`,
          {
            evidence: { table: label },
            fix: sqlFix(
              'declare a primary key: the natural key when there is a stable one, otherwise a surrogate identity column',
              `ALTER TABLE ${label} ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
