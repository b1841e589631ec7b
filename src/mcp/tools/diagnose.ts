import { z } from 'zod';
import { ArchieError } from '../../errors.js';
import { FindingSchema } from '../../model/finding.js';
import { defineTool } from '../_tool.js';

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

export const diagnoseTool = defineTool({
  name: 'diagnose',
  title: 'Diagnose a live PostgreSQL',
  description:
    'Read-only health check of the PostgreSQL at `url` (the only source of credentials: nothing is read from the environment or files): top queries, missing/unused/duplicate/invalid indexes, ' +
    'locks, sessions, connections, cache hit ratio, bloat, vacuum, wraparound, sequence exhaustion, settings. With `query`, EXPLAIN that one query instead (plain EXPLAIN: planned, not run). ' +
    'The password is removed from every output.',
  input: z.strictObject({
    url: z.string().min(1).describe('postgres://user:password@host:5432/dbname'),
    query: z.string().min(1).optional().describe('One SQL statement to EXPLAIN instead of the health check'),
    checks: z.array(z.string()).optional().describe('Run only these check ids'),
    poolSize: z.number().int().positive().optional().describe("The application's total connection pool size"),
  }),
  output: z.object({
    mode: z.enum(['health', 'explain']),
    target: z.object({ url: z.string(), database: z.string(), serverVersion: z.string() }),
    summary: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
    findings: z.array(FindingSchema),
    checks: z.array(z.object({ id: z.string(), status: z.string(), findings: z.number(), message: z.string().optional() })).optional(),
    notes: z.array(z.string()).optional(),
    outline: z.array(z.string()).optional(),
    totalCost: z.number().optional(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
  async run(args) {
    if (/[?&](sslkey|sslcert|sslpassword)=/i.test(args.url)) {
      throw new ArchieError('USAGE', 'the MCP diagnose tool authenticates only with the user and password in the URL; it does not read key or certificate files', {
        hint: 'drop sslkey/sslcert/sslpassword from the URL, or run `archie diagnose` from a shell for client-certificate authentication',
      });
    }
    const secret = passwordOf(args.url);
    const d = await import('../../diagnose/index.js');
    try {
      if (args.query) {
        const r = await d.explain(args.url, args.query, {});
        const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
        const structured = {
          mode: 'explain' as const,
          target: { url: r.target.url, database: r.target.database, serverVersion: r.target.serverVersion },
          summary: { error: count('error'), warning: count('warning'), info: count('info') },
          findings: r.findings,
          outline: r.outline,
          totalCost: r.totalCost,
        };
        return scrub({ structured, text: d.formatExplainText(r, { color: false }) }, secret, d.redactUrl);
      }
      const r = await d.diagnose(args.url, { ...(args.checks && { checks: args.checks }), ...(args.poolSize && { poolSize: args.poolSize }) });
      const structured = {
        mode: 'health' as const,
        target: { url: r.target.url, database: r.target.database, serverVersion: r.target.serverVersion },
        summary: { error: r.summary.error, warning: r.summary.warning, info: r.summary.info },
        findings: r.findings,
        checks: r.checks.map((c) => ({ id: c.id, status: c.status, findings: c.findings, ...(c.message !== undefined && { message: c.message }) })),
        notes: r.notes,
      };
      return scrub({ structured, text: d.formatText(r, { color: false }) }, secret, d.redactUrl);
    } catch (e) {
      if (e instanceof ArchieError) {
        // The cause stays in the process (never sent); only the scrubbed message and hint reach the client.
        throw new ArchieError(e.code, scrub(e.message, secret, d.redactUrl), { cause: e, ...(e.hint !== undefined && { hint: scrub(e.hint, secret, d.redactUrl) }), ...(e.path !== undefined && { path: scrub(e.path, secret, d.redactUrl) }) });
      }
      throw new Error(scrub(String((e as Error)?.message ?? e), secret, d.redactUrl), { cause: e });
    }
  },
});
