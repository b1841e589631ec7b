import type { Check } from '../types.js';
import { check as blockingLocks } from './blocking-locks.js';
import { check as cacheHitRatio } from './cache-hit-ratio.js';
import { check as connections } from './connections.js';
import { check as deadTuples } from './dead-tuples.js';
import { check as duplicateIndex } from './duplicate-index.js';
import { check as idleInTransaction } from './idle-in-transaction.js';
import { check as indexBloat } from './index-bloat.js';
import { check as intPkExhaustion } from './int-pk-exhaustion.js';
import { check as invalidConstraint } from './invalid-constraint.js';
import { check as invalidIndex } from './invalid-index.js';
import { check as intFkExhaustion } from './int-fk-exhaustion.js';
import { check as relationSizes } from './relation-sizes.js';
import { check as longRunningQuery } from './long-running-query.js';
import { check as missingIndex } from './missing-index.js';
import { check as replicationLag } from './replication-lag.js';
import { check as replicationSlots } from './replication-slots.js';
import { check as sequenceExhaustion } from './sequence-exhaustion.js';
import { check as settings } from './settings.js';
import { check as staleStatistics } from './stale-statistics.js';
import { check as tableBloat } from './table-bloat.js';
import { check as topQueries } from './top-queries.js';
import { check as unusedIndex } from './unused-index.js';
import { check as xidWraparound } from './xid-wraparound.js';

/** Every diagnose check, in the order they run (sessions first: they change fastest). */
export const CHECKS: readonly Check[] = [
  blockingLocks,
  longRunningQuery,
  idleInTransaction,
  connections,
  replicationLag,
  replicationSlots,
  topQueries,
  missingIndex,
  unusedIndex,
  duplicateIndex,
  invalidIndex,
  invalidConstraint,
  cacheHitRatio,
  tableBloat,
  indexBloat,
  deadTuples,
  staleStatistics,
  xidWraparound,
  sequenceExhaustion,
  intPkExhaustion,
  intFkExhaustion,
  relationSizes,
  settings,
];
