import type { SqlReview } from '../../sql/model.js';
import type { Rule } from '../../types.js';
import { rule as addColumnNotNullWithoutDefault } from './add-column-not-null-without-default.js';
import { rule as addColumnVolatileDefault } from './add-column-volatile-default.js';
import { rule as addConstraintNotValid } from './add-constraint-not-valid.js';
import { rule as alterColumnTypeRewrite } from './alter-column-type-rewrite.js';
import { rule as concurrentlyInTransaction } from './concurrently-in-transaction.js';
import { rule as createIndexConcurrently } from './create-index-concurrently.js';
import { rule as dropColumn } from './drop-column.js';
import { rule as dropIndexConcurrently } from './drop-index-concurrently.js';
import { rule as dropTable } from './drop-table.js';
import { rule as foreignKeyNeedsIndex } from './foreign-key-needs-index.js';
import { rule as mixedDdlAndBackfill } from './mixed-ddl-and-backfill.js';
import { rule as noChar } from './no-char.js';
import { rule as noMoney } from './no-money.js';
import { rule as preferBigintPrimaryKey } from './prefer-bigint-primary-key.js';
import { rule as preferIdentity } from './prefer-identity.js';
import { rule as preferText } from './prefer-text.js';
import { rule as preferTimestamptz } from './prefer-timestamptz.js';
import { rule as renameColumn } from './rename-column.js';
import { rule as renameTable } from './rename-table.js';
import { rule as requireLockTimeout } from './require-lock-timeout.js';
import { rule as requirePrimaryKey } from './require-primary-key.js';
import { rule as requireStatementTimeout } from './require-statement-timeout.js';
import { rule as setNotNullWithoutCheck } from './set-not-null-without-check.js';
import { rule as uniqueConstraintWithoutIndex } from './unique-constraint-without-index.js';
import { rule as validateInSameTransaction } from './validate-in-same-transaction.js';

/** Every SQL rule, in id order, opt-in ones included. */
export const rules: Rule<SqlReview>[] = [
  addColumnNotNullWithoutDefault,
  addColumnVolatileDefault,
  addConstraintNotValid,
  alterColumnTypeRewrite,
  concurrentlyInTransaction,
  createIndexConcurrently,
  dropColumn,
  dropIndexConcurrently,
  dropTable,
  foreignKeyNeedsIndex,
  mixedDdlAndBackfill,
  noChar,
  noMoney,
  preferBigintPrimaryKey,
  preferIdentity,
  preferText,
  preferTimestamptz,
  renameColumn,
  renameTable,
  requireLockTimeout,
  requirePrimaryKey,
  requireStatementTimeout,
  setNotNullWithoutCheck,
  uniqueConstraintWithoutIndex,
  validateInSameTransaction,
];

/** The rules a review runs unless `.archie.yaml` enables opt-in ones. */
export const defaultRules: Rule<SqlReview>[] = rules.filter((r) => !r.meta.optIn);
