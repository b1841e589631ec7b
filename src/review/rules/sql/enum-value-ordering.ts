import { nodeAs, strings } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'enum-value-ordering',
  severity: 'info',
  summary: 'ALTER TYPE … ADD VALUE should say where the value goes (BEFORE or AFTER): enum values sort by position.',
  references: ['Squawk: require-enum-value-ordering', 'PostgreSQL manual: ALTER TYPE'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const e = nodeAs(stmt.node, 'AlterEnumStmt');
      if (!e || e.oldVal !== undefined || e.newVal === undefined || e.newValNeighbor !== undefined) continue;
      const type = strings(e.typeName).join('.');
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `ADD VALUE '${e.newVal}' to ${type} without BEFORE or AFTER puts it last: enum values compare and sort by their position, so ORDER BY, <, > and ranges over ${type} treat '${e.newVal}' as greater than every existing value, whether or not that is what it means.`,
          {
            evidence: { type, value: e.newVal },
            fix: sqlFix('state the position, even when last is right, so the ordering is a decision', `ALTER TYPE ${type} ADD VALUE '${e.newVal}' AFTER '<existing value>';`),
          },
        ),
      );
    }
    return out;
  },
};
