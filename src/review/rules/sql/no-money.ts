import { finalColumns, typeLabel, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'no-money',
  severity: 'warning',
  summary: 'Do not use the money type: its format and precision depend on the server locale.',
  references: ['PostgreSQL wiki: Don\'t Do This (money)'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { table, column, type } of finalColumns(review)) {
      if (type.type.name !== 'money' || type.type.schema !== null) continue;
      const label = typeLabel(table, column, type);
      out.push(
        report(
          review,
          meta,
          type.pos,
          `${label} is money: its input and output follow the lc_monetary setting, its fractional digits are fixed by that locale, and it carries no currency, so a dump restored under another locale can change what the values mean. Store an exact numeric (or integer minor units) and the currency next to it.`,
          {
            evidence: { column: label, type: 'money' },
            fix: sqlFix('use numeric with an explicit scale and a currency column, or bigint minor units', 'amount numeric(19,4) NOT NULL,\ncurrency text NOT NULL CHECK (char_length(currency) = 3) -- ISO 4217 code'),
          },
        ),
      );
    }
    return out;
  },
};
