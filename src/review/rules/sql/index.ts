import type { SqlReview } from '../../sql/model.js';
import type { Rule } from '../../types.js';
import { rule as addColumnNotNullWithoutDefault } from './add-column-not-null-without-default.js';
import { rule as addColumnVolatileDefault } from './add-column-volatile-default.js';
import { rule as addConstraintNotValid } from './add-constraint-not-valid.js';
import { rule as addExclusionConstraint } from './add-exclusion-constraint.js';
import { rule as alterColumnTypeRewrite } from './alter-column-type-rewrite.js';
import { rule as alterDomainAddConstraint } from './alter-domain-add-constraint.js';
import { rule as concurrentlyInTransaction } from './concurrently-in-transaction.js';
import { rule as createDomainConstraint } from './create-domain-constraint.js';
import { rule as createIndexConcurrently } from './create-index-concurrently.js';
import { rule as detachPartitionConcurrently } from './detach-partition-concurrently.js';
import { rule as dropColumn } from './drop-column.js';
import { rule as dropDatabase } from './drop-database.js';
import { rule as dropIndexConcurrently } from './drop-index-concurrently.js';
import { rule as dropNotNull } from './drop-not-null.js';
import { rule as dropTable } from './drop-table.js';
import { rule as duplicateColumn } from './duplicate-column.js';
import { rule as enumValueOrdering } from './enum-value-ordering.js';
import { rule as foreignKeyNeedsIndex } from './foreign-key-needs-index.js';
import { rule as identifierTooLong } from './identifier-too-long.js';
import { rule as indexTooManyColumns } from './index-too-many-columns.js';
import { rule as mixedDdlAndBackfill } from './mixed-ddl-and-backfill.js';
import { rule as noChar } from './no-char.js';
import { rule as noMoney } from './no-money.js';
import { rule as preferBigintOverInt } from './prefer-bigint-over-int.js';
import { rule as preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';
import { rule as preferBigintPrimaryKey } from './prefer-bigint-primary-key.js';
import { rule as preferIdentity } from './prefer-identity.js';
import { rule as preferJsonb } from './prefer-jsonb.js';
import { rule as preferRobustStmts } from './prefer-robust-stmts.js';
import { rule as preferText } from './prefer-text.js';
import { rule as preferTimestamptz } from './prefer-timestamptz.js';
import { rule as reindexConcurrently } from './reindex-concurrently.js';
import { rule as renameColumn } from './rename-column.js';
import { rule as renameEnumValue } from './rename-enum-value.js';
import { rule as renameSchema } from './rename-schema.js';
import { rule as renameTable } from './rename-table.js';
import { rule as requireLockTimeout } from './require-lock-timeout.js';
import { rule as requirePrimaryKey } from './require-primary-key.js';
import { rule as requireStatementTimeout } from './require-statement-timeout.js';
import { rule as requireTableSchema } from './require-table-schema.js';
import { rule as setNotNullWithoutCheck } from './set-not-null-without-check.js';
import { rule as transactionNesting } from './transaction-nesting.js';
import { rule as truncateCascade } from './truncate-cascade.js';
import { rule as uncommittedTransaction } from './uncommitted-transaction.js';
import { rule as uniqueConstraintWithoutIndex } from './unique-constraint-without-index.js';
import { rule as vacuumFullOrCluster } from './vacuum-full-or-cluster.js';
import { rule as validateInSameTransaction } from './validate-in-same-transaction.js';

/** Every SQL rule, in id order, opt-in ones included. */
export const rules: Rule<SqlReview>[] = [
  addColumnNotNullWithoutDefault,
  addColumnVolatileDefault,
  addConstraintNotValid,
  addExclusionConstraint,
  alterColumnTypeRewrite,
  alterDomainAddConstraint,
  concurrentlyInTransaction,
  createDomainConstraint,
  createIndexConcurrently,
  detachPartitionConcurrently,
  dropColumn,
  dropDatabase,
  dropIndexConcurrently,
  dropNotNull,
  dropTable,
  duplicateColumn,
  enumValueOrdering,
  foreignKeyNeedsIndex,
  identifierTooLong,
  indexTooManyColumns,
  mixedDdlAndBackfill,
  noChar,
  noMoney,
  preferBigintOverInt,
  preferBigintOverSmallint,
  preferBigintPrimaryKey,
  preferIdentity,
  preferJsonb,
  preferRobustStmts,
  preferText,
  preferTimestamptz,
  reindexConcurrently,
  renameColumn,
  renameEnumValue,
  renameSchema,
  renameTable,
  requireLockTimeout,
  requirePrimaryKey,
  requireStatementTimeout,
  requireTableSchema,
  setNotNullWithoutCheck,
  transactionNesting,
  truncateCascade,
  uncommittedTransaction,
  uniqueConstraintWithoutIndex,
  vacuumFullOrCluster,
  validateInSameTransaction,
];

/** The rules a review runs unless `.archie.yaml` enables opt-in ones. */
export const defaultRules: Rule<SqlReview>[] = rules.filter((r) => !r.meta.optIn);
