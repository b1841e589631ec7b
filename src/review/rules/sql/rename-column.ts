import { displayRel, nodeAs, quoteIdent, relName } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'rename-column',
  severity: 'warning',
  summary: 'Renaming a column of an existing table breaks the running application: expand and contract instead.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const rename = nodeAs(stmt.node, 'RenameStmt');
      if (!rename || rename.renameType !== 'OBJECT_COLUMN' || rename.relationType !== 'OBJECT_TABLE' || !rename.subname) continue;
      const table = review.table(stmt, rename.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(rename.relation));
      const from = quoteIdent(rename.subname);
      const to = quoteIdent(rename.newname ?? '');
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `RENAME COLUMN ${from} TO ${to} on existing table ${label}: every running instance of the application that still reads or writes ${from} fails from this moment, and during a rolling deploy old and new code run side by side.`,
          {
            evidence: { table: label, from: rename.subname, to: rename.newname ?? '' },
            fix: sqlFix(
              'expand and contract over several releases: add the new column, write both (application or trigger), backfill, move reads to the new column, stop writing the old one, then drop it',
              `ALTER TABLE ${label} ADD COLUMN ${to} …;\n-- release 1 writes both, backfill in batches; release 2 reads ${to};\n-- release 3: ALTER TABLE ${label} DROP COLUMN ${from};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
