import { displayRel, nodeAs, relName } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import { optionOn } from '../../sql/locks.js';

const meta = sqlMeta({
  name: 'vacuum-full-or-cluster',
  severity: 'warning',
  summary: 'VACUUM FULL and CLUSTER rewrite existing tables under an ACCESS EXCLUSIVE lock: use REPACK (CONCURRENTLY) or pg_repack.',
  references: ['Squawk: prefer-repack', 'PostgreSQL manual: VACUUM, CLUSTER'],
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const vacuum = nodeAs(stmt.node, 'VacuumStmt');
      const cluster = nodeAs(stmt.node, 'ClusterStmt');
      let what: string;
      let tables: string[];
      if (vacuum?.is_vacuumcmd && optionOn(vacuum.options, 'full')) {
        what = 'VACUUM FULL';
        const rels = (vacuum.rels ?? []).map((r) => nodeAs(r, 'VacuumRelation')?.relation).filter((r) => r !== undefined);
        if (rels.length > 0 && rels.every((r) => !review.isExisting(file, stmt, review.table(stmt, r)))) continue;
        tables = rels.map((r) => displayRel(relName(r)));
      } else if (cluster) {
        what = 'CLUSTER';
        if (cluster.relation && !review.isExisting(file, stmt, review.table(stmt, cluster.relation))) continue;
        tables = cluster.relation ? [displayRel(relName(cluster.relation))] : [];
      } else continue;
      const on = tables.length > 0 ? tables.join(', ') : 'every table of the database';
      const repack = review.options.pgVersion >= 19;
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `${what} rewrites ${on} into a new file while holding an ACCESS EXCLUSIVE lock: no reads or writes until the copy and its index rebuilds finish, which takes as long as the table is big.`,
          {
            evidence: { statement: what, tables: tables.join(', ') || null, lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              repack
                ? 'use REPACK (CONCURRENTLY), which rewrites the table while reads and writes go on'
                : `use the pg_repack (or pg_squeeze) extension, which rewrites the table online; PostgreSQL 19 has REPACK (CONCURRENTLY) built in (sql.pgVersion is ${review.options.pgVersion})`,
              repack ? `REPACK (CONCURRENTLY) ${tables.join(', ')};` : undefined,
            ),
          },
        ),
      );
    }
    return out;
  },
};
