import { nodeAs, strings } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'rename-enum-value',
  severity: 'warning',
  summary: 'Renaming an enum value breaks the running application: add the new value, migrate the rows, then stop using the old one.',
  references: ['strong_migrations: rename_enum_value'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const e = nodeAs(stmt.node, 'AlterEnumStmt');
      if (!e || e.oldVal === undefined || e.newVal === undefined) continue;
      const type = strings(e.typeName).join('.');
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `RENAME VALUE '${e.oldVal}' TO '${e.newVal}' on ${type}: every running instance that writes or compares '${e.oldVal}' fails from this moment (invalid input value for enum), and during a rolling deploy old and new code run side by side.`,
          {
            evidence: { type, from: e.oldVal, to: e.newVal },
            fix: sqlFix(
              'add the new value, ship code that accepts both, update the rows in batches, then ship code that writes only the new one (enum values cannot be dropped: the old label stays unused)',
              `ALTER TYPE ${type} ADD VALUE '${e.newVal}' AFTER '${e.oldVal}';\n-- later, in batches: UPDATE … SET … = '${e.newVal}' WHERE … = '${e.oldVal}';`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
