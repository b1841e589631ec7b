import type { Finding, Severity } from '../../model/finding.js';
import { estimateTableBloat, type BloatEstimate } from '../_bloat.js';
import { qualified, type ColumnFact, type TableFact } from '../_facts.js';
import { formatBytes, formatPercent, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'table-bloat';

/** Severity for an estimate, or null when it is below both thresholds. */
export function bloatSeverity(e: BloatEstimate, t: Thresholds): Severity | null {
  if (e.ratio >= t.bloatWarnRatio && e.wastedBytes >= t.bloatWarnBytes) return 'warning';
  if (e.ratio >= t.bloatInfoRatio && e.wastedBytes >= t.bloatInfoBytes) return 'info';
  return null;
}

export function evaluateTableBloat(tables: TableFact[], columns: Map<number, ColumnFact[]>, blockSize: number, database: string, t: Thresholds): Finding[] {
  const out: Finding[] = [];
  for (const table of tables) {
    const e = estimateTableBloat(table, columns.get(table.oid) ?? [], blockSize);
    if (!e) continue;
    const severity = bloatSeverity(e, t);
    if (!severity) continue;
    const name = qualified(table.schema, table.name);
    out.push(
      objectFinding(
        ID,
        severity,
        'table',
        name,
        database,
        `${name} takes ${formatBytes(e.actualPages * blockSize)} but its ${Math.round(table.reltuples).toLocaleString('en-US')} rows need about ${formatBytes(e.expectedPages * blockSize)}: an estimated ${formatBytes(e.wastedBytes)} (${formatPercent(e.ratio, 0)}) is empty space`,
        {
          evidence: {
            sizeBytes: e.actualPages * blockSize,
            expectedBytes: e.expectedPages * blockSize,
            wastedBytes: e.wastedBytes,
            wastedRatio: round(e.ratio, 3),
            rows: Math.round(table.reltuples),
            avgRowBytes: e.tupleBytes,
            deadRows: table.nDeadTup,
            method: 'estimate from pg_class and pg_stats (no table scan)',
          },
          fix: {
            description:
              'Space inside the table is reused by new rows, so this only matters if it stays empty. To give it back: pg_repack rewrites the table online; VACUUM FULL does it under an ACCESS EXCLUSIVE lock (no reads or writes meanwhile). Then keep autovacuum ahead (see dead-tuples)',
            code: `-- online, with the pg_repack extension and client:  pg_repack --table=${name} --dbname=${database}\n-- or in a maintenance window (locks the table for the duration):\nVACUUM (FULL, ANALYZE, VERBOSE) ${name};`,
            language: 'sql',
          },
          impact: impact(severity, Math.max(e.ratio * 0.5, logScale(e.wastedBytes, 8 * 1024 ** 2, 100 * 1024 ** 3))),
        },
      ),
    );
  }
  return out;
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Tables much larger than their rows need (estimated from statistics, no table scan)',
  docs: 'docs/diagnose/table-bloat.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    // A relation smaller than the smallest reportable waste cannot be reported: skip its statistics.
    const minBytes = Math.min(ctx.thresholds.bloatInfoBytes, ctx.thresholds.bloatWarnBytes);
    const candidates = (await ctx.facts.tables()).filter((x) => x.relkind !== 'p' && x.relpages * ctx.server.blockSize >= minBytes);
    if (candidates.length === 0) return [];
    const columns = await ctx.facts.statsFor(candidates);
    return evaluateTableBloat(candidates, columns, ctx.server.blockSize, ctx.server.database, ctx.thresholds);
  },
};
