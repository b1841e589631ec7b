import type { Finding } from '../../model/finding.js';
import type { ActivityFact, ColumnFact, IndexFact, SettingFact, StatementFact, StatementsFact, TableFact } from '../_facts.js';
import { plural, qualified, quoteIdent } from '../_facts.js';
import { enableSteps, HIDDEN_TEXT } from './top-queries.js';
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
  for (const filter of filters) {
    const s = suggestFor(table, filter, columns, indexes);
    if (s) return s;
  }
  return undefined;
}

/** The index one query needs on this table, or the existing index that should already serve it. */
export function suggestFor(
  table: TableFact,
  filter: TableFilter,
  columns: ColumnFact[],
  indexes: IndexFact[],
): IndexSuggestion | { coveredBy: IndexFact; filter: TableFilter } | undefined {
  const rows = table.nLiveTup > 0 ? table.nLiveTup : Math.max(0, table.reltuples);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const seen = new Map<string, string>();
  const order: string[] = [];
  for (const u of filter.uses) {
    if (!byName.has(u.column)) continue;
    if (u.kind === 'order') {
      if (!order.includes(u.column)) order.push(u.column);
      continue;
    }
    if (!(u.kind in KIND_ORDER)) continue;
    const prev = seen.get(u.column);
    if (prev === undefined || (KIND_ORDER[u.kind] ?? 9) < (KIND_ORDER[prev] ?? 9)) seen.set(u.column, u.kind);
  }
  if (seen.size === 0 && order.length === 0) return undefined;
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
  // ORDER BY ... LIMIT after the equality columns lets the scan stop after LIMIT rows; a range
  // column would break that order, so it wins only when there is no ORDER BY.
  const tail = range ? [range] : order.filter((c) => !eqs.includes(c));
  const cols = [...eqs, ...tail].slice(0, 3);
  if (cols.length === 0) return undefined;
  const leading = indexes.find(
    (i) => i.tableOid === table.oid && i.isValid && i.am === 'btree' && !i.predicate && i.columns[0] === cols[0] && (cols.length === 1 || i.columns[1] === cols[1]),
  );
  if (leading) return { coveredBy: leading, filter };
  // A name already taken in the schema gets a numeric suffix, as PostgreSQL itself would do.
  const taken = new Set(indexes.filter((i) => i.schema === table.schema).map((i) => i.name));
  let name = indexName(table.name, cols);
  for (let n = 1; taken.has(name); n++) name = indexName(table.name, cols, String(n));
  const desc = (c: string): boolean => filter.uses.some((u) => u.kind === 'order' && u.column === c && u.descending === true);
  return {
    columns: cols,
    filter,
    indexName: name,
    lowCardinality,
    sql: `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${qualified(table.schema, table.name)} (${cols.map((c) => `${quoteIdent(c)}${desc(c) && !eqs.includes(c) ? ' DESC' : ''}`).join(', ')});`,
  };
}

export interface SeqScanStats {
  rows: number;
  seqShare: number;
  avgRowsPerScan: number;
}

/** Is this table large and read mostly by sequential scans? */
export function seqScanHeavy(t: TableFact, th: Thresholds): SeqScanStats | null {
  if (t.relkind === 'p') return null;
  const rows = t.nLiveTup > 0 ? t.nLiveTup : Math.max(0, t.reltuples);
  if (rows < th.largeTableRows || t.seqScan < th.minSeqScans) return null;
  const read = t.seqTupRead + t.idxTupFetch;
  const seqShare = read > 0 ? t.seqTupRead / read : 0;
  const avgRowsPerScan = t.seqScan > 0 ? t.seqTupRead / t.seqScan : 0;
  const scanShare = t.seqScan / Math.max(1, t.seqScan + t.idxScan);
  if (seqShare < th.seqScanShare || scanShare < th.seqScanShareOfScans || avgRowsPerScan < th.largeTableRows / 2) return null;
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

/** How the planner reads one table for one query now: by a sequential scan, by an index, or unknown. */
export type PlanAccess = 'seq' | 'index' | 'unknown';

/** Walk a plan (no recursion: plans of huge queries are deep) and say how it reads `schema.table`. */
export function accessOf(plan: unknown, schema: string, table: string): PlanAccess {
  const top = (Array.isArray(plan) ? plan[0] : plan) as { Plan?: Record<string, unknown> } | undefined;
  const stack: unknown[] = top?.Plan ? [top.Plan] : [];
  let found: PlanAccess = 'unknown';
  while (stack.length > 0) {
    const n = stack.pop() as Record<string, unknown>;
    if (n['Relation Name'] === table && (n.Schema === undefined || n.Schema === schema)) {
      const type = String(n['Node Type']);
      if (type === 'Seq Scan') return 'seq';
      if (/Index|Bitmap/.test(type)) found = 'index';
    }
    for (const c of (n.Plans as unknown[] | undefined) ?? []) stack.push(c);
  }
  return found;
}

/** Sessions' current or last statements, as a sample of the queries when pg_stat_statements is missing. */
function activitySample(activity: ActivityFact[], database: string): StatementFact[] {
  const seen = new Set<string>();
  const out: StatementFact[] = [];
  for (const a of activity) {
    if (a.database !== database || a.hidden || !a.query || a.application === 'archie-diagnose' || a.query.startsWith('/* archie-diagnose */')) continue;
    if (seen.has(a.query)) continue;
    seen.add(a.query);
    out.push({ queryid: `pid ${a.pid}`, query: a.query, calls: 1, totalMs: 0, meanMs: 0, rows: 0, sharedHit: 0, sharedRead: 0, tempWritten: 0, rankTotal: 0, rankMean: 0, rankCalls: 0 });
  }
  return out;
}

/** At most this many queries are planned per table (each EXPLAIN is a round trip). */
const PLANS_PER_TABLE = 5;
/** At most this many index suggestions per table. */
const SUGGESTIONS_PER_TABLE = 3;

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'Large tables read mostly by sequential scans, with the index each query that still scans them needs (confirmed by its plan)',
  docs: 'docs/diagnose/missing-index.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const th = ctx.thresholds;
    const tables = await ctx.facts.tables();
    ctx.examined(plural(tables.length, 'table'));
    const heavy = tables.map((t) => [t, seqScanHeavy(t, th)] as const).filter((x): x is [TableFact, SeqScanStats] => x[1] !== null);
    if (heavy.length === 0) return [];
    const [indexes, names, statements, extensions, stats, settings] = await Promise.all([
      ctx.facts.indexes(),
      ctx.facts.columnsByTable(),
      ctx.facts.statements(th.topQueries),
      ctx.facts.extensions(),
      ctx.facts.statsFor(heavy.map(([t]) => t)),
      ctx.facts.settings(),
    ]);
    // Names for every table (to resolve the queries' columns), distinct-value counts for the heavy ones.
    const columnsByTable = new Map([...names, ...stats]);
    let source: StatementFact[];
    let sourceTotalMs = 0;
    if (statements.status === 'ok') {
      source = statements.rows.filter((r) => r.query !== HIDDEN_TEXT);
      sourceTotalMs = statements.totalMs;
      if (statements.hidden > 0) {
        ctx.couldNotCheck(`${plural(statements.hidden, 'statement')} of other users are hidden, so the columns they filter on are unknown`, `GRANT pg_read_all_stats TO ${quoteIdent(ctx.server.user)};`);
      }
    } else {
      const steps = enableSteps(statements.status, ctx.server.database, settings.get('shared_preload_libraries'));
      ctx.couldNotCheck(
        `without pg_stat_statements the columns to index come only from the statements sessions are running now (pg_stat_activity)`,
        steps.code.replace(/\s+--[^\n]*/g, '').replace(/\n/g, ' '),
      );
      source = activitySample(await ctx.facts.activity(), ctx.server.database);
    }
    await loadParser();
    const filters = filtersByTable(source, sourceTotalMs, tables, columnsByTable);
    const hypopg = extensions.get('hypopg');
    const out: Finding[] = [];
    for (const [t, seq] of heavy) {
      const name = qualified(t.schema, t.name);
      const tableFilters = filters.get(t.oid) ?? [];
      const suggestions: { s: ReturnType<typeof suggestFor>; access: PlanAccess }[] = [];
      let served = 0;
      for (const f of tableFilters.slice(0, PLANS_PER_TABLE)) {
        const s = suggestFor(t, f, columnsByTable.get(t.oid) ?? [], indexes);
        if (!s) continue;
        // Ask the planner how this query reads the table now: an index built since the scans were
        // counted (or one the planner prefers anyway) means there is nothing left to add.
        const access = await planAccess(ctx, f, t);
        if (access === 'index') {
          served += 1;
          continue;
        }
        const key = 'columns' in s ? s.columns.join(',') : `covered:${s.coveredBy.oid}`;
        if (suggestions.some((x) => x.s && ('columns' in x.s ? x.s.columns.join(',') : `covered:${x.s.coveredBy.oid}`) === key)) continue;
        suggestions.push({ s, access });
        if (suggestions.length >= SUGGESTIONS_PER_TABLE) break;
      }
      if (suggestions.length > 0) {
        for (const { s, access } of suggestions) out.push(await findingFor(ctx, t, name, seq, statements, s, access, hypopg?.schema));
      } else if (served > 0) {
        // Every query that filters it is read by an index now: the sequential scans are history.
        continue;
      } else {
        out.push(await findingFor(ctx, t, name, seq, statements, undefined, 'unknown', hypopg?.schema, source.length > 0 && statements.status === 'ok' && statements.hidden === 0, settings.get('shared_preload_libraries')));
      }
    }
    return out;
  },
};

async function planAccess(ctx: CheckContext, f: TableFilter, t: TableFact): Promise<PlanAccess> {
  try {
    const plan = await ctx.session.transaction('missing-index.plan', { readOnly: true, prepares: f.params > 0 }, async (q) => {
      // The query names tables the way the application does: plan it with the role's own search_path.
      await q('SET LOCAL search_path TO DEFAULT');
      return runExplain(q, { query: f.query, params: f.params, analyze: false });
    });
    return accessOf(plan, t.schema, t.name);
  } catch {
    // A query that needs a temporary table, another role's search_path, or was truncated: no verdict.
    return 'unknown';
  }
}

async function findingFor(
  ctx: CheckContext,
  t: TableFact,
  name: string,
  stats: SeqScanStats,
  statements: StatementsFact,
  suggestion: ReturnType<typeof suggestIndex>,
  access: PlanAccess,
  hypopgSchema: string | undefined,
  sawEveryQuery = false,
  preload?: SettingFact,
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
    planNow: access === 'seq' ? 'sequential scan' : access === 'index' ? 'index' : 'not planned',
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
      `${head}; ${f.queryid.startsWith('pid ') ? `the statement of ${f.queryid} (pg_stat_activity)` : `queryid ${f.queryid} (${formatPercent(f.share)} of query time)`} ${access === 'seq' ? 'still scans it and ' : ''}filters it on ${suggestion.columns.join(', ')}${gainText}`,
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
  if (!sawEveryQuery) {
    // Not seeing the queries is no reason to call the scans harmless: still a warning.
    const steps = statements.status === 'ok' ? null : enableSteps(statements.status, ctx.server.database, preload);
    return objectFinding(
      ID,
      'warning',
      'table',
      name,
      ctx.server.database,
      `${head}; ${statements.status === 'ok' ? "the queries behind the scans are hidden from this user, so archie cannot tell which columns to index" : 'without pg_stat_statements archie cannot tell which columns its queries filter on'}`,
      {
        evidence,
        fix: steps
          ? { description: `${steps.description}; the next run names the columns. Meanwhile the slow query log (log_min_duration_statement) shows the queries`, ...(steps.code && { code: steps.code, language: 'sql' as const }) }
          : { description: 'Let archie see every statement (then it names the columns)', code: `GRANT pg_read_all_stats TO ${quoteIdent(ctx.server.user)};`, language: 'sql' },
        impact: impact('warning', magnitude),
      },
    );
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
