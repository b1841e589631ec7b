import { ArchieError } from '../errors.js';
import type { Target } from './_url.js';
import { redactText } from './_url.js';

/** Why a connection could not be made, for people and for scripts (`error.reason` in JSON). */
export type ConnectReason =
  | 'refused'
  | 'auth'
  | 'timeout'
  | 'tls'
  | 'unknown-database'
  | 'host-not-found'
  | 'too-many-connections'
  | 'unavailable'
  | 'lost'
  | 'stalled'
  | 'not-postgres'
  | 'other';

/** A connection failure: exit code 2, with the reason classified. */
export class DiagnoseConnectError extends ArchieError {
  readonly reason: ConnectReason;

  constructor(reason: ConnectReason, message: string, options: { path?: string; hint?: string; cause?: unknown } = {}) {
    super('CONNECT', message, options);
    this.name = 'DiagnoseConnectError';
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

function codesOf(e: unknown): string[] {
  const out: string[] = [];
  const visit = (x: unknown, depth: number): void => {
    if (!x || typeof x !== 'object' || depth > 3) return;
    const el = x as ErrorLike;
    if (typeof el.code === 'string') out.push(el.code);
    if (Array.isArray(el.errors)) for (const inner of el.errors) visit(inner, depth + 1);
    visit((x as { cause?: unknown }).cause, depth + 1);
  };
  visit(e, 0);
  return out;
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object') {
    const el = e as ErrorLike;
    const own = typeof el.message === 'string' ? el.message : '';
    if (own) return own;
    if (Array.isArray(el.errors)) return el.errors.map(messageOf).filter(Boolean).join('; ');
  }
  return String(e);
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|ERR_OSSL_|HOSTNAME_MISMATCH$)/;

/** Turn whatever the driver threw while connecting into a classified, password-free error. */
export function classifyConnectError(e: unknown, target: Target, timeoutMs: number): DiagnoseConnectError {
  const codes = codesOf(e);
  const raw = redactText(messageOf(e), target.secrets);
  const where = target.socket ? `socket ${target.host}/.s.PGSQL.${target.port}` : `${target.host}:${target.port}`;
  const path = target.redacted;
  const has = (c: string): boolean => codes.includes(c);

  if (has('3D000')) {
    return new DiagnoseConnectError('unknown-database', `database "${target.database}" does not exist on ${where}`, {
      path,
      hint: 'check the database name at the end of the URL; `psql -l` lists the databases',
    });
  }
  if (has('28P01')) {
    return new DiagnoseConnectError('auth', `authentication failed for user "${target.user ?? '(default)'}" (${raw})`, {
      path,
      hint: 'check the user and password; archie also reads PGPASSWORD and ~/.pgpass, which keep the password out of the command line',
    });
  }
  if (has('28000')) {
    if (/no encryption/i.test(raw)) {
      return new DiagnoseConnectError('tls', `the server requires an encrypted connection (${raw})`, {
        path,
        hint: 'add ?sslmode=require (or verify-full with sslrootcert=...) to the URL',
      });
    }
    return new DiagnoseConnectError('auth', `the server rejected the login (${raw})`, {
      path,
      hint: 'check that the role exists and that pg_hba.conf allows it from this host',
    });
  }
  if (has('53300')) {
    return new DiagnoseConnectError('too-many-connections', `the server has no free connection slots (${raw})`, {
      path,
      hint: 'every slot up to max_connections is taken; that is itself the problem to fix (a pooler such as PgBouncer, or fewer idle connections)',
    });
  }
  if (has('57P03')) {
    return new DiagnoseConnectError('unavailable', `the server is not accepting connections yet (${raw})`, {
      path,
      hint: 'it is starting up, shutting down or in recovery; retry in a moment',
    });
  }
  // The peer answered, but not in PostgreSQL's protocol: its reply to the SSL request was neither
  // yes nor no, or its first message had a type PostgreSQL never sends (MySQL on 3306, HTTP, SSH).
  if (/error establishing an SSL connection|received invalid response/i.test(raw)) {
    return new DiagnoseConnectError('not-postgres', `${where} answered, but not as PostgreSQL does: is this the right host and port?`, {
      path,
      hint: `PostgreSQL listens on 5432 by default (3306 is MySQL's, 6379 Redis's, 80/443 HTTP); the port is ${target.port}`,
    });
  }
  if (codes.some((c) => TLS_CODE.test(c)) || /\bSSL\b|\bTLS\b|certificate/i.test(raw)) {
    return new DiagnoseConnectError('tls', `TLS negotiation with ${where} failed: ${raw}`, {
      path,
      hint: /does not support SSL/i.test(raw)
        ? 'the server has TLS turned off; use sslmode=prefer or sslmode=disable, or enable ssl on the server'
        : 'check sslmode and sslrootcert in the URL (sslmode=verify-full needs the server CA certificate in sslrootcert)',
    });
  }
  if (has('ECONNREFUSED') || (target.socket && has('ENOENT'))) {
    return new DiagnoseConnectError('refused', `connection refused by ${where}`, {
      path,
      hint: 'is PostgreSQL running and listening there? Check the host, the port and listen_addresses',
    });
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN')) {
    return new DiagnoseConnectError('host-not-found', `cannot resolve host "${target.host}"`, {
      path,
      hint: 'check the host name in the URL',
    });
  }
  if (has('ETIMEDOUT') || has('EHOSTUNREACH') || has('ENETUNREACH') || /timeout|timed out/i.test(raw)) {
    return new DiagnoseConnectError('timeout', `no answer from ${where} within ${Math.round(timeoutMs / 1000)} s`, {
      path,
      hint: 'a firewall, security group or wrong port usually causes this; --connect-timeout raises the limit',
    });
  }
  if (/terminated|ECONNRESET|closed/i.test(raw) || has('ECONNRESET')) {
    return new DiagnoseConnectError('lost', `the server closed the connection: ${raw}`, { path, hint: 'check the server log for the reason' });
  }
  return new DiagnoseConnectError('other', `cannot connect to ${where}: ${raw}`, { path });
}
