import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ArchieError } from '../errors.js';
import { CHECKS, CHECK_IDS } from './checks/index.js';
import type { Check } from './_check.js';
import { VerifyContext, type VerifyOptions } from './_context.js';
import type { CheckResult, VerifyReport } from './report.js';
import { byCodeUnit } from '../util/compare.js';

export type { VerifyOptions } from './_context.js';
export type { CheckResult, CheckStatus, Evidence, PlanEvidence, VerifyReport } from './report.js';
export { VerifyReportSchema } from './report.js';
export { CHECK_IDS };
export { startEmbeddedPostgres, type EmbeddedPostgres } from './_pglite.js';

/**
 * Check a design folder (what `archie design --out DIR` writes, possibly edited by hand) by running
 * real tools on it: PostgreSQL for the schema and the access patterns' plans, the OpenAPI, AsyncAPI,
 * Compose and Kubernetes schemas, cross-artifact agreement, and Chromium for the HTML report.
 *
 * Throws an ArchieError (USAGE) only for a bad call: a path that is not a directory, an unknown
 * check id, a malformed database URL. Everything wrong inside the folder is a failed check.
 *
 * @example
 * const report = await verify('out/chat');
 * if (!report.ok) for (const c of report.checks) if (c.status === 'failed') console.log(c.id, c.summary);
 */
export async function verify(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const root = resolve(dir);
  await assertDirectory(dir, root);
  const selected = selectChecks(options.only);
  if (options.databaseUrl !== undefined) {
    const { parseTarget } = await import('../diagnose/_url.js');
    parseTarget(options.databaseUrl);
  }
  if (options.rows !== undefined && (!Number.isInteger(options.rows) || options.rows < 1_000 || options.rows > 10_000_000)) {
    throw new ArchieError('USAGE', `rows must be an integer between 1,000 and 10,000,000, got ${options.rows}`);
  }
  await assertDesignFolder(dir, root);
  const ctx = new VerifyContext(root, options);
  const results: CheckResult[] = [];
  try {
    const first = await ctx.design();
    if (!first.ok && first.wrongVersion) {
      throw new ArchieError('USAGE', `${dir} was written by another version of archie: ${first.evidence[0]?.message ?? 'design.json has another schemaVersion'}`, {
        path: dir,
        hint: 'write the design again with this archie (archie design <brief> --out DIR --force), or verify it with the archie that wrote it',
      });
    }
    // design.json is the yardstick of most checks: when it is unusable, say so even under --only.
    if (!selected.some((c) => c.id === 'design-json')) {
      const load = await ctx.design();
      if (!load.ok) selected.unshift(CHECKS.find((c) => c.id === 'design-json')!);
    }
    // The embedded PostgreSQL takes a second or two to start: begin now, while the other lane
    // validates (extensions the schema creates are known once schema.sql is parsed).
    const inPostgresLane = (c: Check): boolean => c.lane === 'postgres' || (c.lane === 'postgres-if-shared' && options.embedded !== undefined);
    if (selected.some((c) => c.lane === 'postgres')) void ctx.warmUp();
    // Two lanes: the checks on the embedded PostgreSQL (a worker thread) in order, and all the
    // others in order, side by side. Results are reported in the checks' own order.
    const done = new Map<string, CheckResult>();
    const lane = async (checks: readonly Check[]): Promise<void> => {
      for (const check of checks) done.set(check.id, await runCheck(ctx, check));
    };
    await Promise.all([lane(selected.filter(inPostgresLane)), lane(selected.filter((c) => !inPostgresLane(c)))]);
    for (const check of selected) results.push(done.get(check.id)!);
  } finally {
    await ctx.close();
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  const tools = [...ctx.tools.entries()].map(([name, version]) => ({ name, version })).sort((a, b) => byCodeUnit(a.name, b.name));
  return { dir, ok: counts.failed === 0, counts, tools, checks: results, durationMs: round(performance.now() - started) };
}

async function runCheck(ctx: VerifyContext, check: Check): Promise<CheckResult> {
  ctx.progress(`${check.id}: ${check.title}`);
  const t0 = performance.now();
  let result: CheckResult;
  try {
    const out = await check.run(ctx);
    result = { id: check.id, title: check.title, ...out, durationMs: round(performance.now() - t0) };
  } catch (e) {
    // A check that throws is a failed check with the reason, not a crashed run.
    const message = e instanceof ArchieError ? e.describe() : `${(e as Error)?.message ?? String(e)}`;
    result = {
      id: check.id,
      title: check.title,
      status: 'failed',
      summary: `the check could not run: ${message}`,
      evidence: [{ subject: check.id, ok: false, message }],
      hint: e instanceof ArchieError ? e.hint : 'this is a bug in archie verify if the folder looks right; rerun with ARCHIE_DEBUG=1 and report it',
      durationMs: round(performance.now() - t0),
    };
    if (process.env.ARCHIE_DEBUG && !(e instanceof ArchieError)) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  }
  for (const ev of result.evidence) if (ev.durationMs !== undefined) ev.durationMs = round(ev.durationMs);
  return result;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function assertDirectory(dir: string, root: string): Promise<void> {
  try {
    const s = await stat(root);
    if (!s.isDirectory()) {
      throw new ArchieError('USAGE', `${dir} is not a directory`, { path: dir, hint: 'give the folder that `archie design --out DIR` wrote' });
    }
  } catch (e) {
    if (e instanceof ArchieError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ArchieError('USAGE', `${dir} does not exist`, { path: dir, hint: 'write a design folder first: archie design <brief> --out DIR' });
    throw new ArchieError('USAGE', `cannot read ${dir}: ${(e as Error).message}`, { path: dir });
  }
}

/** Files archie design writes; a folder with none of them is not a design folder (an empty folder, a typo). */
const DESIGN_MARKERS = ['design.json', 'schema.sql', 'openapi.yaml', 'ARCHITECTURE.md'];

async function assertDesignFolder(dir: string, root: string): Promise<void> {
  const present = await Promise.all(DESIGN_MARKERS.map((f) => stat(resolve(root, f)).then(() => true, () => false)));
  if (!present.some(Boolean)) {
    throw new ArchieError('USAGE', `${dir} is not a design folder: it has none of ${DESIGN_MARKERS.join(', ')}`, {
      path: dir,
      hint: 'give the folder that `archie design <brief> --out DIR` wrote',
    });
  }
}

function selectChecks(only: readonly string[] | undefined): (typeof CHECKS)[number][] {
  if (!only || only.length === 0) return [...CHECKS];
  const unknown = only.filter((id) => !CHECK_IDS.includes(id));
  if (unknown.length > 0) {
    throw new ArchieError('USAGE', `unknown check${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`, {
      hint: `checks: ${CHECK_IDS.join(', ')}`,
    });
  }
  return CHECKS.filter((c) => only.includes(c.id));
}
