import type { Finding } from '../../model/finding.js';
import type { ColumnFact, IndexFact, StatementFact, StatementsFact, TableFact } from '../_facts.js';
import { qualified, quoteIdent } from '../_facts.js';
import { planCost, runExplain } from '../_plan.js';
import { analyzeQuery, loadParser, shortenQuery, type ColumnUse, type RelationRef } from '../_sql-parse.js';
import { formatCount, formatPercent, impact, logScale, objectFinding, round } from '../_util.js';
import type { Check, CheckContext, Thresholds } from '../types.js';
import { byCodeUnit } from '../../util/compare.js';

const ID = 'missing-index';

/** One query's filter on one table, as parsed from its normalized text. */
export interface TableFilter {
  queryid: string;
  query: string;
  totalMs: number;
  share: number;
  params: number;
  uses: ColumnUse[];
}

export interface IndexSuggestion {
  columns: string[];
  /** The query the suggestion serves best. */
  filter: TableFilter;
  sql: string;
  indexName: string;
  /** Columns left out because they have almost no distinct values. */
  lowCardinality: string[];
}

/** Finds the catalog table a query's relation names, or undefined when unknown or ambiguous. */
export function tableResolver(tables: TableFact[]): (rel: RelationRef) => TableFact | undefined {
  const byName = new Map<string, TableFact[]>();
  for (const t of tables) {
    const list = byName.get(t.name);
    if (list) list.push(t);
    else byName.set(t.name, [t]);
  }
  return (rel) => {
    const list = byName.get(rel.name) ?? [];
    if (rel.schema) return list.find((t) => t.schema === rel.schema);
    if (list.length === 1) return list[0];
    return list.find((t) => t.schema === 'public');
  };
}

/** Parse the statements once and group the columns they filter on by table oid. */
export function filtersByTable(
  statements: StatementFact[],
  totalMs: number,
  tables: TableFact[],
  columnsByTable: Map<number, ColumnFact[]>,
): Map<number, TableFilter[]> {
  const resolve = tableResolver(tables);
  const out = new Map<number, TableFilter[]>();
  for (const st of statements) {
    let shape;
    try {
      shape = analyzeQuery(st.query, (rel) => {
        const t = resolve(rel);
        return t ? (columnsByTable.get(t.oid) ?? []).map((c) => c.name) : undefined;
      });
    } catch {
      continue; // utility statements the parser rejects, or hidden text
    }
    const perTable = new Map<number, ColumnUse[]>();
    for (const u of shape.uses) {
      const t = resolve(u.relation);
      if (!t) continue;
      const list = perTable.get(t.oid);
      if (list) list.push(u);
      else perTable.set(t.oid, [u]);
    }
    for (const [oid, uses] of perTable) {
      const f: TableFilter = {
        queryid: st.queryid,
        query: st.query,
        totalMs: st.totalMs,
        share: totalMs > 0 ? st.totalMs / totalMs : 0,
        params: shape.params,
        uses,
      };
      const list = out.get(oid);
      if (list) list.push(f);
      else out.set(oid, [f]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.totalMs - a.totalMs || byCodeUnit(a.queryid, b.queryid));
  return out;
}

function distinctValues(c: ColumnFact | undefined, rows: number): number | null {
  if (!c || c.nDistinct === null) return null;
  return c.nDistinct < 0 ? -c.nDistinct * rows : c.nDistinct;
}

const KIND_ORDER: Record<string, number> = { eq: 0, in: 1, join: 2, range: 3 };

/** Name an index the way PostgreSQL would (table_col1_col2_idx, then _idx1...), within the 63-byte limit. */
export function indexName(table: string, columns: string[], suffix = ''): string {
  const base = `${table}_${columns.join('_')}`;
  return `${base.slice(0, 63 - 4 - suffix.length)}_idx${suffix}`;
}

/**
 * The index to suggest for a table: equality columns first (most selective first), then one
 * range column, at most three columns, skipping near-constant columns. Undefined when the
 * queries filter on nothing indexable or an existing index already leads with the same column.
 */
export function suggestIndex(
  table: TableFact,
  filters: TableFilter[],
  columns: ColumnFact[],
  indexes: IndexFact[],
): IndexSuggestion | { coveredBy: IndexFact; filter: TableFilter } | undefined {
  const rows = Math.max(table.reltuples, table.nLiveTup);
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const filter of filters) {
    const seen = new Map<string, string>();
    for (const u of filter.uses) {
      if (!(u.kind in KIND_ORDER) || !byName.has(u.column)) continue;
      const prev = seen.get(u.column);
      if (prev === undefined || (KIND_ORDER[u.kind] ?? 9) < (KIND_ORDER[prev] ?? 9)) seen.set(u.column, u.kind);
    }
    if (seen.size === 0) continue;
    const lowCardinality: string[] = [];
    const ranked = [...seen.entries()]
      .filter(([col]) => {
        const d = distinctValues(byName.get(col), rows);
        if (d !== null && d <= 2) {
          lowCardinality.push(col);
          return false;
        }
        return true;
      })
      .sort(
        ([a, ka], [b, kb]) =>
          (KIND_ORDER[ka] ?? 9) - (KIND_ORDER[kb] ?? 9) ||
          (distinctValues(byName.get(b), rows) ?? 0) - (distinctValues(byName.get(a), rows) ?? 0) ||
          byCodeUnit(a, b),
      );
    // Join columns matter when nothing else narrows the table (the inner side of a nested loop).
    const filtersOnly = ranked.filter(([, k]) => k === 'eq' || k === 'in').map(([c]) => c);
    const eqs = filtersOnly.length > 0 ? filtersOnly : ranked.filter(([, k]) => k === 'join').map(([c]) => c);
    const range = ranked.find(([, k]) => k === 'range')?.[0];
    const cols = [...eqs, ...(range ? [range] : [])].slice(0, 3);
    if (cols.length === 0) continue;
    const leading = indexes.find(
      (i) => i.tableOid === table.oid && i.isValid && i.am === 'btree' && !i.predicate && i.columns[0] === cols[0],
    );
    if (leading) return { coveredBy: leading, filter };
    // A name already taken in the schema gets a numeric suffix, as PostgreSQL itself would do.
    const taken = new Set(indexes.filter((i) => i.schema === table.schema).map((i) => i.name));
    let name = indexName(table.name, cols);
    for (let n = 1; taken.has(name); n++) name = indexName(table.name, cols, String(n));
    return {
      columns: cols,
      filter,
      indexName: name,
      lowCardinality,
      sql: `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${qualified(table.schema, table.name)} (${cols.map(quoteIdent).join(', ')});`,
    };
  }
  return undefined;
}

export interface SeqScanStats {
  rows: number;
  seqShare: number;
  avgRowsPerScan: number;
}

/** Is this table large and read mostly by sequential scans? */
export function seqScanHeavy(t: TableFact, th: Thresholds): SeqScanStats | null {
  if (t.relkind === 'p') return null;
  const rows = Math.max(t.reltuples, t.nLiveTup);
  if (rows < th.largeTableRows || t.seqScan < th.minSeqScans) return null;
  const read = t.seqTupRead + t.idxTupFetch;
  const seqShare = read > 0 ? t.seqTupRead / read : 0;
  const avgRowsPerScan = t.seqScan > 0 ? t.seqTupRead / t.seqScan : 0;
  if (seqShare < th.seqScanShare || avgRowsPerScan < th.largeTableRows / 2) return null;
  return { rows, seqShare, avgRowsPerScan };
}

interface Gain {
  before: number;
  after: number;
}

async function hypotheticalGain(ctx: CheckContext, schema: string, s: IndexSuggestion, createSql: string): Promise<Gain | string> {
  const hypo = quoteIdent(schema);
  try {
    return await ctx.session.transaction('missing-index.hypopg', { readOnly: true, prepares: true }, async (q) => {
      // The normalized query names tables the way the application does: use its search_path.
      await q('SET LOCAL search_path TO DEFAULT');
      const before = planCost(await runExplain(q, { query: s.filter.query, params: s.filter.params, analyze: false }));
      await q(`SELECT * FROM ${hypo}.hypopg_create_index($1)`, [createSql]);
      const after = planCost(await runExplain(q, { query: s.filter.query, params: s.filter.params, analyze: false }));
      await q(`SELECT ${hypo}.hypopg_reset()`);
      return { before, after };
    });
  } catch (e) {
    return `could not estimate with hypopg: ${(e as Error).message}`;
  } finally {
    // Hypothetical indexes live in the session, not the transaction.
    await ctx.session.query('missing-index.hypopg-reset', `SELECT ${hypo}.hypopg_reset()`).catch(() => undefined);
  }
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Large tables read mostly by sequential scans, with the index the top queries need',
  docs: 'docs/diagnose/missing-index.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const th = ctx.thresholds;
    const tables = await ctx.facts.tables();
    const heavy = tables.map((t) => [t, seqScanHeavy(t, th)] as const).filter((x): x is [TableFact, SeqScanStats] => x[1] !== null);
    if (heavy.length === 0) return [];
    const [indexes, names, statements, extensions, stats] = await Promise.all([
      ctx.facts.indexes(),
      ctx.facts.columnsByTable(),
      ctx.facts.statements(th.topQueries),
      ctx.facts.extensions(),
      ctx.facts.statsFor(heavy.map(([t]) => t)),
    ]);
    // Names for every table (to resolve the queries' columns), distinct-value counts for the heavy ones.
    const columnsByTable = new Map([...names, ...stats]);
    let filters = new Map<number, TableFilter[]>();
    if (statements.status === 'ok') {
      await loadParser();
      filters = filtersByTable(statements.rows, statements.totalMs, tables, columnsByTable);
    }
    const hypopg = extensions.get('hypopg');
    const out: Finding[] = [];
    for (const [t, stats] of heavy) {
      const name = qualified(t.schema, t.name);
      const suggestion = suggestIndex(t, filters.get(t.oid) ?? [], columnsByTable.get(t.oid) ?? [], indexes);
      out.push(await findingFor(ctx, t, name, stats, statements, suggestion, hypopg?.schema));
    }
    return out;
  },
};

async function findingFor(
  ctx: CheckContext,
  t: TableFact,
  name: string,
  stats: SeqScanStats,
  statements: StatementsFact,
  suggestion: ReturnType<typeof suggestIndex>,
  hypopgSchema: string | undefined,
): Promise<Finding> {
  const head = `${name} (${formatCount(stats.rows)} rows) is read mostly by sequential scans: ${formatCount(t.seqScan)} scans read ${formatCount(t.seqTupRead)} rows (${formatPercent(stats.seqShare)} of rows read)`;
  const evidence: Record<string, string | number | boolean | null> = {
    rows: Math.round(stats.rows),
    seqScans: t.seqScan,
    seqRowsRead: t.seqTupRead,
    indexScans: t.idxScan,
    indexRowsFetched: t.idxTupFetch,
    seqShareOfRowsRead: round(stats.seqShare, 4),
    avgRowsPerSeqScan: Math.round(stats.avgRowsPerScan),
  };
  const magnitude = logScale(t.seqTupRead, 1e5, 1e11);
  if (suggestion && 'columns' in suggestion) {
    const f = suggestion.filter;
    evidence.queryid = f.queryid;
    evidence.query = shortenQuery(f.query, 300);
    evidence.queryShareOfTime = round(f.share, 4);
    evidence.suggestedColumns = suggestion.columns.join(', ');
    if (suggestion.lowCardinality.length) evidence.skippedLowCardinality = suggestion.lowCardinality.join(', ');
    let gainText = '';
    if (hypopgSchema) {
      const gain = await hypotheticalGain(ctx, hypopgSchema, suggestion, `CREATE INDEX ON ${name} (${suggestion.columns.map(quoteIdent).join(', ')})`);
      if (typeof gain === 'string') evidence.hypopg = gain;
      else {
        evidence.planCostBefore = round(gain.before);
        evidence.planCostWithIndex = round(gain.after);
        const g = gain.before > 0 ? 1 - gain.after / gain.before : 0;
        evidence.estimatedGain = round(g, 4);
        gainText = g > 0 ? `; with a hypothetical index (hypopg) the planner's cost drops ${formatPercent(g)}` : '; hypopg says the planner would not use it for this query';
      }
    } else {
      evidence.hypopg = 'not installed (CREATE EXTENSION hypopg estimates the gain before you build the index)';
    }
    return objectFinding(
      ID,
      'warning',
      'table',
      name,
      ctx.server.database,
      `${head}; queryid ${f.queryid} (${formatPercent(f.share)} of query time) filters it on ${suggestion.columns.join(', ')}${gainText}`,
      {
        evidence,
        fix: {
          description: `Create the index without blocking writes (CONCURRENTLY cannot run inside a transaction block)${t.isPartition ? '; this is a partition: create the same index on the other partitions too, or on the parent with ON ONLY and ATTACH' : ''}`,
          code: suggestion.sql,
          language: 'sql',
        },
        impact: impact('warning', Math.max(magnitude, f.share)),
      },
    );
  }
  if (suggestion && 'coveredBy' in suggestion) {
    const idx = suggestion.coveredBy;
    evidence.queryid = suggestion.filter.queryid;
    evidence.query = shortenQuery(suggestion.filter.query, 300);
    evidence.existingIndex = qualified(idx.schema, idx.name);
    return objectFinding(
      ID,
      'warning',
      'table',
      name,
      ctx.server.database,
      `${head}; queryid ${suggestion.filter.queryid} filters on ${idx.columns[0]}, which ${qualified(idx.schema, idx.name)} already indexes, yet the planner scans: check its plan and the table's statistics`,
      {
        evidence,
        fix: {
          description: 'Refresh the statistics, then read the plan of that query (--explain) to see why the index is not chosen (a type cast or function on the column, low selectivity, or a stale estimate)',
          code: `ANALYZE ${name};`,
          language: 'sql',
        },
        impact: impact('warning', magnitude),
      },
    );
  }
  if (statements.status !== 'ok') {
    return objectFinding(ID, 'warning', 'table', name, ctx.server.database, `${head}; enable pg_stat_statements so archie can tell which columns to index`, {
      evidence,
      fix: {
        description: 'Find the queries that filter this table (pg_stat_statements, or the slow query log) and index the columns in their WHERE clauses',
        code: 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;',
        language: 'sql',
      },
      impact: impact('warning', magnitude),
    });
  }
  return objectFinding(
    ID,
    'info',
    'table',
    name,
    ctx.server.database,
    `${head}; no query in pg_stat_statements filters it on an indexable column, so these look like whole-table reads (reports, exports, counts)`,
    {
      evidence,
      fix: { description: 'If these scans are expected, nothing to do; otherwise move reports to a replica or keep a summary table' },
      impact: impact('info', magnitude),
    },
  );
}
