import { nodeAs, strings } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'alter-domain-add-constraint',
  severity: 'warning',
  summary: 'ALTER DOMAIN … ADD CONSTRAINT checks every column of that domain in every table at once: add it NOT VALID.',
  references: ['Squawk: ban-alter-domain-with-add-constraint', 'PostgreSQL manual: ALTER DOMAIN'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const d = nodeAs(stmt.node, 'AlterDomainStmt');
      if (!d || d.subtype !== 'C') continue;
      const con = nodeAs(d.def, 'Constraint');
      if (!con || con.skip_validation) continue;
      const domain = strings(d.typeName).join('.');
      out.push(
        report(
          review,
          meta,
          review.pos(file, con.location ?? stmt.start, stmt),
          `ADD CONSTRAINT on domain ${domain} scans every column of type ${domain} in every table, holding a SHARE lock on each of those tables: writes to all of them wait until the last row is checked, and tables you did not think of use the domain too.`,
          {
            evidence: { domain, constraint: con.conname ?? null },
            fix: sqlFix(
              'add the CHECK NOT VALID (new values are checked at once), then VALIDATE CONSTRAINT in a later migration; or put the CHECK on the columns, where it can be added NOT VALID table by table',
              `ALTER DOMAIN ${domain} ADD CONSTRAINT ${con.conname ?? '<name>'} CHECK (…) NOT VALID;\n-- next migration:\nALTER DOMAIN ${domain} VALIDATE CONSTRAINT ${con.conname ?? '<name>'};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
