import type { Node } from 'libpg-query';
import { nodeAs } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import { optionOn } from '../../sql/locks.js';

const meta = sqlMeta({
  name: 'concurrently-in-transaction',
  severity: 'error',
  summary: 'Statements that cannot run inside a transaction block (… CONCURRENTLY, VACUUM, CREATE/DROP DATABASE, …) must not be in one.',
});

/** The statement as it reads in a message, when PostgreSQL refuses it inside a transaction block. */
export function nonTransactional(node: Node, pgVersion: number): string | undefined {
  const index = nodeAs(node, 'IndexStmt');
  if (index?.concurrent) return 'CREATE INDEX CONCURRENTLY';
  const drop = nodeAs(node, 'DropStmt');
  if (drop?.concurrent) return 'DROP INDEX CONCURRENTLY';
  const reindex = nodeAs(node, 'ReindexStmt');
  if (reindex) {
    if (optionOn(reindex.params, 'concurrently')) return 'REINDEX CONCURRENTLY';
    if (reindex.kind === 'REINDEX_OBJECT_SYSTEM' || reindex.kind === 'REINDEX_OBJECT_DATABASE') return `REINDEX ${reindex.kind === 'REINDEX_OBJECT_SYSTEM' ? 'SYSTEM' : 'DATABASE'}`;
  }
  const alter = nodeAs(node, 'AlterTableStmt');
  for (const c of alter?.cmds ?? []) {
    const cmd = nodeAs(c, 'AlterTableCmd');
    if (cmd?.subtype === 'AT_DetachPartition' && nodeAs(cmd.def, 'PartitionCmd')?.concurrent) return 'DETACH PARTITION CONCURRENTLY';
  }
  const vacuum = nodeAs(node, 'VacuumStmt');
  if (vacuum?.is_vacuumcmd) return 'VACUUM';
  if (nodeAs(node, 'CreatedbStmt')) return 'CREATE DATABASE';
  if (nodeAs(node, 'DropdbStmt')) return 'DROP DATABASE';
  if (nodeAs(node, 'CreateTableSpaceStmt')) return 'CREATE TABLESPACE';
  if (nodeAs(node, 'DropTableSpaceStmt')) return 'DROP TABLESPACE';
  if (nodeAs(node, 'AlterSystemStmt')) return 'ALTER SYSTEM';
  const cluster = nodeAs(node, 'ClusterStmt');
  if (cluster && !cluster.relation) return 'CLUSTER (every table)';
  if (pgVersion < 12 && nodeAs(node, 'AlterEnumStmt')?.newVal !== undefined && nodeAs(node, 'AlterEnumStmt')?.oldVal === undefined) return 'ALTER TYPE … ADD VALUE (before PostgreSQL 12)';
  return undefined;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      if (!stmt.inTransaction) continue;
      const what = nonTransactional(stmt.node, review.options.pgVersion);
      if (!what) continue;
      const explicit = stmt.block !== null;
      // A file of one statement: tools that wrap files (Flyway, Rails with disable_ddl_transaction!)
      // are expected to run it on its own, as Squawk assumes too.
      if (!explicit && file.statements.length === 1) continue;
      const begin = explicit ? file.statements.find((s) => s.block === stmt.block) : undefined;
      const line = begin ? file.source.position(begin.start).line : undefined;
      const where = begin
        ? `inside the transaction block opened on line ${line}`
        : `in a file the migration tool runs as one transaction (it has no transaction control of its own${review.options.assumeInTransaction ? '; assumeInTransaction is on' : ''})`;
      out.push(
        report(
          review,
          meta,
          review.pos(file, stmt.start),
          `${what} ${where}: PostgreSQL refuses it ("cannot run inside a transaction block"), so this migration fails when it runs.`,
          {
            evidence: { statement: what, beginLine: line ?? null, wrappedByTool: !explicit },
            ...(begin ? { related: [{ at: review.pos(file, begin.start), message: 'transaction block opened here' }] } : {}),
            fix: sqlFix(
              'move the statement into a migration of its own that the tool runs without a transaction (Flyway: alone in its file; Rails: disable_ddl_transaction!; dbmate: -- migrate:up transaction:false; golang-migrate: one statement per file), out of any BEGIN … COMMIT',
            ),
          },
        ),
      );
    }
    return out;
  },
};
