import type { Db } from './_pgworker.js';
import type { Design, Entity, Field } from '../model/design.js';
import { analyzeChecks, type ColumnRule } from './_constraints.js';

/**
 * Fills the tables of the applied schema with generated rows, in SQL (generate_series), so that
 * EXPLAIN sees realistic statistics:
 * - every column is a pure function of the row number n (hashes, no random()), so the data is the
 *   same on every run, and a child can compute its parent's key for any parent row without a join;
 * - foreign keys point at parents with a Zipf-like skew (a few parents own many children);
 * - timestamps spread over months (within the partitions when the table is partitioned), later
 *   columns after earlier ones (updated_at after created_at), soft-delete stamps on a few rows;
 * - enums and CHECK IN lists weighted (the first value most common); unique columns unique;
 *   text of plausible length from a fixed vocabulary, so full-text and prefix searches find rows;
 * - CHECK constraints read from the catalog (lengths, ranges, value lists, column order) respected.
 * The design, when there is one, adds what the catalog cannot say: how many distinct values a
 * column has, its example, and references that are not declared as foreign keys.
 */

export interface ColumnInfo {
  name: string;
  /** format_type() of the column. */
  type: string;
  /** Base type name (domains resolved), e.g. `uuid`, `int8`, `timestamptz`, `text`. */
  base: string;
  /** pg_type.typcategory of the base type (`A` arrays, `S` strings, `N` numbers, …). */
  category: string;
  notNull: boolean;
  hasDefault: boolean;
  identity: boolean;
  generated: boolean;
  enumValues: string[] | null;
  /** varchar(n) / char(n) length. */
  charMax: number | null;
  /** numeric scale. */
  scale: number | null;
}

export interface ForeignKey {
  columns: string[];
  table: string;
  refColumns: string[];
  /** Declared in the schema (false: a reference the design names but the schema does not enforce). */
  enforced: boolean;
}

export interface TableInfo {
  name: string;
  partitioned: boolean;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Column sets that must be unique (constraints and unique indexes on plain columns). */
  uniques: string[][];
  foreignKeys: ForeignKey[];
  checks: string[];
  /** Range-partition key and the ranges of its partitions (ISO text bounds). */
  partition: { column: string; strategy: 'range' | 'list' | 'hash'; ranges: { from: string; to: string }[]; lists: string[]; hasDefault: boolean } | null;
}

export interface GeneratedTable {
  table: string;
  rows: number;
  ms: number;
}

export interface GenerateResult {
  tables: GeneratedTable[];
  /** Building the secondary indexes after loading. */
  indexMs: number;
  analyzeMs: number;
  /** Rows per table after loading (repeated composite keys are dropped). */
  counts: Map<string, number>;
}

// ---------------------------------------------------------------- catalog

const TABLES_SQL = `
SELECT c.relname AS name, c.relkind = 'p' AS partitioned
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p') AND NOT c.relispartition
 ORDER BY c.relname`;

const COLUMNS_SQL = `
SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       coalesce(bt.typname, t.typname) AS base, coalesce(bt.typcategory, t.typcategory) AS category,
       (a.attnotnull OR coalesce(t.typnotnull, false)) AS not_null, a.atthasdef AS has_default,
       a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated,
       (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = coalesce(bt.oid, t.oid)) AS enum_values,
       CASE WHEN coalesce(bt.typname, t.typname) IN ('varchar','bpchar') AND coalesce(nullif(a.atttypmod, -1), t.typtypmod) > 4
            THEN coalesce(nullif(a.atttypmod, -1), t.typtypmod) - 4 END AS char_max,
       CASE WHEN coalesce(bt.typname, t.typname) = 'numeric' AND coalesce(nullif(a.atttypmod, -1), t.typtypmod) > 4
            THEN (coalesce(nullif(a.atttypmod, -1), t.typtypmod) - 4) & 65535 END AS scale
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p') AND NOT c.relispartition
   AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY c.relname, a.attnum`;

const CONSTRAINTS_SQL = `
SELECT c.relname AS table, k.contype AS type,
       (SELECT array_agg(a.attname ORDER BY x.ord) FROM unnest(k.conkey) WITH ORDINALITY x(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum) AS columns,
       f.relname AS ref_table,
       (SELECT array_agg(a.attname ORDER BY x.ord) FROM unnest(k.confkey) WITH ORDINALITY x(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum) AS ref_columns,
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END AS expr
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  LEFT JOIN pg_class f ON f.oid = k.confrelid
 WHERE k.connamespace = 'public'::regnamespace AND k.conparentid = 0 AND k.contype IN ('p','u','f','c')
   AND NOT c.relispartition
 ORDER BY c.relname, k.conname`;

/** Unique indexes on plain columns (a constraint's own index is listed by CONSTRAINTS_SQL). */
const UNIQUE_INDEXES_SQL = `
SELECT c.relname AS table,
       (SELECT array_agg(a.attname ORDER BY x.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY x(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum) AS columns,
       0 = ALL (i.indkey::int2[]) AS all_expr, 0 = ANY (i.indkey::int2[]) AS any_expr
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
 WHERE c.relnamespace = 'public'::regnamespace AND i.indisunique AND NOT c.relispartition
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`;

interface SavedObject {
  kind: 'key' | 'index' | 'fk';
  table: string;
  name: string;
  def: string;
}

/**
 * What the loader drops and rebuilds, in rebuild order: primary keys, unique and exclusion
 * constraints, then the other indexes, then foreign keys (partition copies come back with their
 * parents). Dropped in the reverse order.
 */
const SAVED_OBJECTS_SQL = `
SELECT * FROM (
  SELECT CASE WHEN k.contype = 'f' THEN 'fk' ELSE 'key' END AS kind, c.relname AS table, k.conname AS name,
         pg_get_constraintdef(k.oid) AS def, CASE k.contype WHEN 'p' THEN 0 WHEN 'f' THEN 3 ELSE 1 END AS phase
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
   WHERE k.connamespace = 'public'::regnamespace AND k.conparentid = 0 AND k.contype IN ('p','u','x','f') AND NOT c.relispartition
  UNION ALL
  SELECT 'index', c.relname, ic.relname, pg_get_indexdef(i.indexrelid), 2
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class c ON c.oid = i.indrelid
   WHERE c.relnamespace = 'public'::regnamespace AND NOT c.relispartition AND NOT ic.relispartition
     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
) o ORDER BY phase, "table", name`;

/** Tables that hold rows: plain tables and partitions. */
const LEAF_TABLES_SQL = `
SELECT c.relname AS name FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY c.relname`;

const PARTITIONS_SQL = `
SELECT p.relname AS parent, pt.partstrat AS strategy,
       (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = p.oid AND a.attnum = pt.partattrs[0]) AS column,
       pg_get_expr(c.relpartbound, c.oid) AS bound
  FROM pg_partitioned_table pt
  JOIN pg_class p ON p.oid = pt.partrelid
  JOIN pg_inherits i ON i.inhparent = p.oid
  JOIN pg_class c ON c.oid = i.inhrelid
 WHERE p.relnamespace = 'public'::regnamespace AND NOT p.relispartition
 ORDER BY p.relname, c.relname`;

export async function readCatalog(db: Db, design: Design | undefined): Promise<Map<string, TableInfo>> {
  const tables = new Map<string, TableInfo>();
  for (const t of (await db.query<{ name: string; partitioned: boolean }>(TABLES_SQL)).rows) {
    tables.set(t.name, { name: t.name, partitioned: t.partitioned, columns: [], primaryKey: [], uniques: [], foreignKeys: [], checks: [], partition: null });
  }
  type ColRow = {
    table: string; name: string; type: string; base: string; category: string; not_null: boolean; has_default: boolean;
    identity: boolean; generated: boolean; enum_values: string[] | null; char_max: number | null; scale: number | null;
  };
  for (const r of (await db.query<ColRow>(COLUMNS_SQL)).rows) {
    tables.get(r.table)?.columns.push({
      name: r.name, type: r.type, base: r.base, category: r.category, notNull: r.not_null, hasDefault: r.has_default,
      identity: r.identity, generated: r.generated, enumValues: r.enum_values, charMax: r.char_max, scale: r.scale,
    });
  }
  type ConRow = { table: string; type: string; columns: string[] | null; ref_table: string | null; ref_columns: string[] | null; expr: string | null };
  for (const r of (await db.query<ConRow>(CONSTRAINTS_SQL)).rows) {
    const t = tables.get(r.table);
    if (!t || !r.columns) continue;
    if (r.type === 'p') {
      t.primaryKey = r.columns;
      t.uniques.push(r.columns);
    } else if (r.type === 'u') {
      t.uniques.push(r.columns);
    } else if (r.type === 'f' && r.ref_table && r.ref_columns) {
      t.foreignKeys.push({ columns: r.columns, table: r.ref_table, refColumns: r.ref_columns, enforced: true });
    } else if (r.type === 'c' && r.expr) {
      t.checks.push(r.expr);
    }
  }
  for (const r of (await db.query<{ table: string; columns: string[] | null; all_expr: boolean; any_expr: boolean }>(UNIQUE_INDEXES_SQL)).rows) {
    // An expression in the key (lower(email)): unique plain values stay unique under it.
    if (r.columns && !r.any_expr) tables.get(r.table)?.uniques.push(r.columns);
    else if (r.columns && r.columns.length === 1 && r.any_expr && !r.all_expr) tables.get(r.table)?.uniques.push(r.columns);
  }
  for (const r of (await db.query<{ parent: string; strategy: string; column: string | null; bound: string }>(PARTITIONS_SQL)).rows) {
    const t = tables.get(r.parent);
    if (!t || !r.column) continue;
    t.partition ??= { column: r.column, strategy: r.strategy === 'r' ? 'range' : r.strategy === 'l' ? 'list' : 'hash', ranges: [], lists: [], hasDefault: false };
    if (r.bound === 'DEFAULT') {
      t.partition.hasDefault = true;
      continue;
    }
    // The catalog prints bounds in one canonical form: FOR VALUES FROM ('…') TO ('…') / IN ('…', …).
    const range = /^FOR VALUES FROM \('([^']*)'\) TO \('([^']*)'\)$/.exec(r.bound);
    if (range) t.partition.ranges.push({ from: range[1]!, to: range[2]! });
    const list = /^FOR VALUES IN \((.*)\)$/.exec(r.bound);
    if (list) for (const m of list[1]!.matchAll(/'((?:[^']|'')*)'/g)) t.partition.lists.push(m[1]!.replace(/''/g, "'"));
  }
  // References the design names but the schema does not declare (e.g. to a partitioned table).
  if (design) {
    const byEntity = new Map(design.entities.map((e) => [e.name, e]));
    for (const e of design.entities) {
      const t = tables.get(e.table);
      if (!t) continue;
      for (const f of e.fields) {
        if (!f.references || t.foreignKeys.some((fk) => fk.columns.includes(f.name))) continue;
        const target = byEntity.get(f.references);
        const parent = target && tables.get(target.table);
        const col = t.columns.find((c) => c.name === f.name);
        if (!parent || !col) continue;
        const key = parent.primaryKey.find((k) => parent.columns.find((c) => c.name === k)?.base === col.base) ?? parent.primaryKey[0];
        if (key) t.foreignKeys.push({ columns: [f.name], table: parent.name, refColumns: [key], enforced: false });
      }
    }
  }
  return tables;
}

// ---------------------------------------------------------------- deterministic pseudo-randomness

/** FNV-1a of a label: a stable salt per table, column and purpose. */
function salt(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & 0x7fffffff;
}

/** A uniform value in [0, 1) from row number `n` (SQL) and a label. */
function u(n: string, label: string): string {
  return `((hashint8extended((${n})::int8, ${salt(label)}) & 9007199254740991)::float8 / 9007199254740992.0)`;
}

/** 16 hex digits from row n and a label (a 64-bit hash; two of them make a random-looking uuid). */
function hex64(n: string, label: string): string {
  return `lpad(to_hex(hashint8extended((${n})::int8, ${salt(label)})), 16, '0')`;
}

/**
 * A version-4-looking uuid for row n: two 64-bit hashes (with 100k rows a collision has odds of
 * about 1e-28), at half the cost of md5.
 */
function uuidExpr(n: string, label: string): string {
  return `(${hex64(n, `${label}#1`)} || ${hex64(n, `${label}#2`)})::uuid`;
}

/** A rank in 1..count, Zipf-like (P(k) ∝ 1/k): rank 1 is the heaviest parent. */
function zipf(uniform: string, count: number): string {
  if (count <= 1) return '1::int8';
  return `least(${count}, floor(exp(${uniform} * ${Math.log(count + 1).toFixed(12)}))::int8)`;
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Small seeded PRNG (mulberry32) for the vocabulary tables built in TypeScript. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- vocabulary

const WORDS = (
  'the a to and of in is it you that for on with this we are be at can have not your will see just do if so about ' +
  'what get all now from there one meeting today time new team please know thanks up out like when call good think ' +
  'project update tomorrow back yes need work make let review send done week here check file draft client order ' +
  'report deploy release plan budget issue design test data build fix launch notes invoice schedule customer product ' +
  'sales support office lunch weekend morning afternoon evening monday friday agenda slides demo feedback sprint ticket ' +
  'server database query index cache queue latency error bug patch version branch merge deadline contract payment ' +
  'shipping delivery warehouse inventory account profile photo video music travel flight hotel booking dinner coffee ' +
  'birthday holiday summer winter spring autumn garden kitchen family friends weather traffic station airport museum ' +
  'concert ticketing football tennis running cycling recipe pasta salad pizza market bakery library school lesson ' +
  'homework exam course lecture research paper chapter article journal podcast interview hiring onboarding payroll ' +
  'quarterly roadmap milestone priority estimate analytics dashboard metrics revenue growth churn pricing discount ' +
  'coupon refund receipt warranty repair upgrade migration backup restore incident outage postmortem rollback hotfix'
).split(/\s+/);

const FIRST = 'Ada Alan Grace Linus Margaret Edsger Barbara Donald Frances Ken Dennis Radia Tim Vint Hedy Katherine Dorothy John Mary Niklaus Bjarne Guido Yukihiro Anders Sophie Lucas Emma Noah Olivia Liam Mia Elias Lea Jonas Hanna Felix Clara Paul Ines Mateo Sofia Hugo Alice Leon Julia Omar Amira Kenji Yuki Priya Arjun Chen Wei Fatima Zoe Ivan Nadia Pablo Lucia Tomas Elena'.split(' ');
const LAST = 'Lovelace Turing Hopper Torvalds Hamilton Dijkstra Liskov Knuth Allen Thompson Ritchie Perlman Berners Cerf Lamarr Johnson Vaughan McCarthy Jackson Wirth Stroustrup Rossum Matsumoto Hejlsberg Martin Bernard Dubois Muller Schmidt Fischer Weber Meyer Wagner Becker Rossi Russo Garcia Martinez Lopez Silva Santos Costa Nowak Kowalski Novak Horvat Jensen Nielsen Hansen Larsen Berg Lindqvist Virtanen Tanaka Suzuki Sato Kim Lee Park Nguyen Tran Singh Patel Khan Ali Cohen Levi'.split(' ');

const SENTENCES = 2048;
const NAMES = FIRST.length * LAST.length;

function buildSentences(): string[] {
  const rnd = prng(20260101);
  // Zipf weights over the vocabulary (in list order): a few words very common, most rare.
  const weights = WORDS.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  const pick = (): string => {
    const x = rnd();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return WORDS[lo] ?? 'the';
  };
  const out: string[] = [];
  for (let i = 0; i < SENTENCES; i++) {
    const len = 3 + Math.floor(rnd() * 10);
    const words = Array.from({ length: len }, pick);
    const s = words.join(' ');
    out.push(`${s.charAt(0).toUpperCase()}${s.slice(1)}${rnd() < 0.15 ? '?' : '.'}`);
  }
  return out;
}

/** Temporary helper tables the text columns join to (dropped after loading). */
async function createVocabulary(db: Db): Promise<void> {
  await db.exec(`
    DROP TABLE IF EXISTS archie_gen_text; DROP TABLE IF EXISTS archie_gen_names;
    CREATE TEMP TABLE archie_gen_text (id int PRIMARY KEY, s text NOT NULL);
    CREATE TEMP TABLE archie_gen_names (id int PRIMARY KEY, s text NOT NULL);`);
  // One text parameter each, split in SQL: far cheaper than parsing thousands of VALUES rows.
  await db.query(`INSERT INTO archie_gen_text SELECT ord - 1, s FROM unnest(string_to_array($1, E'\\n')) WITH ORDINALITY AS x(s, ord)`, [buildSentences().join('\n')]);
  await db.query(`INSERT INTO archie_gen_names SELECT (f.i - 1) * $3 + l.i - 1, f.s || ' ' || l.s
                    FROM unnest(string_to_array($1, ' ')) WITH ORDINALITY AS f(s, i), unnest(string_to_array($2, ' ')) WITH ORDINALITY AS l(s, i)`, [
    FIRST.join(' '),
    LAST.join(' '),
    LAST.length,
  ]);
}

// ---------------------------------------------------------------- column plans

/** How a column's value is computed for row `n`; `join` when it reads a vocabulary table. */
interface ColumnGen {
  /** SQL for row n; null to leave the column to its default. */
  expr: ((n: string) => string) | null;
  /** Every row gets a different value. */
  unique?: boolean;
  /** Vocabulary join: table, and the row index as a function of n. */
  join?: { table: 'archie_gen_text' | 'archie_gen_names'; index: (n: string) => string; second?: (n: string) => string };
}

interface Window {
  start: string;
  end: string;
  seconds: number;
}

interface Planner {
  tables: Map<string, TableInfo>;
  rows: Map<string, number>;
  gens: Map<string, Map<string, ColumnGen>>;
  window: Window;
  design: Map<string, Entity>;
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money']);
const INT_MAX: Record<string, number> = { int2: 32767, int4: 2147483647, int8: 9007199254740991 };
const TIME = new Set(['timestamptz', 'timestamp', 'date']);
const TEXT = new Set(['text', 'varchar', 'bpchar', 'citext', 'name']);

function designField(p: Planner, table: string, column: string): Field | undefined {
  return p.design.get(table)?.fields.find((f) => f.name === column);
}

function isUnique(t: TableInfo, column: string): boolean {
  return t.uniques.some((u) => u.length === 1 && u[0] === column);
}

/** The column that anchors a row in time: the partition key, created_at, or the first NOT NULL timestamp. */
function baseTimeColumn(t: TableInfo): string | undefined {
  if (t.partition && t.partition.strategy === 'range') {
    const c = t.columns.find((x) => x.name === t.partition!.column);
    if (c && TIME.has(c.base)) return c.name;
  }
  const created = t.columns.find((c) => c.name === 'created_at' && TIME.has(c.base));
  if (created) return created.name;
  return t.columns.find((c) => TIME.has(c.base) && c.notNull && !c.generated)?.name;
}

/** Time window of a table's rows: its partitions' range when it has some, else the global one. */
function windowOf(p: Planner, t: TableInfo): Window {
  if (t.partition?.strategy === 'range' && t.partition.ranges.length > 0 && !t.partition.hasDefault) {
    const from = t.partition.ranges.map((r) => Date.parse(r.from)).filter(Number.isFinite);
    const to = t.partition.ranges.map((r) => Date.parse(r.to)).filter(Number.isFinite);
    if (from.length && to.length) {
      const s = Math.min(...from);
      const e = Math.max(...to);
      return { start: new Date(s).toISOString(), end: new Date(e).toISOString(), seconds: Math.floor((e - s) / 1000) };
    }
  }
  return p.window;
}

function timeExpr(p: Planner, t: TableInfo, col: ColumnInfo, n: string, rules: Map<string, ColumnRule>): string {
  const w = windowOf(p, t);
  const base = baseTimeColumn(t);
  const cast = col.base === 'date' ? '::date' : col.base === 'timestamp' ? '::timestamp' : '';
  const rule = rules.get(col.name);
  const after = rule?.after?.find((c) => c !== col.name && t.columns.some((x) => x.name === c));
  const before = rule?.before?.find((c) => c !== col.name && t.columns.some((x) => x.name === c));
  const anchor = (name: string): string => `(${columnExpr(p, t, name, n)})::timestamptz`;
  if (col.name === base) {
    // More rows in recent months (growth): density rising linearly towards the window's end.
    return `(timestamptz ${lit(w.start)} + sqrt(${u(n, `${t.name}.${col.name}.t`)}) * ${w.seconds} * interval '1 second')${cast}`;
  }
  const spread = `${u(n, `${t.name}.${col.name}.t`)}`;
  if (before && before !== base) return `(${anchor(before)} - (1 + ${spread} * 2592000) * interval '1 second')${cast}`;
  const from = after ?? base;
  if (from) {
    // Later than its anchor (updated, last seen, expires): within weeks of it.
    return `(${anchor(from)} + ${spread} * interval '45 days')${cast}`;
  }
  return `(timestamptz ${lit(w.start)} + ${spread} * ${w.seconds} * interval '1 second')${cast}`;
}

/** Share of NULLs in a nullable column, by what its name suggests. */
function nullShare(name: string, col: ColumnInfo): number {
  if (col.notNull) return 0;
  if (/^(deleted|archived|cancel+ed|revoked|removed|banned|closed|failed|refunded)_(at|on)$/.test(name)) return 0.97;
  if (TIME.has(col.base)) return 0.15;
  return 0.1;
}

function withNulls(expr: string, share: number, n: string, label: string): string {
  if (share <= 0) return expr;
  return `CASE WHEN ${u(n, `${label}.null`)} < ${share} THEN NULL ELSE ${expr} END`;
}

/** One of `values`, the first most common (weights 1, 1/2, 1/3, …), picked by a uniform value. */
function weighted(values: readonly string[], uniform: string, cast: string): string {
  if (values.length === 1) return `${lit(values[0]!)}${cast}`;
  const weights = values.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const thresholds = values.slice(0, -1).map((_, i) => (acc += weights[i]! / total).toFixed(6));
  return `(ARRAY[${values.map(lit).join(', ')}])[width_bucket(${uniform}, ARRAY[${thresholds.join(', ')}]::float8[]) + 1]${cast}`;
}

function numberExpr(col: ColumnInfo, rule: ColumnRule | undefined, field: Field | undefined, uniform: string): string {
  let min = rule?.min ?? field?.min ?? undefined;
  let max = rule?.max ?? field?.max ?? undefined;
  const integer = col.base.startsWith('int');
  if (integer && rule?.minExclusive && min !== undefined) min += 1;
  if (integer && rule?.maxExclusive && max !== undefined) max -= 1;
  const name = col.name;
  if (/(^|_)(lat|latitude)$/.test(name)) [min, max] = [min ?? -90, max ?? 90];
  if (/(^|_)(lng|lon|longitude)$/.test(name)) [min, max] = [min ?? -180, max ?? 180];
  const lo = min ?? (max !== undefined && max < 1 ? max - 1000 : integer ? 1 : 0.5);
  const cap = INT_MAX[col.base] ?? Number.MAX_SAFE_INTEGER;
  let hi = max ?? Math.max(lo + 1, /bytes|size/.test(name) ? 50_000_000 : /amount|price|total|cost|balance/.test(name) ? 2_000 : 10_000);
  hi = Math.min(hi, cap);
  // Wide positive ranges are skewed towards small values (sizes, amounts, counts); narrow ones uniform.
  const logScale = lo >= 0 && hi / Math.max(1, lo) > 100;
  const x = logScale ? `(${lo} + (exp(${uniform} * ${Math.log(hi - lo + 1).toFixed(12)}) - 1))` : `(${lo} + ${uniform} * ${hi - lo})`;
  if (integer) return `least(${hi}, greatest(${lo}, floor(${x})))::${col.base}`;
  const scale = col.scale ?? (col.base === 'numeric' || col.base === 'money' ? 2 : null);
  return scale !== null ? `least(${hi}, greatest(${lo}, round((${x})::numeric, ${scale})))::${col.base === 'money' ? 'numeric::money' : 'numeric'}` : `(${x})::${col.base}`;
}

function maxLengthOf(col: ColumnInfo, rule: ColumnRule | undefined, field: Field | undefined): number | undefined {
  const limits = [col.charMax ?? undefined, rule?.maxLength, field?.maxLength ?? undefined].filter((x): x is number => x !== undefined && x > 0);
  return limits.length ? Math.min(...limits) : undefined;
}

function singular(table: string): string {
  return table.replace(/ies$/, 'y').replace(/s$/, '').replace(/[^a-z0-9]/g, '').slice(0, 12) || 'row';
}

/** Unique text for row n, shaped by what the column holds. */
function uniqueText(t: TableInfo, col: ColumnInfo, field: Field | undefined, n: string, maxLen: number | undefined): string {
  const name = col.name;
  const example = typeof field?.example === 'string' ? field.example : '';
  let expr: string;
  if (/email/.test(name) || /@/.test(example)) expr = `${lit(singular(t.name))} || (${n}) || '@example.com'`;
  else if (/url|uri|link/.test(name) || /^https?:/.test(example)) expr = `'https://example.com/${singular(t.name)}/' || (${n})`;
  else if (/(^|_)(key|path)$/.test(name)) expr = `${lit(`${singular(t.name)}/`)} || to_char((${n}) % 100, 'FM00') || '/' || ${hex64(n, `${t.name}.${name}`)} || to_hex((${n})::int8)`;
  else if (/slug|code|handle|username|login|number|sku/.test(name)) expr = `${lit(`${name.slice(0, 3)}-`)} || to_hex((${n})::int8)`;
  else expr = `${lit(`${name.slice(0, 2)}-`)} || to_hex((${n})::int8) || '-' || left(${hex64(n, `${t.name}.${name}`)}, 6)`;
  // A short limit keeps only the part that makes the value unique.
  if (maxLen !== undefined && maxLen < 24) return `right(to_hex((${n})::int8), ${Math.max(1, maxLen)})`;
  return expr;
}

function textGen(p: Planner, t: TableInfo, col: ColumnInfo, rule: ColumnRule | undefined): ColumnGen {
  const field = designField(p, t.name, col.name);
  const name = col.name;
  const maxLen = maxLengthOf(col, rule, field);
  const clip = (e: string): string => (maxLen !== undefined ? `left(${e}, ${maxLen})` : e);
  const example = typeof field?.example === 'string' ? field.example : '';
  const label = `${t.name}.${name}`;
  if (/email/.test(name) || /@/.test(example)) {
    return { expr: (m) => clip(`${lit(singular(t.name))} || ${zipf(u(m, label), 50_000)} || '@example.com'`) };
  }
  if (/url|uri|link/.test(name) || /^https?:/.test(example)) {
    return { expr: (m) => clip(`'https://cdn.example.com/${name}/' || (${m}) || '.png'`) };
  }
  if (/(^|_)(ip|ip_address)$/.test(name)) return { expr: (m) => `'10.' || ((${m}) % 250) || '.' || ((${m}) / 250 % 250) || '.' || ((${m}) % 7 + 1)` };
  if (field?.distinct === 'low' || /(^|_)(type|kind|status|state|category|currency|country|locale|language|region|plan|tier|channel|source)$/.test(name)) {
    const pool = lowCardinality(name, example);
    return { expr: (m) => clip(weighted(pool, u(m, label), '')) };
  }
  if (/(^|_)(name|display_name|full_name|first_name|last_name|author|nickname)$/.test(name) || (field?.personal && /name/.test(name))) {
    return {
      expr: null,
      join: { table: 'archie_gen_names', index: (m) => `floor(${u(m, label)} * ${NAMES})::int` },
    };
  }
  // Free text: a title-length phrase or one to two sentences, from the vocabulary.
  const long = field?.type === 'text' || /body|content|text|description|message|comment|note|bio|summary|details|reason/.test(name) || (maxLen ?? 0) > 255;
  return {
    expr: null,
    join: {
      table: 'archie_gen_text',
      index: (m) => `floor(${u(m, `${label}.a`)} * ${SENTENCES})::int`,
      ...(long && { second: (m: string) => `floor(${u(m, `${label}.b`)} * ${SENTENCES})::int` }),
    },
  };
}

function lowCardinality(name: string, example: string): string[] {
  if (/currency/.test(name)) return ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN'];
  if (/country|region/.test(name)) return ['DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'SE', 'US', 'GB'];
  if (/locale|language/.test(name)) return ['en', 'de', 'fr', 'es', 'it', 'nl'];
  if (/content_type|mime/.test(name) || /^[a-z]+\/[a-z0-9.+-]+$/.test(example)) return ['image/jpeg', 'image/png', 'application/pdf', 'video/mp4', 'text/plain', 'image/gif'];
  const base = example || name;
  return [base, ...['a', 'b', 'c', 'd', 'e'].map((s) => `${base}-${s}`)];
}

/** The generator of every column of a table (foreign keys resolved to the parents' generators). */
function planTable(p: Planner, t: TableInfo): Map<string, ColumnGen> {
  const gens = new Map<string, ColumnGen>();
  p.gens.set(t.name, gens);
  const rules = analyzeChecks(t.checks);
  const rows = p.rows.get(t.name) ?? 0;
  const fkOf = new Map<string, { fk: ForeignKey; index: number }>();
  for (const fk of t.foreignKeys) fk.columns.forEach((c, i) => fkOf.has(c) || fkOf.set(c, { fk, index: i }));
  const order = [...t.columns].sort((a, b) => rank(t, a) - rank(t, b));
  for (const col of order) {
    const label = `${t.name}.${col.name}`;
    const rule = rules.get(col.name);
    const field = designField(p, t.name, col.name);
    if (col.generated) {
      gens.set(col.name, { expr: null });
      continue;
    }
    const ref = fkOf.get(col.name);
    if (ref) {
      const oneToOne = t.uniques.some((u0) => u0.length === ref.fk.columns.length && u0.every((c) => ref.fk.columns.includes(c)));
      gens.set(col.name, { expr: fkExpr(p, t, col, ref.fk, ref.index, rows), unique: oneToOne && ref.fk.columns.length === 1 && ref.fk.table !== t.name });
      continue;
    }
    const unique = isUnique(t, col.name) || (t.primaryKey.length === 1 && t.primaryKey[0] === col.name) || field?.distinct === 'unique';
    const values = rule?.values ?? col.enumValues ?? field?.values ?? (t.partition?.strategy === 'list' && t.partition.column === col.name && !t.partition.hasDefault ? t.partition.lists : null);
    let expr: ((n: string) => string) | null;
    if (values && values.length > 0) {
      const cast = col.enumValues ? `::${col.type}` : '';
      expr = (n) => withNulls(weighted(values, u(n, label), cast), nullShare(col.name, col), n, label);
    } else if (col.base === 'uuid') {
      expr = (n) => withNulls(uuidExpr(n, label), unique ? 0 : nullShare(col.name, col), n, label);
    } else if (TIME.has(col.base)) {
      expr = unique
        ? (n) => `(timestamptz ${lit(windowOf(p, t).end)} - (${n}) * interval '1 second')${col.base === 'date' ? '::date' : ''}`
        : (n) => withNulls(timeExpr(p, t, col, n, rules), nullShare(col.name, col), n, label);
    } else if (NUMERIC.has(col.base)) {
      expr = unique ? (n) => `(${n})::${col.base === 'money' ? 'numeric::money' : col.base}` : (n) => withNulls(numberExpr(col, rule, field, u(n, label)), nullShare(col.name, col), n, label);
    } else if (col.base === 'bool') {
      expr = (n) => withNulls(`${u(n, label)} < ${/active|enabled|verified|visible|public|published/.test(col.name) ? 0.85 : 0.2}`, nullShare(col.name, col), n, label);
    } else if (TEXT.has(col.base)) {
      if (unique) {
        const maxLen = maxLengthOf(col, rule, field);
        expr = (n) => uniqueText(t, col, field, n, maxLen);
      } else {
        const g = textGen(p, t, col, rule);
        if (g.join) {
          gens.set(col.name, { expr: null, join: g.join });
          continue;
        }
        const inner = g.expr!;
        expr = (n) => withNulls(inner(n), nullShare(col.name, col), n, label);
      }
    } else if (col.base === 'json' || col.base === 'jsonb') {
      expr = (n) => `jsonb_build_object('v', floor(${u(n, label)} * 100)::int)::${col.base}`;
    } else if (col.base === 'bytea') {
      expr = (n) => `decode(${hex64(n, label)}, 'hex')`;
    } else if (col.base === 'inet' || col.base === 'cidr') {
      expr = (n) => `('10.' || ((${n}) % 250) || '.' || ((${n}) / 250 % 250) || '.1')::${col.base}`;
    } else if (col.base === 'interval') {
      expr = (n) => `${u(n, label)} * interval '1 hour'`;
    } else if (col.base === 'time' || col.base === 'timetz') {
      expr = (n) => `(time '08:00' + ${u(n, label)} * interval '10 hours')::${col.base}`;
    } else if (col.base === 'tsvector') {
      gens.set(col.name, {
        expr: null,
        join: { table: 'archie_gen_text', index: (m) => `floor(${u(m, label)} * ${SENTENCES})::int` },
      });
      continue;
    } else if (col.category === 'A') {
      expr = col.notNull && !col.hasDefault ? () => `'{}'::${col.type}` : null;
    } else {
      // A type this generator does not know: its default, or NULL.
      expr = col.hasDefault ? null : () => `NULL::${col.type}`;
    }
    gens.set(col.name, { expr, unique: unique && expr !== null && !(values && values.length > 0) });
  }
  return gens;
}

/** Columns first that others are computed from: the time anchor before the timestamps after it. */
function rank(t: TableInfo, c: ColumnInfo): number {
  if (c.name === baseTimeColumn(t)) return 0;
  if (TIME.has(c.base)) return 2;
  return 1;
}

/** The SQL of column `name` of table `t` for row `n` (a pure expression: no vocabulary joins). */
function columnExpr(p: Planner, t: TableInfo, name: string, n: string): string {
  const g = p.gens.get(t.name)?.get(name);
  if (!g) throw new Error(`column ${t.name}.${name} is computed before its generator exists`);
  if (!g.expr) throw new Error(`column ${t.name}.${name} has no pure generator (it is text from the vocabulary or a default)`);
  return g.expr(n);
}

function fkExpr(p: Planner, t: TableInfo, col: ColumnInfo, fk: ForeignKey, index: number, rows: number): (n: string) => string {
  const parent = p.tables.get(fk.table);
  const parentRows = p.rows.get(fk.table) ?? 0;
  const refCol = fk.refColumns[index]!;
  const label = `${t.name}.${fk.columns.join('+')}`;
  const nullable = fk.columns.every((c) => !t.columns.find((x) => x.name === c)?.notNull);
  const uniqueRef = t.uniques.some((u0) => u0.length === fk.columns.length && u0.every((c) => fk.columns.includes(c)));
  if (!parent || parentRows === 0) return () => `NULL::${col.type}`;
  if (fk.table === t.name) {
    // A tree within the table: row n points at an earlier row; some rows are roots.
    const parentRank = (n: string): string => `greatest(1, floor(exp(${u(n, label)} * ln(greatest((${n})::float8, 1))))::int8)`;
    return (n) => {
      const value = columnExpr(p, parent, refCol, parentRank(n));
      return nullable ? `CASE WHEN (${n}) = 1 OR ${u(n, `${label}.root`)} < 0.2 THEN NULL ELSE ${value} END` : value;
    };
  }
  // One-to-one references take each parent once; others are Zipf-skewed.
  const parentRank = uniqueRef ? (n: string): string => `((((${n}) - 1) % ${parentRows}) + 1)` : (n: string): string => zipf(u(n, label), parentRows);
  void rows;
  return (n) => {
    const value = columnExpr(p, parent, refCol, parentRank(n));
    return nullable ? `CASE WHEN ${u(n, `${label}.null`)} < 0.05 THEN NULL ELSE ${value} END` : value;
  };
}

// ---------------------------------------------------------------- order and sizes

/** Parents before children; a cycle is broken at a nullable reference (left NULL). */
function loadOrder(tables: Map<string, TableInfo>): { order: string[]; broken: ForeignKey[] } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const broken: ForeignKey[] = [];
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    state.set(name, 'visiting');
    const t = tables.get(name)!;
    for (const fk of t.foreignKeys) {
      if (fk.table === name || !tables.has(fk.table)) continue;
      if (state.get(fk.table) === 'visiting') {
        broken.push(fk);
        continue;
      }
      visit(fk.table);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return { order, broken };
}

/**
 * Rows per table, in the proportions the design projects:
 * - the main tables (within 10x of the largest projected table) get `base` rows (100,000);
 * - the others get base x sqrt(their share of the largest), at least base/5 (20,000) so that a
 *   sequential scan of them would still be a real cost, and never more than the design projects
 *   (a 3,000-row tenants table stays small, and may be scanned);
 * - a table the design does not know gets base/5.
 * One-to-one children are capped at their parents' count later.
 */
export function plannedRows(tables: Map<string, TableInfo>, design: Design | undefined, base: number): Map<string, number> {
  const rows = new Map<string, number>();
  const entities = new Map((design?.entities ?? []).map((e) => [e.table, e]));
  const largest = Math.max(1, ...[...tables.keys()].map((t) => entities.get(t)?.rows.current ?? 0));
  const floor = Math.round(base / 5);
  for (const name of tables.keys()) {
    const e = entities.get(name);
    if (!e) {
      rows.set(name, floor);
      continue;
    }
    const current = Math.max(1, Math.round(e.rows.current));
    const share = current / largest;
    const scaled = share >= 0.1 ? base : Math.max(floor, Math.round(base * Math.sqrt(share)));
    rows.set(name, Math.min(current, scaled));
  }
  return rows;
}

// ---------------------------------------------------------------- loading

export interface GenerateOptions {
  design?: Design;
  /** Rows in each main table. */
  rows: number;
  onProgress?: (message: string) => void;
}

/** The global time window: six months up to the latest partition bound, or up to a fixed date. */
function globalWindow(tables: Map<string, TableInfo>): Window {
  let end = Date.parse('2026-01-01T00:00:00Z');
  const ends = [...tables.values()].flatMap((t) => (t.partition?.strategy === 'range' ? t.partition.ranges.map((r) => Date.parse(r.to)) : [])).filter(Number.isFinite);
  if (ends.length) end = Math.max(...ends);
  const start = end - 182 * 86_400_000;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), seconds: Math.floor((end - start) / 1000) };
}

/** Generate and load every table, then ANALYZE. Throws the database error of a table that cannot be loaded, naming the table. */
export async function generateData(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  let indexMs: number;
  const tables = await readCatalog(db, options.design);
  const rows = plannedRows(tables, options.design, options.rows);
  const { order, broken } = loadOrder(tables);
  for (const fk of broken) {
    // Leave the cycle-closing reference NULL; a NOT NULL one will fail and be reported.
    const t = [...tables.values()].find((x) => x.foreignKeys.includes(fk))!;
    t.foreignKeys = t.foreignKeys.filter((x) => x !== fk);
  }
  // One-to-one children cannot outnumber their parents.
  for (const name of order) {
    const t = tables.get(name)!;
    for (const fk of t.foreignKeys) {
      const uniqueRef = t.uniques.some((u0) => u0.length === fk.columns.length && u0.every((c) => fk.columns.includes(c)));
      if (uniqueRef && fk.table !== name) rows.set(name, Math.min(rows.get(name) ?? 0, rows.get(fk.table) ?? 0));
    }
  }
  const p: Planner = {
    tables,
    rows,
    gens: new Map(),
    window: globalWindow(tables),
    design: new Map((options.design?.entities ?? []).map((e) => [e.table, e])),
  };
  await createVocabulary(db);
  const loaded: GeneratedTable[] = [];
  // The way pg_restore loads: in one transaction, truncate (so that, with wal_level=minimal, the
  // rows skip the WAL), drop foreign keys, keys and indexes, insert, then build every index once by
  // sorting and validate each foreign key with one query. CHECK and NOT NULL stay on while
  // inserting. A failure rolls all of it back, the dropped objects included.
  await db.exec('BEGIN');
  try {
    await db.exec(`TRUNCATE ${order.map(quoteIdent).join(', ')}`);
    const saved = (await db.query<SavedObject>(SAVED_OBJECTS_SQL)).rows;
    for (const o of [...saved].reverse()) {
      await db.exec(o.kind === 'index' ? `DROP INDEX ${quoteIdent(o.name)}` : `ALTER TABLE ${quoteIdent(o.table)} DROP CONSTRAINT ${quoteIdent(o.name)}`);
    }
    for (const name of order) {
      const t = tables.get(name)!;
      const gens = planTable(p, t);
      const n = rows.get(name) ?? 0;
      if (n === 0) continue;
      options.onProgress?.(`generating ${n.toLocaleString('en-US')} rows in ${name}`);
      const t0 = performance.now();
      try {
        await db.exec(insertSql(t, gens, n));
        // Composite keys built from skewed references can repeat: keep the first of each.
        for (const cols of t.uniques) if (!cols.some((c) => uniqueByConstruction(gens, c))) await db.exec(dedupeSql(t.name, cols));
      } catch (e) {
        throw Object.assign(new Error(`cannot load generated rows into ${name}: ${(e as Error).message}`), { table: name, cause: e });
      }
      loaded.push({ table: name, rows: n, ms: performance.now() - t0 });
    }
    const t0 = performance.now();
    for (const o of saved) {
      try {
        // An index on a partitioned table prints as ON ONLY; without ONLY it reaches the partitions again.
        await db.exec(o.kind === 'index' ? o.def.replace(' ON ONLY ', ' ON ') : `ALTER TABLE ${quoteIdent(o.table)} ADD CONSTRAINT ${quoteIdent(o.name)} ${o.def}`);
      } catch (e) {
        throw new Error(`the generated rows break ${o.kind === 'index' ? 'index' : 'constraint'} ${o.name} on ${o.table}: ${(e as Error).message}`, { cause: e });
      }
    }
    indexMs = performance.now() - t0;
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
  await db.exec('DROP TABLE IF EXISTS archie_gen_text; DROP TABLE IF EXISTS archie_gen_names');
  const t1 = performance.now();
  // As autovacuum does: the tables and partitions that hold rows, not the partitioned parents.
  const leaves = (await db.query<{ name: string }>(LEAF_TABLES_SQL)).rows.map((r) => quoteIdent(r.name));
  // A sample of 300 × 20 rows per table gives the planner the distinct counts and common values it
  // needs to choose between an index and a scan; the default (× 100) costs seconds for no other gain.
  if (leaves.length) await db.exec(`SET default_statistics_target = 20; ANALYZE ${leaves.join(', ')}; RESET default_statistics_target`);
  const analyzeMs = performance.now() - t1;
  const counts = new Map<string, number>();
  for (const r of (await db.query<{ name: string; n: number }>(ROW_COUNTS_SQL)).rows) {
    counts.set(r.name, Math.max(0, Math.round(r.n)));
  }
  for (const l of loaded) l.rows = counts.get(l.table) ?? l.rows;
  return { tables: loaded, indexMs, analyzeMs, counts };
}

/** Rows per top-level table from the statistics ANALYZE just gathered (partitions summed). */
const ROW_COUNTS_SQL = `
SELECT c.relname AS name,
       CASE WHEN c.relkind = 'r' THEN greatest(c.reltuples, 0)
            ELSE (SELECT coalesce(sum(greatest(k.reltuples, 0)), 0) FROM pg_partition_tree(c.oid) pt JOIN pg_class k ON k.oid = pt.relid WHERE k.relkind = 'r')
       END::float8 AS n
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r','p') AND NOT c.relispartition`;

/** Whether a column's generator yields a different value for every row. */
function uniqueByConstruction(gens: Map<string, ColumnGen>, column: string): boolean {
  return gens.get(column)?.unique === true;
}

/** Delete all but the first row of each repeated (non-null) key. */
function dedupeSql(table: string, cols: readonly string[]): string {
  const list = cols.map(quoteIdent).join(', ');
  const notNull = cols.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ');
  // (tableoid, ctid) names a row of a partitioned table too.
  return `DELETE FROM ${quoteIdent(table)} WHERE (tableoid, ctid) IN (SELECT tableoid, ctid FROM (SELECT tableoid, ctid, row_number() OVER (PARTITION BY ${list} ORDER BY tableoid, ctid) AS rn FROM ${quoteIdent(table)} WHERE ${notNull}) d WHERE rn > 1)`;
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function insertSql(t: TableInfo, gens: Map<string, ColumnGen>, rows: number): string {
  const cols: string[] = [];
  const exprs: string[] = [];
  const joins: string[] = [];
  let identity = false;
  for (const col of t.columns) {
    const g = gens.get(col.name);
    if (!g) continue;
    if (g.join) {
      const a = `v${joins.length}`;
      joins.push(`JOIN ${g.join.table} ${a} ON ${a}.id = ${g.join.index('g.n')}`);
      let e = `${a}.s`;
      if (g.join.second) {
        const b = `v${joins.length}`;
        joins.push(`JOIN ${g.join.table} ${b} ON ${b}.id = ${g.join.second('g.n')}`);
        // Most rows one sentence (3 to 12 words, like chat messages), some two.
        e = `CASE WHEN ${u('g.n', `${t.name}.${col.name}.len`)} < 0.85 THEN ${a}.s ELSE ${a}.s || ' ' || ${b}.s END`;
      }
      if (col.base === 'tsvector') e = `to_tsvector('simple', ${e})`;
      const rules = analyzeChecks(t.checks).get(col.name);
      const maxLen = [col.charMax ?? undefined, rules?.maxLength].filter((x): x is number => x !== undefined && x > 0);
      if (maxLen.length && col.base !== 'tsvector') e = `left(${e}, ${Math.min(...maxLen)})`;
      if (!col.notNull && col.base !== 'tsvector') e = withNulls(e, nullShare(col.name, col), 'g.n', `${t.name}.${col.name}`);
      cols.push(quoteIdent(col.name));
      exprs.push(e);
      continue;
    }
    if (!g.expr) continue;
    if (col.identity) identity = true;
    cols.push(quoteIdent(col.name));
    exprs.push(g.expr('g.n'));
  }
  return `INSERT INTO ${quoteIdent(t.name)} (${cols.join(', ')})${identity ? ' OVERRIDING SYSTEM VALUE' : ''}
SELECT ${exprs.join(',\n       ')}
  FROM generate_series(1, ${rows}) AS g(n)
  ${joins.join('\n  ')}`;
}
