import { nodeAs, relName, displayRel } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import type { SqlFile, SqlStatement } from '../../sql/model.js';
import { scanSql } from '../../sql/parse.js';

const meta = sqlMeta({
  name: 'create-index-concurrently',
  severity: 'error',
  summary: 'Create indexes on existing tables with CREATE INDEX CONCURRENTLY.',
  references: ['PostgreSQL manual: CREATE INDEX, Building Indexes Concurrently'],
});

/** The statement as written, with CONCURRENTLY inserted after INDEX (found with the lexer). */
function withConcurrently(file: SqlFile, stmt: SqlStatement): string | undefined {
  const text = file.source.sliceBytes(stmt.start, stmt.end);
  const bytes = Buffer.from(text, 'utf8');
  const index = scanSql(text).find((t) => t.text.toUpperCase() === 'INDEX');
  if (!index) return undefined;
  const head = bytes.subarray(0, index.end).toString('utf8');
  const tail = bytes.subarray(index.end).toString('utf8').replace(/[\s;]+$/, '');
  return `${head} CONCURRENTLY${tail};`;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const index = nodeAs(stmt.node, 'IndexStmt');
      if (!index || index.concurrent || !index.relation) continue;
      const table = review.table(stmt, index.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(index.relation));
      if (table?.partitioned) {
        out.push(
          report(
            review,
            meta,
            review.pos(file, stmt.start),
            `CREATE INDEX on existing partitioned table ${label} locks every partition against writes (SHARE lock) until all the indexes are built. CONCURRENTLY is not supported on a partitioned table, so build it partition by partition.`,
            {
              evidence: { table: label, lock: 'SHARE' },
              fix: sqlFix(
                'create the parent index ON ONLY the partitioned table (instant, invalid), build each partition\'s index CONCURRENTLY, then attach each one; the parent index becomes valid when all are attached',
                `CREATE INDEX ${index.idxname ?? 'parent_idx'} ON ONLY ${label} (…);\nCREATE INDEX CONCURRENTLY partition_1_idx ON partition_1 (…);\nALTER INDEX ${index.idxname ?? 'parent_idx'} ATTACH PARTITION partition_1_idx;`,
              ),
            },
          ),
        );
        continue;
      }
      const code = withConcurrently(file, stmt);
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX on existing table ${label} without CONCURRENTLY holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on ${label} waits until the index is finished.`,
          {
            evidence: { table: label, lock: 'SHARE' },
            fix: sqlFix(
              'build it CONCURRENTLY, outside any transaction block (in its own migration, with the tool\'s no-transaction switch); if it fails, DROP INDEX CONCURRENTLY the INVALID leftover and retry',
              code,
            ),
          },
        ),
      );
    }
    return out;
  },
};
