import type { Finding } from '../../model/finding.js';
import { plural, qualified, type IndexFact, type TableFact } from '../_facts.js';
import { formatBytes, impact, logScale, objectFinding } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';

const ID = 'relation-sizes';

/** At most this many tables are listed. */
const LISTED = 10;

export interface TableSize {
  table: TableFact;
  heapBytes: number;
  toastBytes: number;
  indexBytes: number;
  indexes: number;
  totalBytes: number;
}

/** Sizes from pg_class.relpages (kept by VACUUM and ANALYZE): no pg_relation_size(), which locks each relation. */
export function tableSizes(tables: TableFact[], indexes: IndexFact[], blockSize: number): TableSize[] {
  const byTable = new Map<number, IndexFact[]>();
  for (const i of indexes) byTable.set(i.tableOid, [...(byTable.get(i.tableOid) ?? []), i]);
  return tables
    .filter((t) => t.relkind !== 'p')
    .map((t) => {
      const idx = byTable.get(t.oid) ?? [];
      const heapBytes = t.relpages * blockSize;
      const toastBytes = t.toastPages * blockSize;
      const indexBytes = idx.reduce((sum, i) => sum + i.relpages * blockSize, 0);
      return { table: t, heapBytes, toastBytes, indexBytes, indexes: idx.length, totalBytes: heapBytes + toastBytes + indexBytes };
    })
    .sort((a, b) => b.totalBytes - a.totalBytes || a.table.oid - b.table.oid);
}

/** The largest tables, as information: where the space goes, and which indexes outweigh their table. */
export function evaluateSizes(sizes: TableSize[], database: string, t: Thresholds): Finding[] {
  return sizes
    .filter((s) => s.totalBytes >= t.relationSizeInfoBytes)
    .slice(0, LISTED)
    .map((s) => {
      const name = qualified(s.table.schema, s.table.name);
      const heavyIndexes = s.indexBytes > s.heapBytes + s.toastBytes;
      return objectFinding(
        ID,
        'info',
        'table',
        name,
        database,
        `${name} takes ${formatBytes(s.totalBytes)}: table ${formatBytes(s.heapBytes)}, TOAST ${formatBytes(s.toastBytes)}, ${plural(s.indexes, 'index')} ${formatBytes(s.indexBytes)}${heavyIndexes ? ' (the indexes outweigh the data: see unused-index and duplicate-index)' : ''}`,
        {
          evidence: { totalBytes: s.totalBytes, tableBytes: s.heapBytes, toastBytes: s.toastBytes, indexBytes: s.indexBytes, indexes: s.indexes, rows: Math.round(Math.max(0, s.table.reltuples)), method: 'pg_class.relpages as of the last VACUUM or ANALYZE' },
          fix: {
            description: heavyIndexes
              ? 'Drop the indexes no query uses (unused-index, duplicate-index) before adding storage'
              : 'Plan the storage for its growth; partition it by time if old rows are rarely read, or archive them',
          },
          impact: impact('info', logScale(s.totalBytes, t.relationSizeInfoBytes, 10 * 1024 ** 4)),
        },
      );
    });
}

export const check: Check = {
  id: ID,
  severity: 'info',
  summary: 'The largest tables with their TOAST and index sizes (from the catalog, no locks)',
  docs: 'docs/diagnose/relation-sizes.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const [tables, indexes] = await Promise.all([ctx.facts.tables(), ctx.facts.indexes()]);
    const sizes = tableSizes(tables, indexes, ctx.server.blockSize);
    ctx.examined(`${plural(sizes.length, 'table')}, ${formatBytes(sizes.reduce((sum, s) => sum + s.totalBytes, 0))} in all`);
    return evaluateSizes(sizes, ctx.server.database, ctx.thresholds);
  },
};
