/**
 * Reading an EXPLAIN (FORMAT JSON) plan the way a DBA would: sequential scans that filter a large
 * table down to a few rows, estimates far from reality, sorts and hashes that spill to disk, and
 * nested loops that repeat their inner side thousands of times. Pure: plan and catalog numbers in,
 * findings out.
 */
import type { Finding } from '../model/finding.js';
import { qualified, quoteIdent } from './_facts.js';
import { analyzeQuery, type ColumnUse } from './_sql-parse.js';
import { formatBytes, formatCount, formatMs, impact, logScale, objectFinding, round, settingSize } from './_util.js';
import type { Thresholds } from './types.js';
import { byCodeUnit } from '../util/compare.js';

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Index Name'?: string;
  'Total Cost'?: number;
  'Plan Rows'?: number;
  'Plan Width'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  Filter?: string;
  'Join Filter'?: string;
  'Hash Cond'?: string;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  'Hash Batches'?: number;
  'Original Hash Batches'?: number;
  'Peak Memory Usage'?: number;
  'HashAgg Batches'?: number;
  'Disk Usage'?: number;
  'Temp Written Blocks'?: number;
  'Parallel Aware'?: boolean;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface RelationStats {
  rows: number;
  pages: number;
}

export interface InterpretContext {
  /** Catalog rows per relation, keyed by qualified name (schema.table, quoted as needed). */
  relations: Map<string, RelationStats>;
  analyzed: boolean;
  workMemBytes: number | null;
  database: string;
  thresholds: Thresholds;
}

export interface Interpretation {
  findings: Finding[];
  outline: string[];
}

interface Visit {
  node: PlanNode;
  path: string;
  depth: number;
  parent: Visit | null;
}

/** Every node in depth-first order, without recursion (the plan of a huge query can be very deep). */
function walk(root: PlanNode): Visit[] {
  const out: Visit[] = [];
  const stack: Visit[] = [{ node: root, path: '1', depth: 0, parent: null }];
  while (stack.length > 0) {
    const v = stack.pop() as Visit;
    out.push(v);
    const children = v.node.Plans ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as PlanNode, path: `${v.path}.${i + 1}`, depth: v.depth + 1, parent: v });
  }
  return out;
}

function relName(n: PlanNode): string | null {
  if (!n['Relation Name']) return null;
  return n.Schema ? qualified(n.Schema, n['Relation Name']) : quoteIdent(n['Relation Name']);
}

function describe(n: PlanNode): string {
  const rel = relName(n);
  const alias = n.Alias && n.Alias !== n['Relation Name'] ? ` ${n.Alias}` : '';
  const index = n['Index Name'] ? ` using ${n['Index Name']}` : '';
  const type = n['Node Type'] === 'ModifyTable' && typeof n.Operation === 'string' ? n.Operation : n['Node Type'];
  return `${n['Parallel Aware'] ? 'Parallel ' : ''}${type}${rel ? ` on ${rel}${alias}` : ''}${index}`;
}

/** Rows a node produced over all its loops (actual when analyzed, else the estimate). */
function totalRows(n: PlanNode, analyzed: boolean): number {
  if (analyzed && n['Actual Rows'] !== undefined) return (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
  return n['Plan Rows'] ?? 0;
}

/** Columns of the node's relation that a filter expression compares, via the real parser. */
export function filterColumns(n: PlanNode, expr: string | undefined): ColumnUse[] {
  const rel = relName(n);
  if (!expr || !rel) return [];
  const alias = n.Alias ? ` AS ${quoteIdent(n.Alias)}` : '';
  try {
    return analyzeQuery(`SELECT 1 FROM ${rel}${alias} WHERE ${expr}`).uses.filter((u) => u.kind !== 'join' && u.kind !== 'null' && u.kind !== 'like');
  } catch {
    return [];
  }
}

function indexSql(n: PlanNode, uses: ColumnUse[]): string | undefined {
  const rel = relName(n);
  if (!rel || uses.length === 0) return undefined;
  const order: Record<string, number> = { eq: 0, in: 1, join: 2, range: 3 };
  const cols = [...new Map(uses.map((u) => [u.column, u.kind])).entries()]
    .sort((a, b) => (order[a[1]] ?? 9) - (order[b[1]] ?? 9) || byCodeUnit(a[0], b[0]))
    .map(([c]) => c);
  const eq = cols.filter((c) => uses.find((u) => u.column === c)?.kind !== 'range');
  const range = cols.find((c) => uses.find((u) => u.column === c)?.kind === 'range');
  const chosen = [...eq, ...(range ? [range] : [])].slice(0, 3);
  const name = `${n['Relation Name']}_${chosen.join('_')}`.slice(0, 59) + '_idx';
  return `CREATE INDEX CONCURRENTLY ${quoteIdent(name)} ON ${rel} (${chosen.map(quoteIdent).join(', ')});`;
}

function joinColumns(inner: PlanNode, joinExpr: string | undefined): ColumnUse[] {
  const rel = relName(inner);
  if (!joinExpr || !rel) return [];
  const alias = inner.Alias ?? inner['Relation Name'];
  try {
    // Columns of other relations stay unresolved; only the inner relation's are kept.
    return analyzeQuery(`SELECT 1 FROM ${rel} AS ${quoteIdent(alias ?? 'x')} WHERE ${joinExpr}`)
      .uses.filter((u) => u.relation.name === inner['Relation Name'])
      .map((u) => ({ ...u, kind: 'eq' as const }));
  } catch {
    return [];
  }
}

/** The first scan node of a subtree (through Materialize, Hash, Memoize and the like). */
function firstScan(n: PlanNode): PlanNode | undefined {
  if (n['Relation Name']) return n;
  for (const c of n.Plans ?? []) {
    const s = firstScan(c);
    if (s) return s;
  }
  return undefined;
}

/** True when a Limit node sits above this one (it may stop before producing every row). */
function underLimit(v: Visit): boolean {
  for (let p = v.parent; p; p = p.parent) if (p.node['Node Type'] === 'Limit') return true;
  return false;
}

function loc(n: PlanNode, v: Visit): string {
  return `node ${v.path}: ${describe(n)}`;
}

export function interpretPlan(plan: unknown, ctx: InterpretContext): Interpretation {
  const top = (Array.isArray(plan) ? plan[0] : plan) as { Plan?: PlanNode } | undefined;
  const root = top?.Plan;
  if (!root) return { findings: [], outline: [] };
  const t = ctx.thresholds;
  const visits = walk(root);
  const findings: Finding[] = [];
  const outline = visits.map((v) => outlineLine(v, ctx.analyzed));

  // Sequential scans that filter a large table down to a small share of it.
  for (const v of visits) {
    const n = v.node;
    if (n['Node Type'] !== 'Seq Scan' || !n.Filter) continue;
    const rel = relName(n);
    const stats = rel ? ctx.relations.get(rel) : undefined;
    const loops = ctx.analyzed ? (n['Actual Loops'] ?? 1) : 1;
    const kept = totalRows(n, ctx.analyzed);
    const scanned = ctx.analyzed ? kept + (n['Rows Removed by Filter'] ?? 0) * loops : (stats?.rows ?? 0) * loops;
    const tableRows = stats?.rows ?? scanned / Math.max(1, loops);
    if (tableRows < t.largeTableRows || scanned <= 0) continue;
    const selectivity = kept / scanned;
    if (selectivity > 0.1) continue;
    const uses = filterColumns(n, n.Filter);
    const sql = indexSql(n, uses);
    findings.push(
      objectFinding('plan-seq-scan', 'warning', 'plan-node', loc(n, v), ctx.database, `${describe(n)} reads ${formatCount(scanned)} rows to keep ${formatCount(kept)} (${(selectivity * 100).toFixed(2)}%) with filter ${n.Filter}`, {
        evidence: {
          node: v.path,
          relation: rel,
          tableRows: Math.round(tableRows),
          rowsScanned: Math.round(scanned),
          rowsKept: Math.round(kept),
          selectivity: round(selectivity, 5),
          filter: n.Filter,
          loops,
        },
        fix: {
          description: sql
            ? 'Index the filtered columns so the planner can fetch the matching rows directly'
            : 'The filter is not a plain column comparison (a function or cast on the column): index that expression, or rewrite the condition so it compares the bare column',
          ...(sql && { code: sql, language: 'sql' as const }),
        },
        impact: impact('warning', logScale(scanned, t.largeTableRows, 1e9)),
      }),
    );
  }

  // Row estimates far from reality: report where the error starts, not every node above it.
  if (ctx.analyzed) {
    const ratioOf = (n: PlanNode): number => {
      if (n['Actual Loops'] === undefined || n['Actual Loops'] === 0) return 1;
      const est = Math.max(1, n['Plan Rows'] ?? 0);
      const act = Math.max(1, n['Actual Rows'] ?? 0);
      return Math.max(est / act, act / est);
    };
    const bad = visits.filter((v) => {
      const n = v.node;
      // Under a LIMIT a node stops once enough rows went up: fewer rows than estimated is the plan working.
      if (underLimit(v) && (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1) < (n['Plan Rows'] ?? 0)) return false;
      const rows = Math.max(n['Plan Rows'] ?? 0, n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
      return ratioOf(n) >= t.misestimateFactor && rows >= t.misestimateMinRows;
    });
    const origins = bad
      .filter((v) => !(v.node.Plans ?? []).some((c) => ratioOf(c) >= t.misestimateFactor))
      .sort((a, b) => ratioOf(b.node) - ratioOf(a.node) || byCodeUnit(a.path, b.path))
      .slice(0, 3);
    for (const v of origins) {
      const n = v.node;
      const est = n['Plan Rows'] ?? 0;
      const act = n['Actual Rows'] ?? 0;
      const factor = ratioOf(n);
      const under = act > est;
      const scan = firstScan(n);
      const rel = scan ? relName(scan) : null;
      const filterUses = scan ? filterColumns(scan, scan.Filter ?? (scan['Index Cond'] as string | undefined)) : [];
      const cols = [...new Set(filterUses.map((u) => u.column))];
      const lines = rel ? [`ANALYZE ${rel};`] : [];
      if (rel && cols.length >= 2 && scan) {
        const statName = `${scan['Relation Name']}_${cols.slice(0, 3).join('_')}`.slice(0, 57) + '_stats';
        lines.push(`CREATE STATISTICS IF NOT EXISTS ${quoteIdent(statName)} (dependencies, ndistinct, mcv) ON ${cols.slice(0, 3).map(quoteIdent).join(', ')} FROM ${rel};`, `ANALYZE ${rel};`);
      }
      findings.push(
        objectFinding('plan-row-misestimate', 'warning', 'plan-node', loc(n, v), ctx.database, `${describe(n)} was estimated at ${formatCount(est)} rows but produced ${formatCount(act)} per loop (${round(factor, 1)}× ${under ? 'under' : 'over'}): plans built on this estimate (join order, join method, memory) can be badly wrong`, {
          evidence: { node: v.path, estimatedRows: est, actualRows: act, loops: n['Actual Loops'] ?? 1, factor: round(factor, 1), direction: under ? 'under' : 'over', relation: rel },
          fix: {
            description:
              cols.length >= 2
                ? 'Refresh the statistics; if the filtered columns are correlated, extended statistics let the planner know'
                : 'Refresh the statistics; if it stays wrong, raise the statistics target of the filtered column (ALTER TABLE ... ALTER COLUMN ... SET STATISTICS 1000) and analyze again',
            ...(lines.length > 0 && { code: lines.join('\n'), language: 'sql' as const }),
          },
          impact: impact('warning', logScale(factor, t.misestimateFactor, 1e5)),
        }),
      );
    }
  }

  // Sorts, hashes and hash aggregates that went to disk (or will, by estimate).
  for (const v of visits) {
    const n = v.node;
    let needKb: number | null = null;
    let what = '';
    if (ctx.analyzed) {
      if (n['Sort Space Type'] === 'Disk') {
        needKb = (n['Sort Space Used'] ?? 0) * 2;
        what = `sorted on disk (${n['Sort Method'] ?? 'external'}, ${formatBytes((n['Sort Space Used'] ?? 0) * 1024)})`;
      } else if ((n['Hash Batches'] ?? 1) > 1) {
        needKb = (n['Peak Memory Usage'] ?? 0) * (n['Hash Batches'] ?? 1);
        what = `split its hash table into ${n['Hash Batches']} batches on disk`;
      } else if ((n['HashAgg Batches'] ?? 0) > 1 || (n['Disk Usage'] ?? 0) > 0) {
        needKb = (n['Peak Memory Usage'] ?? 0) + (n['Disk Usage'] ?? 0);
        what = `spilled ${formatBytes((n['Disk Usage'] ?? 0) * 1024)} of its hash aggregate to disk`;
      }
    } else if (ctx.workMemBytes !== null && (n['Node Type'] === 'Sort' || n['Node Type'] === 'Hash')) {
      // A sort under a LIMIT is a top-N heapsort: it keeps only the rows the LIMIT lets through.
      const limit = v.parent?.node['Node Type'] === 'Limit' && n['Node Type'] === 'Sort' ? v.parent.node['Plan Rows'] : undefined;
      const bytes = Math.min(n['Plan Rows'] ?? 0, limit ?? Infinity) * ((n['Plan Width'] ?? 0) + 24);
      if (bytes > ctx.workMemBytes * 2) {
        needKb = (bytes * 1.5) / 1024;
        what = `is estimated to handle ${formatBytes(bytes)}, more than work_mem (${formatBytes(ctx.workMemBytes)}), so it will likely spill to disk`;
      }
    }
    if (needKb === null) continue;
    const target = Math.max((ctx.workMemBytes ?? 4 * 1024 ** 2) * 2, needKb * 1024);
    const severity = ctx.analyzed ? 'warning' : 'info';
    findings.push(
      objectFinding('plan-disk-spill', severity, 'plan-node', loc(n, v), ctx.database, `${describe(n)} ${what}`, {
        evidence: {
          node: v.path,
          sortSpaceKb: n['Sort Space Used'] ?? null,
          sortMethod: n['Sort Method'] ?? null,
          hashBatches: n['Hash Batches'] ?? null,
          peakMemoryKb: n['Peak Memory Usage'] ?? null,
          workMemBytes: ctx.workMemBytes,
          estimated: !ctx.analyzed,
        },
        fix: {
          description: 'Give this query more memory for the operation (for its session or role, not globally: every sort of every connection may use work_mem), or make it sort/hash fewer rows',
          code: `SET work_mem = '${settingSize(target)}';  -- this session; for a role: ALTER ROLE ... SET work_mem = '${settingSize(target)}';`,
          language: 'sql',
        },
        impact: impact(severity, logScale(needKb * 1024, 4 * 1024 ** 2, 10 * 1024 ** 3)),
      }),
    );
  }

  // Nested loops whose inner side runs once per outer row over a large outer input.
  for (const v of visits) {
    const n = v.node;
    if (n['Node Type'] !== 'Nested Loop' || (n.Plans ?? []).length < 2) continue;
    const outer = (n.Plans ?? [])[0] as PlanNode;
    const inner = (n.Plans ?? [])[1] as PlanNode;
    const outerRows = totalRows(outer, ctx.analyzed);
    if (outerRows < t.largeTableRows) continue;
    const innerScan = firstScan(inner);
    const innerSeq = innerScan?.['Node Type'] === 'Seq Scan';
    if (!innerSeq && outerRows < t.largeTableRows * 10) continue;
    const severity = innerSeq ? 'warning' : 'info';
    const estOuter = outer['Plan Rows'] ?? 0;
    const underestimated = ctx.analyzed && outerRows > estOuter * 10;
    const uses = innerScan ? joinColumns(innerScan, n['Join Filter'] ?? innerScan.Filter) : [];
    const sql = innerScan && uses.length > 0 ? indexSql(innerScan, uses) : undefined;
    findings.push(
      objectFinding(
        'plan-nested-loop',
        severity,
        'plan-node',
        loc(n, v),
        ctx.database,
        `${describe(n)} runs its inner side (${innerScan ? describe(innerScan) : describe(inner)}) once for each of ${formatCount(outerRows)} outer rows${underestimated ? ` (the planner expected ${formatCount(estOuter)})` : ''}`,
        {
          evidence: {
            node: v.path,
            outerRows: Math.round(outerRows),
            estimatedOuterRows: estOuter,
            innerNode: innerScan ? describe(innerScan) : describe(inner),
            innerIsSeqScan: innerSeq,
            joinFilter: n['Join Filter'] ?? null,
          },
          fix: {
            description: underestimated
              ? 'The planner chose a nested loop because it expected few outer rows: fix that estimate first (ANALYZE, extended statistics), then a hash or merge join becomes possible'
              : innerSeq
                ? 'Index the inner table on its join column so each loop is an index lookup, not a scan'
                : 'Each loop is an index lookup, but there are many; a hash join may be cheaper: check the estimates and that the join columns have statistics',
            ...(sql && { code: sql, language: 'sql' as const }),
          },
          impact: impact(severity, logScale(outerRows, t.largeTableRows, 1e8)),
        },
      ),
    );
  }
  return { findings, outline };
}

function outlineLine(v: Visit, analyzed: boolean): string {
  const n = v.node;
  const est = `est ${formatCount(n['Plan Rows'] ?? 0)} rows, cost ${round(n['Total Cost'] ?? 0, 2)}`;
  const act =
    analyzed && n['Actual Loops'] !== undefined
      ? `; actual ${formatCount(n['Actual Rows'] ?? 0)} rows × ${n['Actual Loops']} loop${n['Actual Loops'] === 1 ? '' : 's'}, ${formatMs(n['Actual Total Time'] ?? 0)}`
      : '';
  const filter = n.Filter ? ` filter ${n.Filter}` : n['Index Cond'] ? ` cond ${n['Index Cond'] as string}` : '';
  return `${'  '.repeat(v.depth)}${v.path} ${describe(n)} (${est}${act})${filter}`;
}

/** Relations a plan reads, as [schema, name] pairs. */
export function planRelations(plan: unknown): [string, string][] {
  const top = (Array.isArray(plan) ? plan[0] : plan) as { Plan?: PlanNode } | undefined;
  if (!top?.Plan) return [];
  const seen = new Map<string, [string, string]>();
  for (const v of walk(top.Plan)) {
    const n = v.node;
    if (n['Relation Name'] && n.Schema) seen.set(`${n.Schema}.${n['Relation Name']}`, [n.Schema, n['Relation Name']]);
  }
  return [...seen.values()];
}
