import { constraints, nodeAs, strings } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'create-domain-constraint',
  severity: 'info',
  summary: 'Prefer CHECK constraints on columns to constraints on domains: a domain constraint is hard to change later and NOT NULL on a domain is not always enforced.',
  references: ['Squawk: ban-create-domain-with-constraint', 'PostgreSQL manual: CREATE DOMAIN, Notes'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const d = nodeAs(stmt.node, 'CreateDomainStmt');
      if (!d) continue;
      const cons = constraints(d.constraints).filter((c) => c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_NOTNULL');
      const first = cons[0];
      if (!first) continue;
      const domain = strings(d.domainname).join('.');
      const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL');
      out.push(
        report(
          review,
          meta,
          review.pos(file, first.location ?? stmt.start, stmt),
          `domain ${domain} carries ${cons.length === 1 ? 'a constraint' : `${cons.length} constraints`}: changing ${cons.length === 1 ? 'it' : 'them'} later means ALTER DOMAIN, which checks every column of the domain in every table under lock${notNull ? ', and a domain NOT NULL is not enforced for values that come from outer joins, composite types or PL/pgSQL variables' : ''}.`,
          {
            evidence: { domain, constraints: cons.length },
            fix: sqlFix('declare the domain without constraints (or not at all) and put NOT NULL and CHECK on the columns that use it, where each table can change them on its own'),
          },
        ),
      );
    }
    return out;
  },
};
