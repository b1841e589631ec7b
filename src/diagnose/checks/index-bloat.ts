import type { Finding } from '../../model/finding.js';
import { estimateBtreeBloat } from '../_bloat.js';
import { qualified, type ColumnFact, type IndexFact, type TableFact } from '../_facts.js';
import { formatBytes, formatPercent, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';
import { bloatSeverity } from './table-bloat.js';

const ID = 'index-bloat';

export function evaluateIndexBloat(
  indexes: IndexFact[],
  tables: Map<number, TableFact>,
  columns: Map<number, ColumnFact[]>,
  blockSize: number,
  database: string,
  t: Thresholds,
): Finding[] {
  const out: Finding[] = [];
  for (const index of indexes) {
    const e = estimateBtreeBloat(index, columns.get(index.tableOid) ?? [], tables.get(index.tableOid), blockSize);
    if (!e) continue;
    const severity = bloatSeverity(e, t);
    if (!severity) continue;
    const name = qualified(index.schema, index.name);
    out.push(
      objectFinding(
        ID,
        severity,
        'index',
        name,
        database,
        `${name} on ${qualified(index.tableSchema, index.tableName)} takes ${formatBytes(e.actualPages * blockSize)} where a fresh build would need about ${formatBytes(e.expectedPages * blockSize)}: an estimated ${formatBytes(e.wastedBytes)} (${formatPercent(e.ratio, 0)}) is empty`,
        {
          evidence: {
            sizeBytes: e.actualPages * blockSize,
            expectedBytes: e.expectedPages * blockSize,
            wastedBytes: e.wastedBytes,
            wastedRatio: round(e.ratio, 3),
            entries: Math.round(index.reltuples),
            avgEntryBytes: e.tupleBytes,
            method: 'estimate from pg_class and pg_stats (no index scan)',
          },
          fix: {
            description: 'Rebuild it without blocking reads or writes (PostgreSQL 12+); a bloated index is slower to scan and holds more of the cache',
            code: `REINDEX INDEX CONCURRENTLY ${name};`,
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
  summary: 'B-tree indexes much larger than a fresh build (estimated from statistics, no index scan)',
  docs: 'docs/diagnose/index-bloat.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [indexes, tables] = await Promise.all([ctx.facts.indexes(), ctx.facts.tables()]);
    const minBytes = Math.min(ctx.thresholds.bloatInfoBytes, ctx.thresholds.bloatWarnBytes);
    const candidates = indexes.filter((i) => i.relpages * ctx.server.blockSize >= minBytes);
    if (candidates.length === 0) return [];
    const tableByOid = new Map(tables.map((x) => [x.oid, x]));
    const owners = [...new Set(candidates.map((i) => i.tableOid))].map((oid) => tableByOid.get(oid)).filter((x): x is TableFact => x !== undefined);
    const columns = await ctx.facts.statsFor(owners);
    return evaluateIndexBloat(candidates, tableByOid, columns, ctx.server.blockSize, ctx.server.database, ctx.thresholds);
  },
};
