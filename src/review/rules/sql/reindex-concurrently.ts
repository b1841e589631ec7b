import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { nameAt } from '../../sql/catalog.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import { optionOn } from '../../sql/locks.js';

const meta = sqlMeta({
  name: 'reindex-concurrently',
  severity: 'warning',
  summary: 'Rebuild indexes of existing tables with REINDEX … CONCURRENTLY (PostgreSQL 12+).',
  references: ['Squawk: require-concurrent-reindex', 'PostgreSQL manual: REINDEX, Rebuilding Indexes Concurrently'],
});

const KIND: Record<string, string> = {
  REINDEX_OBJECT_INDEX: 'INDEX',
  REINDEX_OBJECT_TABLE: 'TABLE',
  REINDEX_OBJECT_SCHEMA: 'SCHEMA',
  REINDEX_OBJECT_DATABASE: 'DATABASE',
};

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const reindex = nodeAs(stmt.node, 'ReindexStmt');
      const kind = reindex ? KIND[reindex.kind ?? ''] : undefined;
      // REINDEX SYSTEM has no concurrent form.
      if (!reindex || !kind || optionOn(reindex.params, 'concurrently')) continue;
      let target = reindex.name ?? '';
      if (reindex.relation) {
        const rel = relName(reindex.relation);
        const table = kind === 'TABLE' ? review.table(stmt, rel) : review.catalog.indexNamed(rel, stmt.seq)?.table;
        if (table && !review.isExisting(file, stmt, table)) continue;
        target = kind === 'INDEX' && table ? `${displayRel(rel)} (on ${displayRel(nameAt(table, stmt.seq))})` : displayRel(rel);
      }
      const old = review.options.pgVersion < 12;
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `REINDEX ${kind} ${target} without CONCURRENTLY locks out writes to ${kind === 'INDEX' || kind === 'TABLE' ? 'the table' : 'each table'} for the whole rebuild, and holds ACCESS EXCLUSIVE on each index it rebuilds, so queries that would use it wait too${old ? ` (CONCURRENTLY needs PostgreSQL 12; sql.pgVersion is ${review.options.pgVersion}: build a new index concurrently and drop the old one instead)` : ''}.`,
          {
            evidence: { kind, target, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              old ? 'CREATE INDEX CONCURRENTLY a replacement, then DROP INDEX CONCURRENTLY the old one' : 'rebuild CONCURRENTLY, outside a transaction block; if it fails, drop the leftover INVALID index (…_ccnew) and retry',
              old ? undefined : `REINDEX ${kind} CONCURRENTLY ${kind === 'INDEX' || kind === 'TABLE' ? displayRel(relName(reindex.relation)) : (reindex.name ?? '')};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
