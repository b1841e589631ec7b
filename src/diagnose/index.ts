/**
 * archie diagnose: a live PostgreSQL health check that is safe to point at production.
 *
 * One connection, `application_name = 'archie-diagnose'`, every statement in a read-only
 * transaction with its own statement_timeout and lock_timeout, catalog and statistics views only
 * (no table scans, no pgstattuple), and the URL's password never printed.
 *
 * @example
 * ```ts
 * import { diagnose, formatText } from 'archie/diagnose';
 * const report = await diagnose('postgres://app@db:5432/shop', { poolSize: 40 });
 * console.log(formatText(report));
 * ```
 */
import os from 'node:os';
import { ArchieError } from '../errors.js';
import { atLeast, compareFindings, type Finding, type Severity } from '../model/finding.js';
import { Facts, quoteIdent } from './_facts.js';
import { interpretPlan, planRelations } from './_interpret.js';
import { planCost, runExplain } from './_plan.js';
import { Session, type SessionOptions } from './_session.js';
import { analyzeQuery, loadParser, QueryTooDeepError } from './_sql-parse.js';
import { parseTarget, redactText, urlSecrets, type Target } from './_url.js';
import { formatBytes, settingValue } from './_util.js';
import { CHECKS } from './checks/index.js';
import {
  DEFAULT_THRESHOLDS,
  ThresholdsSchema,
  type CheckContext,
  type CheckResult,
  type DiagnoseOptions,
  type DiagnoseReport,
  type ExplainOptions,
  type ExplainReport,
  type ResolvedMachine,
  type ServerInfo,
  type Thresholds,
  type TopAction,
} from './types.js';

export { CHECKS } from './checks/index.js';
export { DiagnoseConnectError, type ConnectReason } from './_connect-error.js';
export { redactUrl } from './_url.js';
export { parseSize } from './_util.js';
export { formatText, formatExplainText } from './format/text.js';
export { formatJson, formatExplainJson } from './format/json.js';
export { formatMarkdown, formatExplainMarkdown } from './format/md.js';
export * from './types.js';

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
export const DEFAULT_ANALYZE_TIMEOUT_MS = 60_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 1000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** The longest query text --explain accepts. */
export const MAX_EXPLAIN_BYTES = 1024 * 1024;

/** Severity threshold for the exit code; `none` never fails. */
export type FailOn = Severity | 'none';

/** True when any finding is at least as severe as `failOn`. */
export function hasFailures(findings: Finding[], failOn: FailOn): boolean {
  return failOn !== 'none' && findings.some((f) => atLeast(f.severity, failOn));
}

/**
 * Whether a diagnose run should fail a script: a finding at `failOn` or above, or any check that
 * could not look (whatever `failOn` says: a run that did not see everything never passes as healthy).
 */
export function reportFails(report: DiagnoseReport, failOn: FailOn): boolean {
  return report.summary.couldNotCheck > 0 || hasFailures(report.findings, failOn);
}

/** The URL as archie prints it (password removed under every reading of the URL); throws USAGE like diagnose(). */
export function printableTarget(url: string): string {
  return parseTarget(url).redacted;
}

/**
 * A function that removes the URL's password, in every form and under every reading of the URL,
 * from any text: for callers that pass archie's output on (the MCP server).
 */
export function redactorFor(url: string): (text: string) => string {
  const secrets = urlSecrets(url);
  return (text) => redactText(text, secrets);
}

export function resolveThresholds(overrides: Partial<Thresholds> | undefined): Thresholds {
  if (!overrides) return DEFAULT_THRESHOLDS;
  const parsed = ThresholdsSchema.partial().strict().safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || (issue && 'keys' in issue ? (issue.keys as string[]).join(', ') : '');
    throw new ArchieError('USAGE', `invalid threshold ${key ? `"${key}"` : ''}: ${issue?.message ?? 'bad value'}`, {
      hint: `known thresholds: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')}`,
    });
  }
  return { ...DEFAULT_THRESHOLDS, ...parsed.data };
}

function selectChecks(only: string[] | undefined, skip: string[] | undefined): typeof CHECKS {
  const ids = new Set(CHECKS.map((c) => c.id));
  for (const id of [...(only ?? []), ...(skip ?? [])]) {
    if (!ids.has(id)) throw new ArchieError('USAGE', `unknown check "${id}"`, { hint: `checks: ${[...ids].join(', ')}` });
  }
  return CHECKS.filter((c) => (!only || only.length === 0 || only.includes(c.id)) && !(skip ?? []).includes(c.id));
}

function resolveMachine(target: Target, given: DiagnoseOptions['machine']): ResolvedMachine {
  if (given?.memoryBytes !== undefined || given?.cpus !== undefined) {
    return { memoryBytes: given.memoryBytes, cpus: given.cpus, source: 'given' };
  }
  if (target.local) {
    const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
    const total = os.totalmem();
    const memoryBytes = constrained && constrained > 0 && constrained < total ? constrained : total;
    const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return { memoryBytes, cpus, source: 'local host' };
  }
  return { memoryBytes: undefined, cpus: undefined, source: 'unknown' };
}

async function serverInfo(session: Session): Promise<ServerInfo> {
  const [r] = await session.query(
    'server-info',
    `SELECT current_setting('server_version_num')::int AS version_num, current_setting('server_version') AS version,
       current_database() AS database, (SELECT oid::int8 FROM pg_database WHERE datname = current_database()) AS database_oid,
       current_user AS user_name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_superuser,
       pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') AS read_all_stats,
       current_setting('block_size')::int AS block_size, pg_backend_pid() AS backend_pid, pg_is_in_recovery() AS in_recovery`,
  );
  if (!r) throw new ArchieError('CONNECT', 'the server returned no row for its own settings');
  return {
    versionNum: Number(r.version_num),
    version: String(r.version),
    database: String(r.database),
    databaseOid: Number(r.database_oid),
    user: String(r.user_name),
    isSuperuser: r.is_superuser === true,
    readAllStats: r.read_all_stats === true || r.is_superuser === true,
    blockSize: Number(r.block_size),
    backendPid: Number(r.backend_pid),
    inRecovery: r.in_recovery === true,
  };
}

function positiveMs(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v <= 0) throw new ArchieError('USAGE', `${name} must be a positive number of milliseconds, got ${v}`);
  return v;
}

/** What would let a check that failed on the server's side run next time. */
function remedyFor(e: { sqlState?: string }, server: ServerInfo): string | undefined {
  switch (e?.sqlState) {
    case '57014':
      return 'rerun with a higher --statement-timeout, or when the server is less busy';
    case '55P03':
      return 'rerun when the lock is released (see blocking-locks), or with a higher --lock-timeout';
    case '42501':
      return `GRANT pg_monitor TO ${quoteIdent(server.user)};`;
    default:
      return undefined;
  }
}

function topActions(findings: Finding[]): TopAction[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .slice(0, 3)
    .map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      object: f.location.kind === 'object' ? f.location.name : f.location.file,
      message: f.message,
      ...(f.fix && { fix: f.fix.code ?? f.fix.description }),
    }));
}

/**
 * Connect, run the checks, and return the report. Throws a DiagnoseConnectError (code CONNECT,
 * with `reason`) when the database cannot be reached, and ArchieError USAGE for bad options.
 * A check that fails (timeout, permission) is reported in `checks` and the others still run.
 */
export async function diagnose(url: string, options: DiagnoseOptions = {}): Promise<DiagnoseReport> {
  const target = parseTarget(url);
  const thresholds = resolveThresholds(options.thresholds);
  const selected = selectChecks(options.checks, options.skip);
  if (options.poolSize !== undefined && (!Number.isInteger(options.poolSize) || options.poolSize < 1)) {
    throw new ArchieError('USAGE', `pool size must be a positive integer, got ${options.poolSize}`);
  }
  const sessionOptions: SessionOptions = {
    statementTimeoutMs: positiveMs('statement timeout', options.statementTimeoutMs, DEFAULT_STATEMENT_TIMEOUT_MS),
    lockTimeoutMs: positiveMs('lock timeout', options.lockTimeoutMs, DEFAULT_LOCK_TIMEOUT_MS),
    connectTimeoutMs: positiveMs('connect timeout', options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
    auditLocks: options.auditLocks === true,
    jitOff: true,
    catalogSearchPath: true,
  };
  const session = await Session.open(target, sessionOptions);
  try {
    const server = await serverInfo(session).catch((e: unknown) => {
      if (e instanceof ArchieError) throw e;
      throw new ArchieError('CONNECT', `connected, but could not read the server's version and settings: ${redactText(String((e as Error)?.message ?? e), target.secrets)}`, {
        path: target.redacted,
        hint: 'nothing was checked; a higher --statement-timeout helps when the server is overloaded',
      });
    });
    const facts = new Facts(session, server);
    const notes = new Set<string>();
    if (server.inRecovery) notes.add('This server is a standby: usage statistics and pg_stat_statements describe the queries run here, not on the primary.');
    if (server.versionNum < 130000) notes.add(`PostgreSQL ${server.version} is older than 13; archie supports 13 to 17 and some checks may fail.`);
    const machine = resolveMachine(target, options.machine);
    const findings: Finding[] = [];
    const checks: CheckResult[] = [];
    for (const check of selected) {
      options.onProgress?.(check.id);
      const reasons: string[] = [];
      const remedies: string[] = [];
      let examined: string | undefined;
      const ctx: CheckContext = {
        session,
        facts,
        server,
        thresholds,
        poolSize: options.poolSize,
        machine,
        note: (text) => notes.add(text),
        couldNotCheck: (reason, remedy) => {
          if (!reasons.includes(reason)) reasons.push(reason);
          if (remedy && !remedies.includes(remedy)) remedies.push(remedy);
        },
        examined: (what) => {
          examined = what;
        },
      };
      let found: Finding[] = [];
      try {
        found = await check.run(ctx);
      } catch (e) {
        if (e instanceof ArchieError) throw e;
        const why = redactText(String((e as Error)?.message ?? e), target.secrets);
        ctx.couldNotCheck(why, remedyFor(e as { sqlState?: string }, server));
      }
      findings.push(...found);
      checks.push({
        id: check.id,
        status: reasons.length > 0 ? 'could-not-check' : found.length ? 'findings' : 'ok',
        findings: found.length,
        ...(examined !== undefined && { examined }),
        ...(reasons.length > 0 && { message: reasons.join('; ') }),
        ...(remedies.length > 0 && { remedy: remedies.join('; ') }),
      });
    }
    findings.sort(compareFindings);
    const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
    const locks = session.lockAudit();
    const couldNotCheck = checks.filter((c) => c.status === 'could-not-check').length;
    return {
      target: { url: target.redacted, database: server.database, serverVersion: server.version, serverVersionNum: server.versionNum },
      summary: {
        error: count('error'),
        warning: count('warning'),
        info: count('info'),
        checksRun: checks.length,
        couldNotCheck,
        examined: await facts.examinedSummary(),
        healthy: couldNotCheck === 0 && count('error') === 0 && count('warning') === 0,
        doNow: topActions(findings),
      },
      findings,
      checks,
      notes: [...notes].sort(),
      ...(locks && { locks }),
    };
  } finally {
    await session.close();
  }
}

/**
 * EXPLAIN one query and interpret the plan. Plain EXPLAIN by default (the query is planned, not
 * run). With `analyze: true` the query is EXECUTED inside a transaction that is rolled back; it is
 * read-only unless `allowWrites` is set for INSERT/UPDATE/DELETE/MERGE.
 */
export async function explain(url: string, query: string, options: ExplainOptions = {}): Promise<ExplainReport> {
  const target = parseTarget(url);
  const thresholds = resolveThresholds(options.thresholds);
  const analyze = options.analyze === true;
  const text = query.trim().replace(/;\s*$/, '');
  if (!text) throw new ArchieError('USAGE', 'the query to explain is empty', { hint: 'pass it as --explain "SELECT ..."' });
  if (Buffer.byteLength(text) > MAX_EXPLAIN_BYTES) {
    throw new ArchieError('USAGE', `the query to explain is ${formatBytes(Buffer.byteLength(text))}, more than the ${formatBytes(MAX_EXPLAIN_BYTES)} archie explains`, {
      hint: 'explain the statement your application sends, not a generated batch',
    });
  }
  await loadParser();
  let shape;
  try {
    shape = analyzeQuery(text);
  } catch (e) {
    if (e instanceof QueryTooDeepError) throw new ArchieError('USAGE', e.message, { hint: 'explain a smaller statement: replace a long chain of ORs or operators with IN (...) or = ANY($1)' });
    throw new ArchieError('USAGE', `the query does not parse: ${(e as Error).message}`, { hint: 'pass one SQL statement, quoted for your shell' });
  }
  if (shape.statements !== 1) throw new ArchieError('USAGE', `expected one statement to explain, got ${shape.statements}`, { hint: 'explain statements one at a time' });
  if (shape.kind === 'utility') {
    throw new ArchieError('USAGE', 'only SELECT, INSERT, UPDATE, DELETE and MERGE can be explained', { hint: 'pass the query itself, without EXPLAIN in front' });
  }
  const writes = shape.writes || shape.kind !== 'select';
  if (analyze && shape.params > 0) {
    throw new ArchieError('USAGE', `--analyze runs the query, so it needs real values in place of $1..$${shape.params}`, {
      hint: 'drop --analyze to see the generic plan, or substitute literal values',
    });
  }
  if (analyze && writes && !options.allowWrites) {
    throw new ArchieError('USAGE', `--analyze executes the query, and this ${shape.kind === 'select-locking' ? 'SELECT ... FOR UPDATE/SHARE locks rows' : `${shape.kind.toUpperCase()} modifies data`}`, {
      hint: 'add --allow-writes to run it inside a transaction that is rolled back (triggers still fire and sequences still advance), or drop --analyze',
    });
  }
  const session = await Session.open(target, {
    statementTimeoutMs: positiveMs('statement timeout', options.statementTimeoutMs, analyze ? DEFAULT_ANALYZE_TIMEOUT_MS : DEFAULT_STATEMENT_TIMEOUT_MS),
    lockTimeoutMs: positiveMs('lock timeout', options.lockTimeoutMs, DEFAULT_LOCK_TIMEOUT_MS),
    connectTimeoutMs: positiveMs('connect timeout', options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
    auditLocks: false,
    jitOff: false,
    catalogSearchPath: false,
  });
  try {
    const server = await serverInfo(session);
    let plan: unknown;
    try {
      plan = await session.transaction('explain', { readOnly: !(analyze && writes), prepares: shape.params > 0 }, (q) =>
        runExplain(q, { query: text, params: shape.params, analyze }),
      );
    } catch (e) {
      if (e instanceof ArchieError) throw e;
      throw new ArchieError('INPUT', `PostgreSQL rejected the query: ${redactText((e as Error).message, target.secrets)}`, {
        hint: 'check table and column names (archie uses the search_path of the user in the URL)',
      });
    }
    const rels = planRelations(plan);
    const relations = new Map<string, { rows: number; pages: number }>();
    if (rels.length > 0) {
      const rows = await session.query(
        'explain.relations',
        `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.reltuples::float8 AS rows, c.relpages::int8 AS pages
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN unnest($1::text[], $2::text[]) AS r(schema, rel) ON r.schema = n.nspname AND r.rel = c.relname`,
        [rels.map((r) => r[0]), rels.map((r) => r[1])],
      );
      for (const r of rows) relations.set(String(r.name), { rows: Math.max(0, Number(r.rows)), pages: Number(r.pages) });
    }
    const wm = await session.query('explain.work-mem', `SELECT setting, unit FROM pg_settings WHERE name = 'work_mem'`);
    const workMemBytes = wm[0] ? settingValue({ name: 'work_mem', value: String(wm[0].setting), unit: wm[0].unit === null ? null : String(wm[0].unit), bootValue: null, source: '' }) : null;
    const { findings, outline } = interpretPlan(plan, { relations, analyzed: analyze, workMemBytes, database: server.database, thresholds });
    findings.sort(compareFindings);
    const top = (Array.isArray(plan) ? plan[0] : undefined) as { 'Planning Time'?: number; 'Execution Time'?: number } | undefined;
    return {
      target: { url: target.redacted, database: server.database, serverVersion: server.version, serverVersionNum: server.versionNum },
      query: text,
      analyzed: analyze,
      genericPlan: shape.params > 0,
      planningMs: top?.['Planning Time'] ?? null,
      executionMs: top?.['Execution Time'] ?? null,
      totalCost: planCost(plan),
      findings,
      outline,
      plan,
    };
  } finally {
    await session.close();
  }
}
