import { displayType, quoteIdent } from './ast.js';
import { simpleNameAt } from './catalog.js';
import { finalColumns, report, sqlFix, sqlMeta, typeLabel, type SqlRule } from './kit.js';

/** A rule that wants bigint instead of a narrower integer type (opt-in: a bounded value may fit). */
export function bigintRule(o: { name: string; types: string[]; bits: number; max: string; summary: string; peer: string }): SqlRule {
  const meta = sqlMeta({ name: o.name, severity: 'info', summary: o.summary, references: [o.peer], optIn: true });
  const types = new Set(o.types);
  return {
    meta,
    check(review) {
      const out = [];
      for (const { table, column, type } of finalColumns(review)) {
        const t = type.type;
        if (!types.has(t.name) || t.schema !== null) continue;
        // A single-column int4 primary key is prefer-bigint-primary-key's.
        if (o.bits === 32 && !t.array && table.constraints.some((c) => c.kind === 'primary' && c.droppedAt === null && c.columns.length === 1 && c.columns[0] === column)) continue;
        const label = typeLabel(table, column, type);
        const serial = t.name.startsWith('serial');
        const target = { ...t, name: serial ? 'serial8' : 'int8' };
        out.push(
          report(
            review,
            meta,
            type.pos,
            `${label} is ${displayType(t)} (${o.bits}-bit): values stop at ${o.max}, and widening it later rewrites the table and its indexes under an ACCESS EXCLUSIVE lock. bigint costs ${o.bits === 32 ? 4 : 6} more bytes per row.`,
            {
              evidence: { column: label, type: displayType(t), maxValue: o.max },
              fix: sqlFix(`declare it ${displayType(target)}, unless a CHECK bounds the value well below ${o.max}`, `${quoteIdent(simpleNameAt(column, type.from + 0.5))} ${displayType(target)}`),
            },
          ),
        );
      }
      return out;
    },
  };
}
