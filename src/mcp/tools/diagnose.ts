import { z } from 'zod';
import { ArchieError } from '../../errors.js';
import { FindingSchema, type Finding } from '../../model/finding.js';
import type { ToolOutput } from '../_page.js';
import { count, defineTool } from '../_tool.js';

/**
 * Live PostgreSQL diagnosis over MCP. Credentials come only from the URL the client passes: the
 * server ignores PG* environment variables and ~/.pgpass (see server.ts), refuses client-key files
 * in the URL, and the password never appears in any output.
 */

function passwordOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/?#\s]*)@/i.exec(url);
  const q = /[?&]password=([^&#]*)/i.exec(url);
  const raw = q?.[1] ?? m?.[1];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Replace the password (as given and percent-encoded) and any URL credentials in every string. */
export function scrub<T>(value: T, secret: string | undefined, redactUrl: (s: string) => string): T {
  const fix = (s: string): string => {
    let out = redactUrl(s);
    if (secret && secret.length > 0) {
      for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
    }
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const CheckRun = z.object({ id: z.string(), status: z.string(), findings: z.number(), message: z.string().optional() });

function where(f: Finding): string {
  const l = f.location;
  return l.kind === 'file' ? `${l.file}:${l.line}` : `${l.objectType} ${l.name}`;
}

const findingLine = (f: Finding) => `- ${f.severity} ${f.ruleId} ${where(f)}: ${f.message}${f.fix ? ` Fix: ${f.fix.description}${f.fix.code ? ` \`${f.fix.code}\`` : ''}` : ''}`;

export const diagnoseTool = defineTool({
  name: 'diagnose',
  title: 'Diagnose a live PostgreSQL',
  description:
    'Read-only health check of the PostgreSQL at `url` (the only source of credentials: nothing is read from the environment or files): top queries, missing/unused/duplicate/invalid indexes, ' +
    'locks, sessions, connections, cache hit ratio, bloat, vacuum, wraparound, sequence exhaustion, settings. With `query`, EXPLAIN that one query instead (plain EXPLAIN: planned, not run). ' +
    'The password is removed from every output. Summary first; findings are paged (follow page.nextCursor).',
  input: z.strictObject({
    url: z.string().min(1).describe('postgres://user:password@host:5432/dbname'),
    query: z.string().min(1).max(100_000).optional().describe('One SQL statement to EXPLAIN instead of the health check'),
    checks: z.array(z.string().min(1)).optional().describe('Run only these check ids'),
    poolSize: z.number().int().positive().optional().describe("The application's total connection pool size"),
  }),
  output: z.object({
    mode: z.enum(['health', 'explain']),
    target: z.object({ url: z.string(), database: z.string(), serverVersion: z.string() }),
    summary: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
    notes: z.array(z.string()).optional(),
    totalCost: z.number().optional(),
    outline: z.array(z.string()).optional(),
    findings: z.array(FindingSchema).optional(),
    checks: z.array(CheckRun).optional(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args) {
    if (/[?&](sslkey|sslcert|sslpassword)=/i.test(args.url)) {
      throw new ArchieError('USAGE', 'the MCP diagnose tool authenticates only with the user and password in the URL; it does not read key or certificate files', {
        hint: 'drop sslkey/sslcert/sslpassword from the URL, or run `archie diagnose` from a shell for client-certificate authentication',
      });
    }
    const secret = passwordOf(args.url);
    const d = await import('../../diagnose/index.js');
    // The library's redactor knows every form a password can take in a URL (unencoded / ? # @ included);
    // the local parser above is a second net for URLs the library refuses to parse.
    let libraryRedact: (s: string) => string = (s) => s;
    try {
      libraryRedact = d.redactorFor(args.url);
    } catch {
      // An unparsable URL: the library raises its own (password-free) usage error below.
    }
    const redact = (s: string) => d.redactUrl(libraryRedact(s));
    const headline = (mode: string, t: { url: string; database: string; serverVersion: string }, s: { error: number; warning: number; info: number }) =>
      `${mode} of ${t.database} at ${t.url} (PostgreSQL ${t.serverVersion}): ${count(s.error, 'error')}, ${count(s.warning, 'warning')}, ${count(s.info, 'info')}.`;
    try {
      if (args.query) {
        const r = await d.explain(args.url, args.query, {});
        const n = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
        const summary = { error: n('error'), warning: n('warning'), info: n('info') };
        const target = { url: r.target.url, database: r.target.database, serverVersion: r.target.serverVersion };
        const out: ToolOutput = {
          head: { mode: 'explain', target, summary, totalCost: r.totalCost },
          summary: `${headline('EXPLAIN', target, summary)} Estimated total cost ${r.totalCost}.`,
          sections: [
            { path: 'outline', title: 'Plan', items: r.outline, line: (x: string) => x },
            { path: 'findings', title: 'Findings', items: r.findings, line: findingLine },
          ],
        };
        return scrub(out, secret, redact);
      }
      const r = await d.diagnose(args.url, { ...(args.checks && { checks: args.checks }), ...(args.poolSize && { poolSize: args.poolSize }) });
      const target = { url: r.target.url, database: r.target.database, serverVersion: r.target.serverVersion };
      const summary = { error: r.summary.error, warning: r.summary.warning, info: r.summary.info };
      const runs = r.checks.map((c) => ({ id: c.id, status: c.status, findings: c.findings, ...(c.message !== undefined && { message: c.message }) }));
      const notRun = runs.filter((c) => c.status === 'could-not-check');
      const out: ToolOutput = {
        head: { mode: 'health', target, summary, notes: r.notes },
        summary: [
          headline('Health check', target, summary),
          `${count(runs.length, 'check')} run${notRun.length ? `; could not check: ${notRun.map((c) => `${c.id} (${c.status}${c.message ? `: ${c.message}` : ''})`).join(', ')}` : ''}.`,
          ...(r.notes.length ? [`Notes: ${r.notes.join(' ')}`] : []),
        ].join('\n'),
        sections: [
          { path: 'findings', title: 'Findings, most important first', items: r.findings, line: findingLine },
          { path: 'checks', title: 'Checks', items: runs, line: (c: z.infer<typeof CheckRun>) => `- ${c.id}: ${c.status}, ${count(c.findings, 'finding')}${c.message ? ` (${c.message})` : ''}` },
        ],
      };
      return scrub(out, secret, redact);
    } catch (e) {
      if (e instanceof ArchieError) {
        // The cause stays in the process (never sent); only the scrubbed message and hint reach the client.
        throw new ArchieError(e.code, scrub(e.message, secret, redact), { cause: e, ...(e.hint !== undefined && { hint: scrub(e.hint, secret, redact) }), ...(e.path !== undefined && { path: scrub(e.path, secret, redact) }) });
      }
      throw new Error(scrub(String((e as Error)?.message ?? e), secret, redact), { cause: e });
    }
  },
});
