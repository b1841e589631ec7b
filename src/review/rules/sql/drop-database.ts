import { nodeAs, quoteIdent } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'drop-database',
  severity: 'error',
  summary: 'A migration must not drop a database.',
  references: ['Squawk: ban-drop-database'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const drop = nodeAs(stmt.node, 'DropdbStmt');
      if (!drop) continue;
      const name = quoteIdent(drop.dbname ?? '');
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `DROP DATABASE ${name}: every table, row and role grant in it is gone at once and no transaction can undo it; a migration that runs against the wrong server, or twice, destroys data that no later migration brings back.`,
          {
            evidence: { database: drop.dbname ?? '', ifExists: drop.missing_ok === true },
            fix: sqlFix('drop databases by hand, after a verified backup, outside the migration history (migrations run unattended on every environment)'),
          },
        ),
      );
    }
    return out;
  },
};
