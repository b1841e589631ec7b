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
  /** The password and every text that could be it under another reading of the URL: scrubbed from all output. */
  secrets: string[];
  /** True for a unix socket directory or a loopback address (machine size can be read locally). */
  local: boolean;
  socket: boolean;
  sslMode: SslMode;
  sslRootCert: string | undefined;
  sslCert: string | undefined;
  sslKey: string | undefined;
}

/**
 * Remove the password from anything that looks like a URL with credentials, and the `password=` /
 * `sslpassword=` values from query strings and keyword strings. Used on every message archie
 * prints about a connection, as a second line of defence behind `redactText` with the known secret.
 * A password may hold an unencoded `/`, `?`, `#`, `:` or `@`, so the credentials run to the LAST `@`
 * of the URL-like word, not to the first reserved character.
 */
export function redactUrl(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)([^\s@]*)((?:@[^\s@]*)*)@/gi, (_m, scheme: string, first: string, more: string) => {
      const cred = `${first}${more}`;
      const colon = cred.indexOf(':');
      return `${scheme}${colon >= 0 ? `${cred.slice(0, colon)}:***` : cred}@`;
    })
    .replace(/([?&](?:ssl)?password=)[^&\s,;]*/gi, '$1***')
    .replace(/(^|[\s;,(])((?:ssl)?password\s*=\s*)('[^']*'|[^\s&,;)]+)/gi, '$1$2***');
}

/** Redact URLs and every occurrence of the given secrets (when long enough to be unambiguous). */
export function redactText(text: string, secrets: (string | undefined)[] = []): string {
  let out = redactUrl(text);
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < 3) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(encodeURI(s));
  }
  // Longest first, so a secret that contains another is removed whole.
  for (const f of [...forms].sort((a, b) => b.length - a.length)) out = out.split(f).join('***');
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const PARAMS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'host', 'port', 'user', 'password', 'dbname', 'application_name', 'connect_timeout', 'options', 'sslpassword'];

interface Split {
  userinfo: string | undefined;
  /** host[:port][/db][?query], without the credentials. */
  rest: string;
}

/**
 * Where the credentials end. A well-formed URL has them before the first `/`, `?` or `#`; a
 * password with those characters left unencoded moves the real end to a later `@`. Both readings
 * are returned; the caller keeps the first that parses.
 */
function credentialSplits(afterScheme: string): Split[] {
  const strictEnd = afterScheme.search(/[/?#]/);
  const authority = strictEnd < 0 ? afterScheme : afterScheme.slice(0, strictEnd);
  const strictAt = authority.lastIndexOf('@');
  const strict: Split = strictAt < 0 ? { userinfo: undefined, rest: afterScheme } : { userinfo: afterScheme.slice(0, strictAt), rest: afterScheme.slice(strictAt + 1) };
  const lastAt = afterScheme.lastIndexOf('@');
  if (lastAt <= (strictEnd < 0 ? afterScheme.length : strictEnd)) return [strict];
  const greedy: Split = { userinfo: afterScheme.slice(0, lastAt), rest: afterScheme.slice(lastAt + 1) };
  // An `@` beyond the authority only inside the query string (application_name=ops@example) is
  // ordinary when the authority already has credentials; anywhere else it ends a sloppy password.
  const tail = afterScheme.slice(strictEnd);
  const q = tail.indexOf('?');
  const hash = tail.indexOf('#');
  const inPathOrFragment = tail.slice(0, q < 0 ? tail.length : q).includes('@') || (hash >= 0 && tail.slice(hash).includes('@'));
  return strictAt >= 0 && !inPathOrFragment ? [strict, greedy] : [greedy, strict];
}

/** Every text that may be the password under some reading of the URL, for redaction. */
function candidateSecrets(afterScheme: string, splits: Split[]): string[] {
  const out = new Set<string>();
  for (const sp of splits) {
    if (sp.userinfo === undefined) continue;
    const colon = sp.userinfo.indexOf(':');
    if (colon >= 0) {
      const raw = sp.userinfo.slice(colon + 1);
      out.add(raw);
      out.add(decode(raw));
    }
  }
  for (const m of afterScheme.matchAll(/[?&](?:ssl)?password=([^&]*)/gi)) {
    out.add(m[1] ?? '');
    out.add(decode(m[1] ?? ''));
    // An unencoded & or # cuts the value short: the rest of the URL may be password too.
    const whole = afterScheme.slice((m.index ?? 0) + m[0].length - (m[1] ?? '').length);
    out.add(whole);
  }
  out.delete('');
  return [...out];
}

/** Every text in the URL that could be its password, whether or not the URL parses. */
export function urlSecrets(raw: string): string[] {
  const trimmed = raw.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(trimmed);
  const afterScheme = scheme ? trimmed.slice(scheme[0].length) : trimmed;
  const out = new Set(candidateSecrets(afterScheme, credentialSplits(afterScheme)));
  try {
    for (const s of parseTarget(trimmed, {}).secrets) out.add(s);
  } catch {
    // Unparsable: the candidates above are all there is.
  }
  return [...out];
}

/**
 * Parse `postgres://user:pass@host:port/db?sslmode=...&host=/socket/dir`. Missing parts fall back to
 * the libpq environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE) the way psql does.
 * No error message echoes a piece of the URL that could be part of the password.
 */
export function parseTarget(raw: string, env: NodeJS.ProcessEnv = process.env): Target {
  const trimmed = raw.trim();
  const scheme = /^postgres(?:ql)?:\/\//i.exec(trimmed);
  if (!scheme) {
    // Only a real scheme (followed by //) is echoed: "user:secret@host" has no scheme to name.
    const other = /^([a-z][a-z0-9+.-]{0,19}):\/\//i.exec(trimmed)?.[1];
    throw new ArchieError('USAGE', other ? `not a PostgreSQL URL (scheme "${other}:")` : 'not a PostgreSQL URL', {
      hint: 'give a URL like postgres://user@host:5432/dbname (the password is better kept in PGPASSWORD or ~/.pgpass)',
    });
  }
  const afterScheme = trimmed.slice(scheme[0].length);
  const splits = credentialSplits(afterScheme);
  const secrets = candidateSecrets(afterScheme, splits);
  const safe = (piece: string): string => (secrets.some((s) => s.includes(piece) || piece.includes(s)) ? '(hidden: it may be part of the password)' : piece);
  let firstError: unknown;
  for (const split of splits) {
    try {
      return parseSplit(split, env, secrets, safe);
    } catch (e) {
      firstError ??= e;
    }
  }
  throw firstError;
}

function parseSplit(split: Split, env: NodeJS.ProcessEnv, secrets: string[], safe: (piece: string) => string): Target {
  let url: URL;
  try {
    // WHATWG URL parsing needs a special scheme to split host and port; the path and query are the same.
    // An empty host (postgres:///db?host=/socket/dir) is valid for libpq but not for WHATWG URLs.
    const rest = /^[/?#]|^$/.test(split.rest) ? `${EMPTY_HOST}${split.rest}` : split.rest;
    url = new URL(`http://${rest}`);
  } catch {
    throw new ArchieError('USAGE', 'cannot parse the database URL', {
      hint: 'percent-encode special characters in the user and password (@ as %40, / as %2F, ? as %3F, # as %23), or keep the password in PGPASSWORD',
    });
  }
  if (url.hash) {
    throw new ArchieError('USAGE', 'the database URL has a "#" outside the password', {
      hint: 'percent-encode # as %23 in the user or password, or keep the password in PGPASSWORD',
    });
  }
  let userText: string | undefined;
  let passText: string | undefined;
  if (split.userinfo !== undefined) {
    const colon = split.userinfo.indexOf(':');
    userText = colon >= 0 ? split.userinfo.slice(0, colon) : split.userinfo;
    passText = colon >= 0 ? split.userinfo.slice(colon + 1) : undefined;
  }
  const q = queryParams(url.search);
  for (const key of q.keys()) {
    if (!PARAMS.includes(key)) {
      throw new ArchieError('USAGE', `unsupported URL parameter "${safe(key)}"`, {
        hint: `supported: ${PARAMS.filter((p) => p !== 'options' && p !== 'application_name').join(', ')}; percent-encode & and # in a password`,
      });
    }
  }
  const hostParam = q.get('host');
  const urlHost = url.hostname === EMPTY_HOST ? '' : url.hostname;
  const host = hostParam ?? (urlHost ? decode(urlHost).replace(/^\[|\]$/g, '') : env.PGHOST || 'localhost');
  const portText = q.get('port') ?? (url.port || env.PGPORT || '5432');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ArchieError('USAGE', `invalid port "${safe(portText)}" in the database URL`, { hint: 'use a port between 1 and 65535, e.g. 5432; percent-encode / ? # @ in the password' });
  }
  const user = q.get('user') ?? (userText ? decode(userText) : env.PGUSER || undefined);
  const password = q.get('password') ?? (passText !== undefined && passText !== '' ? decode(passText) : env.PGPASSWORD || undefined);
  const pathDb = url.pathname.replace(/^\//, '');
  const database = q.get('dbname') ?? (pathDb ? decode(pathDb) : env.PGDATABASE || user || 'postgres');
  const modeText = (q.get('sslmode') ?? env.PGSSLMODE ?? 'prefer').toLowerCase();
  if (!SSL_MODES.includes(modeText as SslMode)) {
    throw new ArchieError('USAGE', `unknown sslmode "${safe(modeText)}"`, { hint: `use one of ${SSL_MODES.join(', ')}` });
  }
  const socket = host.startsWith('/');
  const local = socket || host === 'localhost' || host === '::1' || /^127\./.test(host);
  const allSecrets = [...new Set([...secrets, ...(password ? [password] : []), ...(q.get('sslpassword') ? [q.get('sslpassword') as string] : [])])];
  const redacted = buildRedacted(url, q, userText, passText !== undefined);
  return {
    redacted: redactText(redacted, allSecrets),
    host,
    port,
    database,
    user,
    password,
    secrets: allSecrets,
    local,
    socket,
    sslMode: modeText as SslMode,
    sslRootCert: q.get('sslrootcert') ?? undefined,
    sslCert: q.get('sslcert') ?? undefined,
    sslKey: q.get('sslkey') ?? undefined,
  };
}

/** The query string as libpq reads it: percent-decoding only (a "+" stays a plus, unlike form encoding). */
function queryParams(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (!out.has(key)) out.set(key, decode(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  return out;
}

function buildRedacted(url: URL, q: Map<string, string>, userText: string | undefined, hasPassword: boolean): string {
  const user = userText !== undefined ? `${encodeURIComponent(decode(userText))}${hasPassword ? ':***' : ''}@` : hasPassword ? ':***@' : '';
  const hostPort = url.hostname === EMPTY_HOST ? '' : url.host;
  const params = [...q.entries()].map(([k, v]) => `${k}=${SECRET_PARAMS.has(k) ? '***' : encodeURIComponent(v)}`);
  return `postgres://${user}${hostPort}${url.pathname === '/' ? '' : url.pathname}${params.length ? `?${params.join('&')}` : ''}`;
}
