import { ArchieError } from '../errors.js';

/** Query parameters whose values are secrets and never printed. */
const SECRET_PARAMS = new Set(['password', 'sslpassword']);

/** Stands in for an empty host while the URL is parsed. */
const EMPTY_HOST = 'archie-empty-host.invalid';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** A parsed connection target. `password` is kept only to hand to the driver and to scrub text. */
export interface Target {
  /** The URL with any password replaced by `***`, safe to print. */
  redacted: string;
  host: string;
  port: number;
  database: string;
  user: string | undefined;
  password: string | undefined;
  /** True for a unix socket directory or a loopback address (machine size can be read locally). */
  local: boolean;
  socket: boolean;
  sslMode: SslMode;
  sslRootCert: string | undefined;
  sslCert: string | undefined;
  sslKey: string | undefined;
}

/**
 * Remove the password from anything that looks like a PostgreSQL URL, and the `password=` /
 * `sslpassword=` values from query strings and keyword strings. Used on every message archie
 * prints about a connection, including driver errors.
 */
export function redactUrl(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^/?#\s]*)@/gi, '$1:***@')
    .replace(/([?&](?:ssl)?password=)[^&#\s,;]*/gi, '$1***')
    .replace(/(^|[\s;,(])((?:ssl)?password\s*=\s*)('[^']*'|[^\s&,;)]+)/gi, '$1$2***');
}

/** Redact URLs and every occurrence of the given secrets (when long enough to be unambiguous). */
export function redactText(text: string, secrets: (string | undefined)[] = []): string {
  let out = redactUrl(text);
  for (const s of secrets) {
    if (s && s.length >= 3) out = out.split(s).join('***');
    if (s && s.length >= 3) {
      const enc = encodeURIComponent(s);
      if (enc !== s) out = out.split(enc).join('***');
    }
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Parse `postgres://user:pass@host:port/db?sslmode=...&host=/socket/dir`. Missing parts fall back to
 * the libpq environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE) the way psql does.
 */
export function parseTarget(raw: string, env: NodeJS.ProcessEnv = process.env): Target {
  const trimmed = raw.trim();
  if (!/^postgres(ql)?:\/\//i.test(trimmed)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
    throw new ArchieError('USAGE', scheme ? `not a PostgreSQL URL (scheme "${scheme}:")` : 'not a PostgreSQL URL', {
      hint: 'give a URL like postgres://user@host:5432/dbname (the password is better kept in PGPASSWORD or ~/.pgpass)',
    });
  }
  let url: URL;
  try {
    // WHATWG URL parsing needs a special scheme to split host and port; the path and query are the same.
    // An empty host (postgres:///db?host=/socket/dir) is valid for libpq but not for WHATWG URLs.
    url = new URL(trimmed.replace(/^postgres(ql)?:\/\/([^/?#]*@)?(?=[/?#]|$)/i, (_m, _s, user: string | undefined) => `http://${user ?? ''}${EMPTY_HOST}`));
  } catch {
    throw new ArchieError('USAGE', `cannot parse the database URL "${redactUrl(trimmed).slice(0, 80)}"`, {
      hint: 'percent-encode special characters in the user and password (e.g. @ as %40)',
    });
  }
  const q = url.searchParams;
  for (const key of q.keys()) {
    if (!['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'host', 'port', 'user', 'password', 'dbname', 'application_name', 'connect_timeout', 'options', 'sslpassword'].includes(key)) {
      throw new ArchieError('USAGE', `unsupported URL parameter "${key}"`, {
        hint: 'supported: sslmode, sslrootcert, sslcert, sslkey, host, port, user, password, dbname, connect_timeout',
      });
    }
  }
  const hostParam = q.get('host');
  const urlHost = url.hostname === EMPTY_HOST ? '' : url.hostname;
  const host = hostParam ?? (urlHost ? decode(urlHost).replace(/^\[|\]$/g, '') : env.PGHOST || 'localhost');
  const portText = q.get('port') ?? (url.port || env.PGPORT || '5432');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ArchieError('USAGE', `invalid port "${portText}" in the database URL`, { hint: 'use a port between 1 and 65535, e.g. 5432' });
  }
  const user = q.get('user') ?? (url.username ? decode(url.username) : env.PGUSER || undefined);
  const password = q.get('password') ?? (url.password ? decode(url.password) : env.PGPASSWORD || undefined);
  const pathDb = url.pathname.replace(/^\//, '');
  const database = q.get('dbname') ?? (pathDb ? decode(pathDb) : env.PGDATABASE || user || 'postgres');
  const modeText = (q.get('sslmode') ?? env.PGSSLMODE ?? 'prefer').toLowerCase();
  if (!SSL_MODES.includes(modeText as SslMode)) {
    throw new ArchieError('USAGE', `unknown sslmode "${modeText}"`, { hint: `use one of ${SSL_MODES.join(', ')}` });
  }
  const socket = host.startsWith('/');
  const local = socket || host === 'localhost' || host === '::1' || /^127\./.test(host);
  return {
    redacted: buildRedacted(url, q),
    host,
    port,
    database,
    user,
    password,
    local,
    socket,
    sslMode: modeText as SslMode,
    sslRootCert: q.get('sslrootcert') ?? undefined,
    sslCert: q.get('sslcert') ?? undefined,
    sslKey: q.get('sslkey') ?? undefined,
  };
}

function buildRedacted(url: URL, q: URLSearchParams): string {
  const user = url.username ? `${url.username}${url.password ? ':***' : ''}@` : '';
  const hostPort = url.hostname === EMPTY_HOST ? '' : url.host;
  const params = [...q.entries()].map(([k, v]) => `${k}=${SECRET_PARAMS.has(k) ? '***' : encodeURIComponent(v)}`);
  return `postgres://${user}${hostPort}${url.pathname === '/' ? '' : url.pathname}${params.length ? `?${params.join('&')}` : ''}`;
}
