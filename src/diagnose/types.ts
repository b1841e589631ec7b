import { z } from 'zod';
import type { Finding, Severity } from '../model/finding.js';
import type { Facts } from './_facts.js';
import type { Session } from './_session.js';

/**
 * Every number a check compares against, in one place. Defaults are production-sane; tests and
 * `--threshold key=value` may lower them to provoke a finding without waiting minutes.
 */
export const ThresholdsSchema = z
  .object({
    /** A table with fewer rows is never "large" (missing-index, plan-seq-scan, plan-nested-loop). */
    largeTableRows: z.number().min(0).default(10_000),
    /** missing-index: share of rows read by sequential scans (vs index fetches) that counts as "mostly". */
    seqScanShare: z.number().min(0).max(1).default(0.5),
    /** missing-index: fewer sequential scans than this are not a pattern. */
    minSeqScans: z.number().min(0).default(5),
    /**
     * missing-index: share of scans (not rows) that were sequential. Below it the table is read
     * through its indexes (PgHero's rule: index used less than 95% of the time), whatever a few
     * full scans (CREATE INDEX builds, a nightly export) added to the row counts.
     */
    seqScanShareOfScans: z.number().min(0).max(1).default(0.05),
    /** top-queries: how many queries to list per ordering (total time, mean time, calls). */
    topQueries: z.number().int().min(1).max(100).default(5),
    /** top-queries: a query is a warning when its mean time, calls and share all reach these. */
    slowQueryMeanMs: z.number().min(0).default(250),
    slowQueryMinCalls: z.number().min(0).default(10),
    slowQueryMinShare: z.number().min(0).max(1).default(0.05),
    /** unused-index: an unused index this large is a warning (smaller ones are info)... */
    unusedIndexWarnBytes: z.number().min(0).default(64 * 1024 * 1024),
    /** ...and one smaller than this is not worth a line (the indexes of tiny tables). */
    unusedIndexMinBytes: z.number().min(0).default(256 * 1024),
    /** blocking-locks: wait times (seconds) for warning and error. */
    blockedWarnSeconds: z.number().min(0).default(5),
    blockedErrorSeconds: z.number().min(0).default(60),
    /** long-running-query: seconds a query has been active. */
    longQueryWarnSeconds: z.number().min(0).default(60),
    longQueryErrorSeconds: z.number().min(0).default(1800),
    /** idle-in-transaction: seconds a session has sat idle inside a transaction. */
    idleInTransactionWarnSeconds: z.number().min(0).default(30),
    idleInTransactionErrorSeconds: z.number().min(0).default(600),
    /** connections: share of usable connections in use. */
    connectionsWarnRatio: z.number().min(0).max(1).default(0.8),
    connectionsErrorRatio: z.number().min(0).max(1).default(0.95),
    /** connections: share of --pool-size in use. */
    poolWarnRatio: z.number().min(0).max(1).default(0.8),
    /** cache-hit-ratio: below warn is a warning, below info is advice; judged only past minBlocks. */
    cacheHitWarn: z.number().min(0).max(1).default(0.9),
    cacheHitInfo: z.number().min(0).max(1).default(0.99),
    cacheMinBlocks: z.number().min(0).default(10_000),
    /** cache-hit-ratio: with less statistics history than this (seconds), misses are a cold cache: advice only. */
    cacheWarmupSeconds: z.number().min(0).default(3600),
    /** table-bloat / index-bloat: estimated waste as a share of the relation and in bytes. */
    bloatInfoRatio: z.number().min(0).max(1).default(0.3),
    bloatInfoBytes: z.number().min(0).default(8 * 1024 * 1024),
    bloatWarnRatio: z.number().min(0).max(1).default(0.5),
    bloatWarnBytes: z.number().min(0).default(256 * 1024 * 1024),
    /** dead-tuples: dead share of all tuples and the absolute floor. */
    deadTupleRatio: z.number().min(0).max(1).default(0.2),
    deadTupleMin: z.number().min(0).default(10_000),
    /** stale-statistics: modifications since the last analyze, as a multiple of autovacuum's own trigger. */
    staleStatsFactor: z.number().min(0).default(2),
    /** xid-wraparound: fraction of the ~2.1 billion transaction ID space used. */
    wraparoundWarnFraction: z.number().min(0).max(1).default(0.4),
    wraparoundErrorFraction: z.number().min(0).max(1).default(0.7),
    /** sequence-exhaustion: fraction of the sequence's range used. */
    sequenceWarnFraction: z.number().min(0).max(1).default(0.75),
    sequenceErrorFraction: z.number().min(0).max(1).default(0.9),
    /** int-pk-exhaustion: fraction of the column type's range used (converting takes time: warn early). */
    intPkWarnFraction: z.number().min(0).max(1).default(0.5),
    intPkErrorFraction: z.number().min(0).max(1).default(0.8),
    /** plan-row-misestimate: actual vs estimated rows factor, and the rows that make it matter. */
    misestimateFactor: z.number().min(1).default(10),
    misestimateMinRows: z.number().min(0).default(1000),
    /** replication-lag: how far a standby may be behind, in seconds of replay and bytes of WAL. */
    replicationLagWarnSeconds: z.number().min(0).default(60),
    replicationLagErrorSeconds: z.number().min(0).default(600),
    replicationLagWarnBytes: z.number().min(0).default(64 * 1024 * 1024),
    replicationLagErrorBytes: z.number().min(0).default(1024 * 1024 * 1024),
    /** replication-slots: WAL an inactive slot may hold back before it is a warning / an error. */
    slotRetainedWarnBytes: z.number().min(0).default(1024 * 1024 * 1024),
    slotRetainedErrorBytes: z.number().min(0).default(16 * 1024 * 1024 * 1024),
    /** relation-sizes: a table (with its indexes and TOAST) at least this large is listed. */
    relationSizeInfoBytes: z.number().min(0).default(10 * 1024 * 1024 * 1024),
  })
  .strict();
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type ThresholdKey = keyof Thresholds;

export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});

/** What the caller may know about the database machine (settings advice uses it). */
export interface MachineInfo {
  memoryBytes?: number;
  cpus?: number;
}

export interface DiagnoseOptions {
  /** The application's connection pool size (all instances together). */
  poolSize?: number;
  /** Run only these checks (ids). */
  checks?: string[];
  /** Skip these checks (ids). */
  skip?: string[];
  thresholds?: Partial<Thresholds>;
  /** Machine size; detected when the server is on this host and nothing is given. */
  machine?: MachineInfo;
  /** Per statement, milliseconds (default 5000). */
  statementTimeoutMs?: number;
  /** Per lock wait, milliseconds (default 1000). */
  lockTimeoutMs?: number;
  /** Connection establishment, milliseconds (default 10000). */
  connectTimeoutMs?: number;
  /**
   * Wrap every statement in its own read-only transaction and read pg_locks before it ends, so the
   * report says exactly which locks archie held (costs one extra round trip per statement).
   */
  auditLocks?: boolean;
  /** Called before each check runs (progress output). */
  onProgress?: (checkId: string) => void;
}

/** What one check receives. Facts are shared and fetched at most once per run. */
export interface CheckContext {
  session: Session;
  facts: Facts;
  server: ServerInfo;
  thresholds: Thresholds;
  poolSize: number | undefined;
  machine: ResolvedMachine;
  /** Add a line to the report's notes (approximations, context). Deduplicated. */
  note(text: string): void;
  /**
   * Say that the check could not look at all of what it covers (a missing privilege, extension or
   * statistic), and what would let it. The check may still return what it did find; the run is
   * then not a clean bill of health and exits non-zero. Called several times, the reasons add up.
   */
  couldNotCheck(reason: string, remedy?: string): void;
  /** What the check looked at, for the summary ("412 tables"). */
  examined(what: string): void;
}

export interface ResolvedMachine {
  memoryBytes: number | undefined;
  cpus: number | undefined;
  /** Where the numbers came from: "given", "local host", or "unknown". */
  source: 'given' | 'local host' | 'unknown';
}

export interface ServerInfo {
  versionNum: number;
  version: string;
  database: string;
  databaseOid: number;
  user: string;
  isSuperuser: boolean;
  /** Member of pg_read_all_stats (sees every session's query text and pg_stat_statements text). */
  readAllStats: boolean;
  blockSize: number;
  backendPid: number;
  inRecovery: boolean;
}

/** A diagnose check: one module in `src/diagnose/checks/<id>.ts`, docs in `docs/diagnose/<id>.md`. */
export interface Check {
  id: string;
  /** The most severe finding this check can produce. */
  severity: Severity;
  /** One line: what the check looks for. */
  summary: string;
  /** Repository-relative docs page. */
  docs: string;
  run(ctx: CheckContext): Promise<Finding[]>;
}

/**
 * `ok`: looked at everything it covers and found nothing. `findings`: looked at everything and
 * found something. `could-not-check`: some or all of what it covers was out of reach (the
 * findings it did make are still reported); `message` says what and `remedy` what would let it.
 */
export type CheckStatus = 'ok' | 'findings' | 'could-not-check';

export interface CheckResult {
  id: string;
  status: CheckStatus;
  findings: number;
  /** What the check looked at ("412 tables"), when it got that far. */
  examined?: string;
  /** Why it could not check (all of it, or which part). */
  message?: string;
  /** The grant, setting or extension that would let it check. */
  remedy?: string;
}

export interface LockAudit {
  /** Statements audited. */
  statements: number;
  /** Strongest relation-level lock mode taken, e.g. `AccessShareLock`; null if none. */
  strongestRelationLock: string | null;
  /** Relation lock modes with how many statement-relation pairs held each. */
  relationLocks: Record<string, number>;
  /** True if any statement was assigned a transaction ID (that would mean a write). */
  assignedTransactionId: boolean;
  /** Locks stronger than AccessShareLock, with the relation and the statement label. */
  violations: { mode: string; relation: string; statement: string }[];
}

export interface TopAction {
  ruleId: string;
  severity: Severity;
  object: string;
  message: string;
  fix?: string;
}

export interface DiagnoseReport {
  target: {
    /** The URL with the password removed. */
    url: string;
    database: string;
    serverVersion: string;
    serverVersionNum: number;
  };
  summary: {
    error: number;
    warning: number;
    info: number;
    /** Checks run, and how many of them could not look at all they cover. */
    checksRun: number;
    couldNotCheck: number;
    /** What the run looked at, e.g. "412 tables, 903 indexes, 12 sequences, 37 sessions". */
    examined: string;
    /** True only when every check looked at everything and nothing is a warning or an error. */
    healthy: boolean;
    /** Up to three warnings or errors, most important first. */
    doNow: TopAction[];
  };
  findings: Finding[];
  checks: CheckResult[];
  notes: string[];
  locks?: LockAudit;
}

export interface ExplainOptions {
  /** Run EXPLAIN (ANALYZE, BUFFERS): this EXECUTES the query, inside a transaction that is rolled back. */
  analyze?: boolean;
  /** With analyze: allow data-modifying statements (still rolled back). */
  allowWrites?: boolean;
  thresholds?: Partial<Thresholds>;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export interface ExplainReport {
  target: DiagnoseReport['target'];
  /** The query as explained (literals kept: the user typed it). */
  query: string;
  analyzed: boolean;
  /** True when the query had $n parameters and a generic plan was explained. */
  genericPlan: boolean;
  planningMs: number | null;
  executionMs: number | null;
  totalCost: number;
  findings: Finding[];
  /** One line per plan node, indented, for reading the plan at a glance. */
  outline: string[];
  /** The plan as PostgreSQL returned it (EXPLAIN FORMAT JSON). */
  plan: unknown;
}
