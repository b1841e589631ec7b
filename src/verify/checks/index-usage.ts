import type { Check } from '../_check.js';
import { outcome, plural, skipped, type Evidence } from '../report.js';
import { DESIGN_FILE, designPosition } from '../_design.js';
import { DEFAULT_ROWS } from '../_context.js';
import { chooseParams } from '../_params.js';
import { rootOf, scans, shape } from '../_plan.js';

/**
 * A table with at least this many rows must not be read sequentially by an access pattern: a
 * tenth of the main tables' size (10,000 rows by default). Smaller tables, such as a 3,000-row
 * tenants table the design projects, may be scanned: the planner is right to.
 */
function largeTableRows(base: number): number {
  return Math.max(1_000, Math.round(base / 10));
}

const INDEX_MAP_SQL = `
SELECT ic.relname AS index, coalesce(ri.relname, ic.relname) AS root_index, coalesce(rt.relname, t.relname) AS root_table
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
  LEFT JOIN pg_class ri ON ri.oid = pg_partition_root(ic.oid)
  LEFT JOIN pg_class rt ON rt.oid = pg_partition_root(t.oid)
 WHERE t.relnamespace = 'public'::regnamespace`;

const RELATIONS_SQL = `
SELECT c.relname AS name, greatest(c.reltuples, 0)::float8 AS rows, coalesce(r.relname, c.relname) AS root
  FROM pg_class c LEFT JOIN pg_class r ON r.oid = pg_partition_root(c.oid)
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p')`;

const COLUMNS_SQL = `
SELECT c.relname AS table, a.attname AS column
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped`;

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Every access pattern of the design, run through EXPLAIN on generated data (100,000 rows in each
 * main table by default), must read its table through an index, never by a sequential scan of a
 * large table. The evidence is the plan: its shape, the index, the estimated cost and rows.
 */
export const check: Check = {
  id: 'index-usage',
  title: 'every access pattern uses an index on 100k-row tables',
  lane: 'postgres',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) return skipped('needs a valid design.json (see the design-json check)');
    const d = load.design;
    const sqlStores = new Set(d.dataStores.filter((s) => s.kind === 'relational' || s.kind === 'timeseries').map((s) => s.id));
    const patterns = d.entities.flatMap((e, ei) => (sqlStores.has(e.store) ? e.accessPatterns.map((ap, ai) => ({ e, ei, ap, ai })) : []));
    if (patterns.length === 0) return skipped('the design declares no access patterns on a SQL store');
    const applied = await ctx.appliedSchema();
    if (!applied.ok) return skipped(`needs schema.sql applied first (${applied.reason})`, 'fix schema.sql (see the schema-pglite check)');
    const data = await ctx.generatedData();
    if (!data.ok) {
      return outcome([{ subject: 'generated data', ok: false, message: data.reason }], { passed: '', failed: () => 'the tables cannot be filled with generated rows' }, 'a CHECK or foreign key the generator cannot satisfy, or a bug in archie; the message names the table');
    }
    const db = data.pg.db;
    const r = data.result;
    const evidence: Evidence[] = [
      {
        subject: 'generated data',
        ok: true,
        message: `${r.tables.map((t) => `${t.table} ${fmt(t.rows)}`).join(', ')} rows; indexes built in ${fmt(Math.round(r.indexMs))} ms, ANALYZE in ${fmt(Math.round(r.analyzeMs))} ms`,
        durationMs: data.ms,
      },
    ];
    const indexMap = new Map((await db.query<{ index: string; root_index: string; root_table: string }>(INDEX_MAP_SQL)).rows.map((x) => [x.index, x]));
    const relations = new Map((await db.query<{ name: string; rows: number; root: string }>(RELATIONS_SQL)).rows.map((x) => [x.name, x]));
    const columns = new Map<string, Set<string>>();
    for (const c of (await db.query<{ table: string; column: string }>(COLUMNS_SQL)).rows) {
      let set = columns.get(c.table);
      if (!set) columns.set(c.table, (set = new Set()));
      set.add(c.column);
    }
    const columnsOf = (t: string): Set<string> => columns.get(t) ?? new Set();
    const large = largeTableRows(ctx.options.rows ?? DEFAULT_ROWS);
    for (const { e, ei, ap, ai } of patterns) {
      const subject = `${e.table}.${ap.id}`;
      const where = async (): Promise<Evidence> => ({ subject, ok: false, file: DESIGN_FILE, ...(await designPosition(ctx, ['entities', ei, 'accessPatterns', ai, 'sql'])), message: '' });
      if (!relations.has(e.table)) {
        evidence.push({ ...(await where()), message: `${subject}: table ${e.table} is not in schema.sql` });
        continue;
      }
      const t0 = performance.now();
      let params;
      try {
        params = await chooseParams(db, ap.sql, ap.params, ap.limit, columnsOf);
      } catch (err) {
        evidence.push({ ...(await where()), message: `${subject}: ${(err as Error).message}` });
        continue;
      }
      let root;
      try {
        const res = await db.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${ap.sql}`, params.values);
        root = rootOf(Object.values(res.rows[0] ?? {})[0]);
      } catch (err) {
        evidence.push({ ...(await where()), message: `${subject}: EXPLAIN failed: ${(err as Error).message}` });
        continue;
      }
      const found = scans(root);
      const indexes = [...new Set(found.filter((s) => s.index).map((s) => indexMap.get(s.index!)?.root_index ?? s.index!))].sort();
      const onTable = found.some((s) => s.index && indexMap.get(s.index)?.root_table === e.table);
      const seq = found
        .filter((s) => s.node === 'Seq Scan' && s.relation)
        .map((s) => ({ relation: s.relation!, rows: Math.round(relations.get(s.relation!)?.rows ?? 0) }))
        .filter((s) => s.rows >= large);
      const main = found.find((s) => (s.index && indexMap.get(s.index)?.root_table === e.table) || (s.relation && relations.get(s.relation)?.root === e.table)) ?? found[0];
      const ok = seq.length === 0 && onTable;
      const cost = `cost ${fmt(root['Startup Cost'] ?? 0)}..${fmt(root['Total Cost'] ?? 0)}, ~${fmt(root['Plan Rows'] ?? 0)} rows`;
      const other = ap.index && indexes.length && !indexes.includes(ap.index) ? ` (the design names ${ap.index})` : '';
      const message = ok
        ? `${subject}: ${main?.node ?? shape(root)} using ${indexes.join(', ')}${other}; ${cost}`
        : seq.length
          ? `${subject}: Seq Scan on ${seq.map((s) => `${s.relation} (${fmt(s.rows)} rows)`).join(', ')} instead of an index${ap.index ? ` (the design expects ${ap.index})` : ''}; ${cost}`
          : `${subject}: no index on ${e.table} is used (${shape(root)})${ap.index ? `; the design expects ${ap.index}` : ''}; ${cost}`;
      evidence.push({
        subject,
        ok,
        ...(ok ? {} : { file: DESIGN_FILE, ...(await designPosition(ctx, ['entities', ei, 'accessPatterns', ai, 'sql'])) }),
        message,
        plan: {
          sql: ap.sql,
          params: params.values,
          shape: shape(root),
          node: main?.node ?? root['Node Type'],
          indexes,
          expectedIndex: ap.index || null,
          startupCost: root['Startup Cost'] ?? 0,
          totalCost: root['Total Cost'] ?? 0,
          rows: root['Plan Rows'] ?? 0,
          seqScans: seq,
        },
        durationMs: performance.now() - t0,
      });
    }
    return outcome(
      evidence,
      {
        passed: `all ${plural(patterns.length, 'access pattern')} use an index on generated data`,
        failed: (n) => `${plural(n, 'access pattern')} of ${patterns.length} ${n === 1 ? 'does' : 'do'} not use an index`,
      },
      'add or fix the index the pattern needs in schema.sql (columns in filter-then-sort order, partial where the query filters), or change the query',
    );
  },
};
