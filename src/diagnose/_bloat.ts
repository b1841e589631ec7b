import type { ColumnFact, IndexFact, TableFact } from './_facts.js';

/**
 * Bloat estimated from statistics only (pg_class.relpages/reltuples and pg_stats widths), never by
 * reading the relation the way pgstattuple does. The estimate rebuilds the size a freshly packed
 * relation would have from the average row width and compares it with the pages it occupies.
 * It is approximate (alignment of nullable columns, TOAST, btree deduplication), so thresholds
 * leave room: only large and clearly oversized relations are reported.
 */
export interface BloatEstimate {
  actualPages: number;
  expectedPages: number;
  wastedBytes: number;
  /** wasted / actual size, 0..1. */
  ratio: number;
  /** Average tuple size used for the estimate, bytes. */
  tupleBytes: number;
}

const PAGE_HEADER = 24;
const ITEM_POINTER = 4;
const HEAP_TUPLE_HEADER = 23;
const INDEX_TUPLE_HEADER = 8;
const BTREE_SPECIAL = 16;
const MAXALIGN = 8;

function alignTo(offset: number, align: number): number {
  return Math.ceil(offset / align) * align;
}

function alignOf(c: ColumnFact): number {
  // Short varlena values (under 127 bytes) are stored with a 1-byte header and no alignment.
  if (c.typlen === -1 && (c.avgWidth ?? 0) < 127) return 1;
  return c.typalign === 'd' ? 8 : c.typalign === 'i' ? 4 : c.typalign === 's' ? 2 : 1;
}

/** Average width of the data part of a tuple holding these columns, alignment included. */
function dataWidth(columns: ColumnFact[]): number | null {
  let offset = 0;
  for (const c of columns) {
    if (c.avgWidth === null || c.nullFrac === null) return null;
    const present = 1 - c.nullFrac;
    if (present <= 0) continue;
    offset = alignTo(offset, alignOf(c)) * present + offset * (1 - present);
    offset += c.avgWidth * present;
  }
  return offset;
}

function result(actualPages: number, expectedPages: number, blockSize: number, tupleBytes: number): BloatEstimate {
  const wastedPages = Math.max(0, actualPages - expectedPages);
  return {
    actualPages,
    expectedPages,
    wastedBytes: wastedPages * blockSize,
    ratio: actualPages > 0 ? wastedPages / actualPages : 0,
    tupleBytes: Math.round(tupleBytes),
  };
}

/** Heap estimate for a table or materialized view; null when statistics are missing. */
export function estimateTableBloat(table: TableFact, columns: ColumnFact[], blockSize: number): BloatEstimate | null {
  if (table.relkind === 'p' || table.relpages <= 0 || table.reltuples < 0 || columns.length === 0) return null;
  const data = dataWidth(columns);
  if (data === null) return null;
  const hasNulls = columns.some((c) => (c.nullFrac ?? 0) > 0);
  const header = alignTo(HEAP_TUPLE_HEADER + (hasNulls ? Math.ceil(columns.length / 8) : 0), MAXALIGN);
  const tuple = header + alignTo(data, MAXALIGN);
  const fillfactor = Number(table.options.fillfactor ?? 100) / 100;
  const usable = (blockSize - PAGE_HEADER) * fillfactor;
  const perPage = Math.max(1, Math.floor(usable / (tuple + ITEM_POINTER)));
  const expected = Math.ceil(table.reltuples / perPage);
  return result(table.relpages, expected, blockSize, tuple);
}

/** B-tree estimate (leaf level plus a share for the upper levels); null for other access methods or expressions. */
export function estimateBtreeBloat(
  index: IndexFact,
  tableColumns: ColumnFact[],
  table: TableFact | undefined,
  blockSize: number,
): BloatEstimate | null {
  if (index.am !== 'btree' || index.relkind !== 'i' || !index.isValid || index.relpages <= 1) return null;
  if (index.columns.some((c) => c === null)) return null;
  const byName = new Map(tableColumns.map((c) => [c.name, c]));
  const cols: ColumnFact[] = [];
  for (const name of index.columns) {
    const c = byName.get(name as string);
    if (!c) return null;
    cols.push(c);
  }
  const data = dataWidth(cols);
  if (data === null) return null;
  const tuples = index.reltuples >= 0 ? index.reltuples : (table?.reltuples ?? -1);
  if (tuples < 0) return null;
  const hasNulls = cols.some((c) => (c.nullFrac ?? 0) > 0);
  const tuple = alignTo(INDEX_TUPLE_HEADER + (hasNulls ? 4 : 0) + data, MAXALIGN);
  const fillfactor = Number(index.options.fillfactor ?? 90) / 100;
  const usable = (blockSize - PAGE_HEADER - BTREE_SPECIAL) * fillfactor;
  const perPage = Math.max(1, Math.floor(usable / (tuple + ITEM_POINTER)));
  const leaf = Math.ceil(tuples / perPage);
  // Upper levels hold one downlink per page below: a geometric series, plus the metapage.
  let upper = 0;
  for (let level = Math.ceil(leaf / perPage); level > 1; level = Math.ceil(level / perPage)) upper += level;
  const expected = leaf + upper + 1 + (leaf > 1 ? 1 : 0);
  return result(index.relpages, expected, blockSize, tuple);
}
