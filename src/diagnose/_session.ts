import { readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { ArchieError } from '../errors.js';
import { classifyConnectError, DiagnoseConnectError } from './_connect-error.js';
import { redactText, type Target } from './_url.js';
import { formatBytes } from './_util.js';
import type { LockAudit } from './types.js';

/** Every statement archie sends starts with this comment, so it can be recognised (and excluded). */
export const SQL_TAG = '/* archie-diagnose */';
export const APPLICATION_NAME = 'archie-diagnose';

/** Relation lock modes from weakest to strongest. */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

export interface SessionOptions {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  connectTimeoutMs: number;
  auditLocks: boolean;
  /** Turn JIT off for archie's own catalog queries (never for a user's EXPLAIN). */
  jitOff: boolean;
  /** Pin search_path to pg_catalog so user objects cannot shadow what archie calls. */
  catalogSearchPath: boolean;
  /** Bytes one reply may take before archie cuts the connection (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
}

/**
 * How long archie waits for any reply on its side of the wire, beyond the server's own
 * statement_timeout: a server that stalls mid-reply (or a peer that is not PostgreSQL) never
 * cancels anything, so the client gives up by itself and closes the connection.
 */
export function replyDeadlineMs(statementTimeoutMs: number): number {
  return Math.round(statementTimeoutMs + Math.max(2000, statementTimeoutMs / 2));
}

/** More than this many bytes in answer to one statement is not a catalog query: the peer is hostile or broken. */
export const MAX_REPLY_BYTES = 256 * 1024 * 1024;

/** Closing politely waits this long for the server before the socket is dropped. */
const CLOSE_GRACE_MS = 1000;

type Row = Record<string, unknown>;
type Querier = (sql: string, params?: unknown[]) => Promise<Row[]>;

/** A query failed in a way a check reports (timeout, lock, permission), not a bug. */
export class QueryError extends Error {
  readonly sqlState: string | undefined;
  constructor(message: string, sqlState: string | undefined) {
    super(message);
    this.name = 'QueryError';
    this.sqlState = sqlState;
  }
}

const LOST = /Connection terminated|ECONNRESET|Client was closed|not queryable|connection is closed/i;

/**
 * One read-only connection with its own timeouts. Every statement runs in a read-only transaction
 * (`SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY`), so a bug in archie cannot write.
 */
export class Session {
  private readonly audit: LockAudit = {
    statements: 0,
    strongestRelationLock: null,
    relationLocks: {},
    assignedTransactionId: false,
    violations: [],
  };

  /** Every statement waits for the one before it: one connection carries one conversation. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when archie itself cut the connection (stalled reply, oversized reply). */
  private broken: string | undefined;

  private constructor(
    private readonly client: pg.Client,
    private readonly socket: net.Socket,
    readonly target: Target,
    readonly options: SessionOptions,
  ) {}

  static async open(target: Target, options: SessionOptions): Promise<Session> {
    const attempts = sslAttempts(target);
    let lastError: unknown;
    for (const ssl of attempts) {
      // Our own socket, so archie can cut it when the peer stalls (pg has no read timeout of its own).
      const socket = new net.Socket();
      const client = new pg.Client({
        stream: () => socket,
        host: target.host,
        port: target.port,
        database: target.database,
        user: target.user,
        password: target.password,
        ssl,
        application_name: APPLICATION_NAME,
        connectionTimeoutMillis: options.connectTimeoutMs,
        keepAlive: true,
      });
      // An idle connection the server drops emits 'error'; without a listener Node would crash.
      client.on('error', () => undefined);
      try {
        await client.connect();
      } catch (e) {
        lastError = e;
        socket.destroy();
        await client.end().catch(() => undefined);
        const msg = String((e as Error)?.message ?? e);
        const retryable = attempts.length > 1 && (/does not support SSL/i.test(msg) || /no encryption/i.test(msg));
        if (retryable) continue;
        break;
      }
      const session = new Session(client, socket, target, options);
      try {
        await session.configure();
      } catch (e) {
        await session.close();
        throw e instanceof ArchieError ? e : classifyConnectError(e, target, options.connectTimeoutMs);
      }
      return session;
    }
    throw classifyConnectError(lastError, target, options.connectTimeoutMs);
  }

  private async configure(): Promise<void> {
    const o = this.options;
    const sets = [
      'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY',
      `SET statement_timeout = ${Math.max(1, Math.round(o.statementTimeoutMs))}`,
      `SET lock_timeout = ${Math.max(1, Math.round(o.lockTimeoutMs))}`,
      // If archie stalls inside a transaction, the server ends it instead of holding locks.
      `SET idle_in_transaction_session_timeout = ${Math.max(10_000, Math.round(o.statementTimeoutMs * 2))}`,
      `SET application_name = '${APPLICATION_NAME}'`,
    ];
    if (o.jitOff) sets.push('SET jit = off');
    if (o.catalogSearchPath) sets.push('SET search_path = pg_catalog, pg_temp');
    await this.raw(`${SQL_TAG} ${sets.join('; ')}`);
  }

  /** Run `fn` after every statement queued before it (pg warns, and BEGIN/ROLLBACK interleave, otherwise). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Run one statement in its own read-only transaction. `label` names it in the lock audit. */
  async query<R extends Row = Row>(label: string, sql: string, params?: unknown[]): Promise<R[]> {
    const text = sql.startsWith(SQL_TAG) ? sql : `${SQL_TAG} ${sql}`;
    if (!this.options.auditLocks) return (await this.exclusive(() => this.raw(text, params))) as R[];
    return this.exclusive(() => this.inTransaction(label, { readOnly: true }, (q) => q(text, params))) as Promise<R[]>;
  }

  /**
   * Run several statements in one explicit transaction that always ends in ROLLBACK (nothing it
   * does can persist). Read-only unless `readOnly: false` is asked for (EXPLAIN ANALYZE of a write).
   */
  transaction<T>(label: string, opts: { readOnly: boolean; prepares?: boolean }, fn: (q: Querier) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.inTransaction(label, opts, fn));
  }

  private async inTransaction<T>(
    label: string,
    opts: { readOnly: boolean; prepares?: boolean },
    fn: (q: Querier) => Promise<T>,
  ): Promise<T> {
    await this.raw(`${SQL_TAG} BEGIN ${opts.readOnly ? 'READ ONLY' : 'READ WRITE'}`);
    try {
      const result = await fn((sql, params) => this.raw(sql, params));
      if (this.options.auditLocks) await this.probe(label);
      return result;
    } finally {
      await this.raw(`${SQL_TAG} ROLLBACK`).catch(() => undefined);
      // Prepared statements outlive a rolled-back transaction; drop any this one left behind.
      if (opts.prepares) await this.raw(`${SQL_TAG} DEALLOCATE ALL`).catch(() => undefined);
    }
  }

  private async probe(label: string): Promise<void> {
    const rows = await this.raw(
      `${SQL_TAG} SELECT l.locktype, l.mode, coalesce(l.relation::regclass::text, '') AS relation,
         pg_current_xact_id_if_assigned() IS NOT NULL AS has_xid
       FROM pg_locks l WHERE l.pid = pg_backend_pid()`,
    );
    this.audit.statements += 1;
    for (const r of rows) {
      if (r.has_xid === true) this.audit.assignedTransactionId = true;
      if (r.locktype === 'transactionid') this.audit.assignedTransactionId = true;
      if (r.locktype !== 'relation') continue;
      const mode = String(r.mode);
      this.audit.relationLocks[mode] = (this.audit.relationLocks[mode] ?? 0) + 1;
      const rank = LOCK_MODES.indexOf(mode as (typeof LOCK_MODES)[number]);
      const current = this.audit.strongestRelationLock
        ? LOCK_MODES.indexOf(this.audit.strongestRelationLock as (typeof LOCK_MODES)[number])
        : -1;
      if (rank > current) this.audit.strongestRelationLock = mode;
      if (rank !== 0) this.audit.violations.push({ mode, relation: String(r.relation), statement: label });
    }
  }

  lockAudit(): LockAudit | undefined {
    if (!this.options.auditLocks) return undefined;
    return { ...this.audit, relationLocks: sortedRecord(this.audit.relationLocks), violations: [...this.audit.violations] };
  }

  private async raw(text: string, params?: unknown[]): Promise<Row[]> {
    if (this.broken) throw this.lost(this.broken);
    const deadline = replyDeadlineMs(this.options.statementTimeoutMs);
    const maxBytes = this.options.maxReplyBytes ?? MAX_REPLY_BYTES;
    const startBytes = this.socket.bytesRead;
    const started = Date.now();
    const watchdog = setInterval(() => {
      if (this.socket.bytesRead - startBytes > maxBytes) {
        this.cut(`the server sent more than ${formatBytes(maxBytes)} in answer to one statement, far more than any of archie's catalog queries returns; archie closed the connection`);
      } else if (Date.now() - started > deadline) {
        this.cut(
          `no reply from the server within ${Math.round(deadline / 1000)} s (statement_timeout is ${this.options.statementTimeoutMs} ms, so PostgreSQL would have cancelled the statement by now): the server or the network stalled, and archie closed the connection`,
        );
      }
    }, Math.min(250, Math.max(10, Math.round(deadline / 20))));
    try {
      const res = await this.client.query(text, params as unknown[] | undefined);
      // A multi-statement simple query returns an array of results; callers only send one.
      return Array.isArray(res) ? (res[res.length - 1]?.rows ?? []) : res.rows;
    } catch (e) {
      if (this.broken) throw this.lost(this.broken);
      throw this.translate(e);
    } finally {
      clearInterval(watchdog);
    }
  }

  private cut(reason: string): void {
    if (this.broken) return;
    this.broken = reason;
    this.socket.destroy();
  }

  private lost(reason: string): DiagnoseConnectError {
    return new DiagnoseConnectError('stalled', reason, {
      path: this.target.redacted,
      hint: 'check the server and the network; --statement-timeout raises the limit if the server is merely slow',
    });
  }

  private translate(e: unknown): Error {
    const err = e as { code?: string; message?: string };
    const message = redactText(String(err?.message ?? e), this.target.secrets);
    if (LOST.test(message) || err?.code === '57P01' || err?.code === '57P02' || err?.code === '57P03') {
      return new DiagnoseConnectError('lost', `lost the connection to the database: ${message}`, { path: this.target.redacted });
    }
    switch (err?.code) {
      case '57014':
        return new QueryError(
          `a statement took longer than statement_timeout (${this.options.statementTimeoutMs} ms) and was cancelled; raise it with --statement-timeout if the server is just busy`,
          err.code,
        );
      case '55P03':
        return new QueryError(
          `waited longer than lock_timeout (${this.options.lockTimeoutMs} ms) for a lock someone else holds; archie gave up rather than queue behind it`,
          err.code,
        );
      case '42501':
        return new QueryError(`permission denied (${message}); grant the pg_monitor role to the user archie connects as`, err.code);
      default:
        return new QueryError(message, err?.code);
    }
  }

  /** End politely, but never wait on a peer that does not answer. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.client.end().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(timer);
    this.socket.destroy();
  }
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(r).sort((a, b) => LOCK_MODES.indexOf(a as never) - LOCK_MODES.indexOf(b as never))) out[k] = r[k] ?? 0;
  return out;
}

type SslConfig = false | { rejectUnauthorized: boolean; ca?: string; cert?: string; key?: string; checkServerIdentity?: () => undefined };

function readCert(path: string | undefined, what: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ArchieError('USAGE', `cannot read ${what} "${path}"`, { hint: 'give a readable PEM file path in the URL' });
  }
}

/** libpq's sslmode semantics, including prefer's fallback to a plain connection. */
export function sslAttempts(target: Target): SslConfig[] {
  const ca = readCert(target.sslRootCert, 'sslrootcert');
  const cert = readCert(target.sslCert, 'sslcert');
  const key = readCert(target.sslKey, 'sslkey');
  const extra = { ...(cert && { cert }), ...(key && { key }) };
  const noVerify: SslConfig = { rejectUnauthorized: false, ...extra };
  switch (target.sslMode) {
    case 'disable':
      return [false];
    case 'allow':
      return target.socket ? [false] : [false, noVerify];
    case 'prefer':
      return target.socket ? [false] : [noVerify, false];
    case 'require':
      // As in libpq, a root certificate given with require means verify-ca.
      return [ca ? { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined, ...extra } : noVerify];
    case 'verify-ca':
      return [{ rejectUnauthorized: true, ...(ca && { ca }), checkServerIdentity: () => undefined, ...extra }];
    case 'verify-full':
      return [{ rejectUnauthorized: true, ...(ca && { ca }), ...extra }];
  }
}
