import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'truncate-cascade',
  severity: 'error',
  summary: 'TRUNCATE … CASCADE also empties every table that references these, recursively.',
  references: ['Squawk: ban-truncate-cascade', 'PostgreSQL manual: TRUNCATE'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const truncate = nodeAs(stmt.node, 'TruncateStmt');
      if (!truncate || truncate.behavior !== 'DROP_CASCADE') continue;
      const names = (truncate.relations ?? []).map((r) => displayRel(relName(nodeAs(r, 'RangeVar'))));
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `TRUNCATE ${names.join(', ')} CASCADE also truncates every table with a foreign key to ${names.length === 1 ? 'it' : 'them'}, and the tables referencing those, without naming them: a new foreign key added later silently widens what this statement deletes. It takes ACCESS EXCLUSIVE locks on all of them.`,
          {
            evidence: { tables: names.join(', ') },
            fix: sqlFix('name every table to empty in the TRUNCATE and leave CASCADE out, so PostgreSQL refuses when a referencing table was forgotten', `TRUNCATE ${names.join(', ')}, <referencing tables>;`),
          },
        ),
      );
    }
    return out;
  },
};
