import { displayType, quoteIdent } from '../../sql/ast.js';
import { simpleNameAt } from '../../sql/catalog.js';
import { finalColumns, typeLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'no-char',
  severity: 'warning',
  summary: 'Do not use char(n): it pads with spaces and saves nothing.',
  references: ['PostgreSQL wiki: Don\'t Do This (char(n))'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      // bpchar is char(n); "char" (quoted) is the one-byte internal type: no padding, and fine as a compact flag.
      if (type.type.name !== 'bpchar' || type.type.schema !== null) continue;
      const label = typeLabel(table, column, type);
      const col = quoteIdent(simpleNameAt(column, type.from + 0.5));
      out.push(
        report(
          review,
          meta,
          type.pos,
          `${label} is ${displayType(type.type)}: values are padded with spaces to the full length, the padding is ignored by some operations and not others (comparison vs LIKE, concatenation, casts), and it takes as much space as text. Fixed-length codes are better as text with a CHECK.`,
          {
            evidence: { column: label, type: displayType(type.type) },
            fix: sqlFix('use text, with a CHECK when the length is fixed', `${col} text CHECK (char_length(${col}) = ${type.type.mods[0] ?? 1})`),
          },
        ),
      );
    }
    return out;
  },
};
