import { nodeAs, quoteIdent } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'rename-schema',
  severity: 'warning',
  summary: 'Renaming a schema breaks every query, search_path and grant that names it.',
  references: ['strong_migrations: rename_schema'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const rename = nodeAs(stmt.node, 'RenameStmt');
      if (!rename || rename.renameType !== 'OBJECT_SCHEMA' || !rename.subname) continue;
      const from = quoteIdent(rename.subname);
      const to = quoteIdent(rename.newname ?? '');
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `ALTER SCHEMA ${from} RENAME TO ${to}: every query of the running release that qualifies names with ${from}, every role whose search_path lists it and every function body that mentions it fails from this moment.`,
          {
            evidence: { from: rename.subname, to: rename.newname ?? '' },
            fix: sqlFix('create the new schema and move objects (ALTER TABLE … SET SCHEMA) with views left behind under the old names, or keep the old name; switch code first, drop the old schema last'),
          },
        ),
      );
    }
    return out;
  },
};
