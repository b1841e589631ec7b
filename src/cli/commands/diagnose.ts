import type { Command } from 'commander';
import { ArchieError, EXIT } from '../../errors.js';
import { action, numberFlag } from '../_run.js';
import type { Output } from '../_output.js';

interface DiagnoseFlags {
  explain?: string;
  analyze?: boolean;
  allowWrites?: boolean;
  format?: string;
  failOn?: string;
  poolSize?: string;
  checks?: string;
  skip?: string;
  top?: string;
  memory?: string;
  cpus?: string;
  statementTimeout?: string;
  lockTimeout?: string;
  connectTimeout?: string;
  threshold: string[];
  auditLocks?: boolean;
  listChecks?: boolean;
}

const FORMATS = ['text', 'json', 'md'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function list(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `--threshold longQueryWarnSeconds=10` (camelCase or kebab-case keys). */
function thresholds(pairs: string[]): Record<string, number> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const p of pairs) {
    const m = /^([A-Za-z-]+)=(.+)$/.exec(p.trim());
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) {
      throw new ArchieError('USAGE', `--threshold expects key=number, got "${p}"`, { hint: 'e.g. --threshold longQueryWarnSeconds=10' });
    }
    out[(m[1] as string).replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = value;
  }
  return out;
}

export function register(program: Command): void {
  program
    .command('diagnose')
    .description('diagnose a live PostgreSQL (13-17): top queries, missing/unused/duplicate/invalid indexes, locks, sessions, connections, cache, bloat, vacuum, wraparound, exhaustion, settings; read-only and safe for production')
    .argument('[url]', 'postgres://user@host:5432/dbname (default: $DATABASE_URL); prefer PGPASSWORD or ~/.pgpass to a password in the URL')
    .option('--explain <query>', 'explain one query and say what to change (plain EXPLAIN: the query is planned, not run)')
    .option('--analyze', 'with --explain: EXECUTE the query to measure it (EXPLAIN ANALYZE, BUFFERS), inside a transaction that is rolled back')
    .option('--allow-writes', 'with --explain --analyze: allow INSERT/UPDATE/DELETE/MERGE (rolled back, but triggers fire and sequences advance)')
    .option('--format <format>', 'output: text, json or md (--json is the same as --format json)', 'text')
    .option('--fail-on <severity>', 'exit 1 when a finding is at least this severe: error, warning, info or none (a check that could not look always exits 1)', 'warning')
    .option('--pool-size <n>', "the application's connection pool size (all instances together), checked against the server")
    .option('--checks <ids>', 'run only these checks (comma-separated; see --list-checks)')
    .option('--skip <ids>', 'skip these checks (comma-separated)')
    .option('--top <n>', 'queries to list per ranking: total time, mean time, calls (default 5)')
    .option('--memory <size>', "the database machine's memory (e.g. 16GB) for settings advice; read from this host when the server is local")
    .option('--cpus <n>', "the database machine's CPU cores, for settings advice")
    .option('--statement-timeout <ms>', 'cancel any of archie\'s statements after this long (default 5000; 60000 with --analyze)')
    .option('--lock-timeout <ms>', 'give up on any lock archie waits for after this long (default 1000)')
    .option('--connect-timeout <ms>', 'give up connecting after this long (default 10000)')
    .option('--threshold <key=value>', 'override a threshold, repeatable (e.g. longQueryWarnSeconds=10); see docs/diagnose/README.md', collect, [])
    .option('--audit-locks', 'record every lock archie takes and report the strongest (one extra query per statement)')
    .option('--list-checks', 'list the checks and exit')
    .action(action(run));
}

async function run(out: Output, urlArg: string | undefined, flags: DiagnoseFlags): Promise<number> {
  const lib = await import('../../diagnose/index.js');
  const format = out.json ? 'json' : (flags.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ArchieError('USAGE', `--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  const failOn = (flags.failOn ?? 'warning') as (typeof FAIL_ON)[number];
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new ArchieError('USAGE', `--fail-on must be one of ${FAIL_ON.join(', ')}, got "${flags.failOn}"`);
  }
  if (flags.listChecks) {
    const rows = lib.CHECKS.map((c) => ({ id: c.id, severity: c.severity, summary: c.summary, docs: c.docs }));
    if (format === 'json') out.result(JSON.stringify(rows, null, 2));
    else out.result(rows.map((r) => `${r.id.padEnd(22)} ${r.severity.padEnd(8)} ${r.summary}`).join('\n'));
    return EXIT.OK;
  }
  const url = urlArg ?? process.env.DATABASE_URL;
  if (!url) {
    throw new ArchieError('USAGE', 'no database URL given', { hint: 'pass postgres://user@host:5432/dbname or set DATABASE_URL' });
  }
  if ((flags.analyze || flags.allowWrites) && flags.explain === undefined) {
    throw new ArchieError('USAGE', '--analyze and --allow-writes only apply to --explain "<query>"');
  }
  const common = {
    thresholds: thresholds(flags.threshold),
    statementTimeoutMs: numberFlag('statement-timeout', flags.statementTimeout, { min: 1, integer: true }),
    lockTimeoutMs: numberFlag('lock-timeout', flags.lockTimeout, { min: 1, integer: true }),
    connectTimeoutMs: numberFlag('connect-timeout', flags.connectTimeout, { min: 1, integer: true }),
  };
  const color = out.c.isColorSupported;

  if (flags.explain !== undefined) {
    out.progress(`explaining against ${lib.printableTarget(url)}${flags.analyze ? ' (EXPLAIN ANALYZE: executing the query in a rolled-back transaction)' : ''}`);
    const report = await lib.explain(url, flags.explain, { ...common, analyze: flags.analyze === true, allowWrites: flags.allowWrites === true });
    out.result(format === 'json' ? lib.formatExplainJson(report) : format === 'md' ? lib.formatExplainMarkdown(report) : lib.formatExplainText(report, { color }));
    return lib.hasFailures(report.findings, failOn) ? EXIT.FINDINGS : EXIT.OK;
  }

  const top = numberFlag('top', flags.top, { min: 1, max: 100, integer: true });
  const memory = flags.memory === undefined ? undefined : lib.parseSize(flags.memory);
  if (memory === null) throw new ArchieError('USAGE', `--memory must be a size like 16GB or 512MB, got "${flags.memory}"`);
  const cpus = numberFlag('cpus', flags.cpus, { min: 1, integer: true });
  out.progress(`diagnosing ${lib.printableTarget(url)}`);
  const report = await lib.diagnose(url, {
    ...common,
    thresholds: { ...(common.thresholds ?? {}), ...(top !== undefined && { topQueries: top }) },
    poolSize: numberFlag('pool-size', flags.poolSize, { min: 1, integer: true }),
    checks: list(flags.checks),
    skip: list(flags.skip),
    machine: memory !== undefined || cpus !== undefined ? { memoryBytes: memory, cpus } : undefined,
    auditLocks: flags.auditLocks === true,
  });
  out.result(format === 'json' ? lib.formatJson(report) : format === 'md' ? lib.formatMarkdown(report) : lib.formatText(report, { color }));
  // A check that could not look fails the run whatever --fail-on says: it never passes as healthy.
  return lib.reportFails(report, failOn) ? EXIT.FINDINGS : EXIT.OK;
}
