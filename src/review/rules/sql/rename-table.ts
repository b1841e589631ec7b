import { displayRel, nodeAs, quoteIdent, relName } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'rename-table',
  severity: 'warning',
  summary: 'Renaming an existing table breaks the running application: keep the old name reachable through a view.',
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const rename = nodeAs(stmt.node, 'RenameStmt');
      if (!rename || rename.renameType !== 'OBJECT_TABLE' || !rename.relation || !rename.newname) continue;
      const table = review.table(stmt, rename.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const rel = relName(rename.relation);
      const label = displayRel(rel);
      const to = displayRel({ schema: rel.schema, name: rename.newname });
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `RENAME TABLE ${label} TO ${quoteIdent(rename.newname)}: every running instance of the application that still uses ${label} fails from this moment, and during a rolling deploy old and new code run side by side.`,
          {
            evidence: { from: label, to },
            fix: sqlFix(
              'rename and, in the same transaction, create a view with the old name (a simple view is automatically updatable, so old code keeps reading and writing); drop the view once no release uses the old name',
              `ALTER TABLE ${label} RENAME TO ${quoteIdent(rename.newname)};\nCREATE VIEW ${label} AS SELECT * FROM ${to};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
