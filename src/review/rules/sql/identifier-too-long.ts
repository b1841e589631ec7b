import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import { scanSql } from '../../sql/parse.js';
import { truncateIdentifier } from './duplicate-column.js';

const meta = sqlMeta({
  name: 'identifier-too-long',
  severity: 'warning',
  summary: 'Identifiers longer than 63 bytes are silently truncated by PostgreSQL.',
  references: ['Squawk: identifier-too-long', 'PostgreSQL manual: Identifiers and Key Words (NAMEDATALEN)'],
});

/** The identifier a lexer token stands for: quoted ones unquoted, bare ones folded to lower case. */
function identifierOf(text: string): string {
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) return text.slice(1, -1).replace(/""/g, '"');
  return text.toLowerCase();
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const text = file.source.sliceBytes(stmt.start, stmt.end);
      if (stmt.end - stmt.start < 64) continue;
      for (const t of scanSql(text)) {
        if (t.tokenName !== 'IDENT') continue;
        const name = identifierOf(t.text);
        const bytes = Buffer.byteLength(name, 'utf8');
        if (bytes <= 63) continue;
        const kept = truncateIdentifier(name);
        out.push(
          report(
            review,
            meta,
            review.pos(file, stmt.start + t.start),
            `identifier "${name}" is ${bytes} bytes: PostgreSQL keeps only the first 63 ("${kept}"), so the object gets a name that differs from the one in your code, and two long names with the same start collide.`,
            {
              evidence: { identifier: name, bytes, truncatedTo: kept },
              fix: sqlFix('shorten the name to at most 63 bytes (characters outside ASCII take 2 to 4 bytes each)'),
            },
          ),
        );
      }
    }
    return out;
  },
};
