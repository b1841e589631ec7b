import type { Session } from './_session.js';
import type { ServerInfo } from './types.js';

/**
 * Facts several checks share, each read with one set-based catalog query and memoised for the run,
 * so 1,000 tables cost the same number of round trips as ten. No query here touches a user table:
 * sizes come from pg_class.relpages (kept by VACUUM/ANALYZE), never from pg_relation_size(), which
 * would lock every relation in turn.
 */

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'`;

export interface TableFact {
  oid: number;
  schema: string;
  name: string;
  /** r table, p partitioned table, m materialized view. */
  relkind: 'r' | 'p' | 'm';
  isPartition: boolean;
  /** Estimated rows (pg_class.reltuples; -1 or 0 when never vacuumed/analyzed). */
  reltuples: number;
  relpages: number;
  toastPages: number;
  options: Record<string, string>;
  xidAge: number | null;
  mxidAge: number | null;
  seqScan: number;
  seqTupRead: number;
  idxScan: number;
  idxTupFetch: number;
  nTupIns: number;
  nTupUpd: number;
  nTupDel: number;
  nLiveTup: number;
  nDeadTup: number;
  nModSinceAnalyze: number;
  /** Seconds since the last (auto)vacuum / (auto)analyze; null when never. */
  vacuumAgeS: number | null;
  analyzeAgeS: number | null;
  autovacuumAgeS: number | null;
  autoanalyzeAgeS: number | null;
  heapBlksRead: number;
  heapBlksHit: number;
  idxBlksRead: number;
  idxBlksHit: number;
}

export interface IndexFact {
  oid: number;
  schema: string;
  name: string;
  tableOid: number;
  tableSchema: string;
  tableName: string;
  /** i ordinary index, I partitioned index (no storage). */
  relkind: 'i' | 'I';
  am: string;
  isUnique: boolean;
  isPrimary: boolean;
  isExclusion: boolean;
  isValid: boolean;
  isReady: boolean;
  /** Backs a primary key, unique or exclusion constraint. */
  backsConstraint: boolean;
  /** Some foreign key references the table through this index. */
  referencedByFk: boolean;
  /** Key columns first, then INCLUDE columns; `null` for an expression position. */
  columns: (string | null)[];
  nKeyColumns: number;
  /** Raw pg_index vectors as text, for exact duplicate comparison. */
  indkey: string;
  indclass: string;
  indcollation: string;
  indoption: string;
  expressions: string | null;
  predicate: string | null;
  relpages: number;
  reltuples: number;
  options: Record<string, string>;
  idxScan: number | null;
  idxTupRead: number | null;
  /** pg_get_indexdef(); empty until loaded with Facts.withDefinitions() (it costs ~0.1 ms an index). */
  definition: string;
}

export interface ColumnFact {
  tableOid: number;
  attnum: number;
  name: string;
  type: string;
  typlen: number;
  typalign: 'c' | 's' | 'i' | 'd';
  notNull: boolean;
  /** From pg_stats (Facts.statsFor); null when not loaded or the table has not been analyzed. */
  nullFrac: number | null;
  avgWidth: number | null;
  nDistinct: number | null;
}

export interface SettingFact {
  name: string;
  /** reset_val: the server/role/database value, not archie's session overrides. */
  value: string;
  unit: string | null;
  bootValue: string | null;
  source: string;
}

export interface ActivityFact {
  pid: number;
  database: string | null;
  user: string | null;
  application: string;
  clientAddr: string | null;
  backendType: string;
  state: string | null;
  waitEventType: string | null;
  waitEvent: string | null;
  queryAgeS: number | null;
  stateAgeS: number | null;
  xactAgeS: number | null;
  xminAge: number | null;
  /** Seconds this backend has waited for its lock (PostgreSQL 14+), else null. */
  lockWaitS: number | null;
  blockedBy: number[];
  locksHeld: number;
  query: string | null;
  /** The session's role is a superuser (advice must not tie a timeout to it). */
  superuser: boolean;
  /** Another user's session whose state, times and query PostgreSQL hides (no pg_read_all_stats). */
  hidden: boolean;
}

export interface DatabaseFact {
  blksRead: number;
  blksHit: number;
  tempFiles: number;
  tempBytes: number;
  deadlocks: number;
  statsAgeS: number | null;
  uptimeS: number;
}

export interface ExtensionFact {
  name: string;
  schema: string;
  version: string;
}

export interface SequenceFact {
  oid: number;
  schema: string;
  name: string;
  type: string;
  min: number;
  max: number;
  increment: number;
  cycle: boolean;
  readable: boolean;
  /** Owning column (serial or identity), if any. */
  ownerTableOid: number | null;
  ownerColumn: string | null;
  /** smallint and integer columns whose DEFAULT calls nextval() on this sequence, owned or not. */
  feeds: { tableOid: number; schema: string; table: string; column: string; type: 'smallint' | 'integer' }[];
  /** Null when unreadable or never used. `lastValueText` keeps full bigint precision. */
  lastValue: number | null;
  lastValueText: string | null;
  isCalled: boolean | null;
}

export interface StatementFact {
  queryid: string;
  /** Normalized text from pg_stat_statements (constants already replaced by $n). */
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  sharedHit: number;
  sharedRead: number;
  tempWritten: number;
  rankTotal: number;
  rankMean: number;
  rankCalls: number;
}

export interface StatementsFact {
  /** ok, or why there is nothing: the extension is not created here, or not preloaded. */
  status: 'ok' | 'not-installed' | 'not-loaded';
  message: string | null;
  schema: string | null;
  rows: StatementFact[];
  /** Over every statement of this database, not only the rows returned. */
  totalMs: number;
  totalCalls: number;
  distinct: number;
  /** Some text shows as <insufficient privilege> (the user lacks pg_read_all_stats). */
  textHidden: boolean;
  /** How many statements of this database have hidden text (other users', without pg_read_all_stats). */
  hidden: number;
}

export interface PrimaryKeyFact {
  tableOid: number;
  schema: string;
  table: string;
  constraint: string;
  column: string;
  type: 'smallint' | 'integer';
  /** Highest value in the ANALYZE sample (a lower bound of the real maximum); null without statistics or when a sequence feeds the key. */
  statsMax: number | null;
  referencedBy: { schema: string; table: string; column: string }[];
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nn = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** "indexes" rather than "indexs". */
export function plural(n: number, word: string): string {
  const many = word.endsWith('x') || word.endsWith('s') ? `${word}es` : `${word}s`;
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

export function parseOptions(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(v)) return out;
  for (const item of v) {
    const text = String(item);
    const eq = text.indexOf('=');
    if (eq > 0) out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}

/** Settings every check may ask for; read in one query. */
export const SETTING_NAMES = [
  'max_connections',
  'superuser_reserved_connections',
  'reserved_connections',
  'shared_buffers',
  'work_mem',
  'hash_mem_multiplier',
  'maintenance_work_mem',
  'effective_cache_size',
  'random_page_cost',
  'seq_page_cost',
  'autovacuum',
  'autovacuum_max_workers',
  'autovacuum_naptime',
  'autovacuum_vacuum_threshold',
  'autovacuum_vacuum_scale_factor',
  'autovacuum_analyze_threshold',
  'autovacuum_analyze_scale_factor',
  'autovacuum_freeze_max_age',
  'autovacuum_multixact_freeze_max_age',
  'idle_in_transaction_session_timeout',
  'statement_timeout',
  'track_counts',
  'track_io_timing',
  'shared_preload_libraries',
  'pg_stat_statements.track',
  'block_size',
];

export class Facts {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly definitions = new Map<number, string>();
  private readonly unreadable = new Map<number, string>();
  private readonly statsLoaded = new Set<number>();

  constructor(
    private readonly session: Session,
    private readonly server: ServerInfo,
  ) {}

  /** What the facts read so far cover, for the report's summary ("412 tables, 903 indexes, ..."). */
  async examinedSummary(): Promise<string> {
    const parts: string[] = [];
    const count = async (key: string, word: string, filter: (x: never) => boolean = () => true): Promise<void> => {
      const p = this.memo.get(key);
      if (!p) return;
      const v = await p.catch(() => undefined);
      if (!Array.isArray(v)) return;
      const n = (v as never[]).filter(filter).length;
      parts.push(plural(n, word));
    };
    await count('tables', 'table');
    await count('indexes', 'index');
    await count('sequences', 'sequence');
    await count('activity', 'session', (a: ActivityFact) => a.backendType === 'client backend');
    const st = this.memo.get('statements');
    if (st) {
      const v = (await st.catch(() => undefined)) as StatementsFact | undefined;
      if (v?.status === 'ok') parts.push(`${v.distinct.toLocaleString('en-US')} statement${v.distinct === 1 ? '' : 's'} in pg_stat_statements`);
    }
    return parts.join(', ') || 'the server settings only';
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.memo.set(key, p);
    }
    return p;
  }

  tables(): Promise<TableFact[]> {
    return this.once('tables', async () => {
      const rows = await this.session.query(
        'facts.tables',
        `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, c.relkind, c.relispartition,
           c.reltuples::float8 AS reltuples, c.relpages::int8 AS relpages, coalesce(t.relpages, 0)::int8 AS toast_pages,
           c.reloptions,
           CASE WHEN c.relkind <> 'p' THEN greatest(age(c.relfrozenxid), CASE WHEN t.oid IS NOT NULL THEN age(t.relfrozenxid) ELSE 0 END) END AS xid_age,
           CASE WHEN c.relkind <> 'p' THEN greatest(mxid_age(c.relminmxid), CASE WHEN t.oid IS NOT NULL THEN mxid_age(t.relminmxid) ELSE 0 END) END AS mxid_age,
           st.seq_scan::float8, st.seq_tup_read::float8, st.idx_scan::float8, st.idx_tup_fetch::float8,
           st.n_tup_ins::float8, st.n_tup_upd::float8, st.n_tup_del::float8,
           st.n_live_tup::float8, st.n_dead_tup::float8, st.n_mod_since_analyze::float8,
           extract(epoch FROM now() - greatest(st.last_vacuum, st.last_autovacuum))::float8 AS vacuum_age_s,
           extract(epoch FROM now() - greatest(st.last_analyze, st.last_autoanalyze))::float8 AS analyze_age_s,
           extract(epoch FROM now() - st.last_autovacuum)::float8 AS autovacuum_age_s,
           extract(epoch FROM now() - st.last_autoanalyze)::float8 AS autoanalyze_age_s,
           io.heap_blks_read::float8, io.heap_blks_hit::float8, io.idx_blks_read::float8, io.idx_blks_hit::float8
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
         LEFT JOIN pg_stat_user_tables st ON st.relid = c.oid
         LEFT JOIN pg_statio_user_tables io ON io.relid = c.oid
         WHERE c.relkind IN ('r', 'p', 'm') AND c.relpersistence <> 't' AND ${USER_SCHEMAS}
         ORDER BY n.nspname, c.relname`,
      );
      return rows.map(
        (r): TableFact => ({
          oid: n(r.oid),
          schema: String(r.schema),
          name: String(r.name),
          relkind: String(r.relkind) as TableFact['relkind'],
          isPartition: r.relispartition === true,
          reltuples: n(r.reltuples),
          relpages: n(r.relpages),
          toastPages: n(r.toast_pages),
          options: parseOptions(r.reloptions),
          xidAge: nn(r.xid_age),
          mxidAge: nn(r.mxid_age),
          seqScan: n(r.seq_scan),
          seqTupRead: n(r.seq_tup_read),
          idxScan: n(r.idx_scan),
          idxTupFetch: n(r.idx_tup_fetch),
          nTupIns: n(r.n_tup_ins),
          nTupUpd: n(r.n_tup_upd),
          nTupDel: n(r.n_tup_del),
          nLiveTup: n(r.n_live_tup),
          nDeadTup: n(r.n_dead_tup),
          nModSinceAnalyze: n(r.n_mod_since_analyze),
          vacuumAgeS: nn(r.vacuum_age_s),
          analyzeAgeS: nn(r.analyze_age_s),
          autovacuumAgeS: nn(r.autovacuum_age_s),
          autoanalyzeAgeS: nn(r.autoanalyze_age_s),
          heapBlksRead: n(r.heap_blks_read),
          heapBlksHit: n(r.heap_blks_hit),
          idxBlksRead: n(r.idx_blks_read),
          idxBlksHit: n(r.idx_blks_hit),
        }),
      );
    });
  }

  indexes(): Promise<IndexFact[]> {
    return this.once('indexes', async () => {
      const rows = await this.session.query(
        'facts.indexes',
        `SELECT i.indexrelid::int8 AS oid, n.nspname AS schema, ic.relname AS name, i.indrelid::int8 AS table_oid,
           tn.nspname AS table_schema, tc.relname AS table_name, ic.relkind, am.amname,
           i.indisunique, i.indisprimary, i.indisexclusion, i.indisvalid, i.indisready,
           i.indkey::text AS indkey, i.indclass::text AS indclass, i.indcollation::text AS indcollation,
           i.indoption::text AS indoption, i.indnkeyatts,
           pg_get_expr(i.indexprs, i.indrelid) AS exprs, pg_get_expr(i.indpred, i.indrelid) AS pred,
           ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 ORDER BY k.ord) AS columns,
           ic.relpages::int8 AS relpages, ic.reltuples::float8 AS reltuples, ic.reloptions,
           EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')) AS backs_constraint,
           EXISTS (SELECT 1 FROM pg_constraint fk WHERE fk.conindid = i.indexrelid AND fk.contype = 'f') AS referenced_by_fk,
           st.idx_scan::float8, st.idx_tup_read::float8
         FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = ic.relnamespace
         JOIN pg_class tc ON tc.oid = i.indrelid
         JOIN pg_namespace tn ON tn.oid = tc.relnamespace
         JOIN pg_am am ON am.oid = ic.relam
         LEFT JOIN pg_stat_user_indexes st ON st.indexrelid = i.indexrelid
         WHERE tc.relkind IN ('r', 'p', 'm') AND tc.relpersistence <> 't' AND ${USER_SCHEMAS.replace(/n\.nspname/g, 'tn.nspname')}
         ORDER BY tn.nspname, tc.relname, ic.relname`,
      );
      return rows.map(
        (r): IndexFact => ({
          oid: n(r.oid),
          schema: String(r.schema),
          name: String(r.name),
          tableOid: n(r.table_oid),
          tableSchema: String(r.table_schema),
          tableName: String(r.table_name),
          relkind: String(r.relkind) as IndexFact['relkind'],
          am: String(r.amname),
          isUnique: r.indisunique === true,
          isPrimary: r.indisprimary === true,
          isExclusion: r.indisexclusion === true,
          isValid: r.indisvalid === true,
          isReady: r.indisready === true,
          backsConstraint: r.backs_constraint === true,
          referencedByFk: r.referenced_by_fk === true,
          columns: (Array.isArray(r.columns) ? r.columns : []).map((c: unknown) => (c === null ? null : String(c))),
          nKeyColumns: n(r.indnkeyatts),
          indkey: String(r.indkey),
          indclass: String(r.indclass),
          indcollation: String(r.indcollation),
          indoption: String(r.indoption),
          expressions: s(r.exprs),
          predicate: s(r.pred),
          relpages: n(r.relpages),
          reltuples: n(r.reltuples),
          options: parseOptions(r.reloptions),
          idxScan: nn(r.idx_scan),
          idxTupRead: nn(r.idx_tup_read),
          definition: '',
        }),
      );
    });
  }

  /**
   * The given indexes with their definitions, fetched only for them. pg_get_indexdef() waits
   * behind a lock queued on the table (an ALTER TABLE waiting for a long transaction), so a batch
   * that times out is retried table by table: one locked table costs its own definitions only,
   * which stay empty and are listed by unreadableDefinitions().
   */
  async withDefinitions(list: IndexFact[]): Promise<IndexFact[]> {
    const missing = list.filter((i) => !this.definitions.has(i.oid) && !this.unreadable.has(i.oid));
    if (missing.length > 0) {
      const fetch = async (oids: number[]): Promise<void> => {
        const rows = await this.session.query('facts.index-definitions', `SELECT o::int8 AS oid, pg_get_indexdef(o) AS def FROM unnest($1::oid[]) AS o`, [oids]);
        for (const r of rows) this.definitions.set(n(r.oid), String(r.def));
      };
      try {
        await fetch(missing.map((i) => i.oid));
      } catch (e) {
        if ((e as { sqlState?: string }).sqlState !== '55P03') throw e;
        const byTable = new Map<number, IndexFact[]>();
        for (const i of missing) byTable.set(i.tableOid, [...(byTable.get(i.tableOid) ?? []), i]);
        for (const group of byTable.values()) {
          try {
            await fetch(group.map((i) => i.oid));
          } catch (inner) {
            if ((inner as { sqlState?: string }).sqlState !== '55P03') throw inner;
            for (const i of group) this.unreadable.set(i.oid, qualifiedName(i.tableSchema, i.tableName));
          }
        }
      }
    }
    return list.map((i) => ({ ...i, definition: this.definitions.get(i.oid) ?? i.definition }));
  }

  /** Tables (qualified names) whose index definitions could not be read because of a queued lock. */
  unreadableDefinitions(list: IndexFact[]): string[] {
    return [...new Set(list.filter((i) => this.unreadable.has(i.oid)).map((i) => this.unreadable.get(i.oid) as string))].sort();
  }

  /** Column names and types of every user table (statistics are fetched per table by statsFor()). */
  columns(): Promise<ColumnFact[]> {
    return this.once('columns', async () => {
      const rows = await this.session.query(
        'facts.columns',
        `SELECT a.attrelid::int8 AS table_oid, a.attnum::int AS attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
           ty.typlen::int AS typlen, ty.typalign, a.attnotnull
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type ty ON ty.oid = a.atttypid
         WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'm') AND c.relpersistence <> 't' AND ${USER_SCHEMAS}
         ORDER BY a.attrelid, a.attnum`,
      );
      return rows.map(
        (r): ColumnFact => ({
          tableOid: n(r.table_oid),
          attnum: n(r.attnum),
          name: String(r.attname),
          type: String(r.type),
          typlen: n(r.typlen),
          typalign: String(r.typalign) as ColumnFact['typalign'],
          notNull: r.attnotnull === true,
          nullFrac: null,
          avgWidth: null,
          nDistinct: null,
        }),
      );
    });
  }

  /**
   * Columns of the given tables with their pg_stats figures (null fraction, average width,
   * distinct values). Only the tables asked for: the pg_stats view is costly to read whole.
   */
  async statsFor(tables: TableFact[]): Promise<Map<number, ColumnFact[]>> {
    const byTable = await this.columnsByTable();
    const todo = tables.filter((t) => !this.statsLoaded.has(t.oid));
    if (todo.length > 0) {
      const rows = await this.session.query(
        'facts.column-stats',
        `SELECT schemaname::text AS schema, tablename::text AS table_name, attname::text AS column_name, inherited,
           null_frac::float8, avg_width::float8, n_distinct::float8
         FROM pg_stats WHERE schemaname = ANY($1::name[]) AND tablename = ANY($2::name[])`,
        [[...new Set(todo.map((t) => t.schema))], [...new Set(todo.map((t) => t.name))]],
      );
      const wanted = new Map(todo.map((t) => [`${t.schema}\u0000${t.name}`, t]));
      const stats = new Map<string, Record<string, unknown>>();
      for (const r of rows) {
        const t = wanted.get(`${r.schema}\u0000${r.table_name}`);
        // Partitioned parents keep their statistics as inherited = true.
        if (!t || (r.inherited === true) !== (t.relkind === 'p')) continue;
        stats.set(`${t.oid}\u0000${r.column_name}`, r);
      }
      for (const t of todo) {
        this.statsLoaded.add(t.oid);
        byTable.set(
          t.oid,
          (byTable.get(t.oid) ?? []).map((c) => {
            const st = stats.get(`${t.oid}\u0000${c.name}`);
            return st ? { ...c, nullFrac: nn(st.null_frac), avgWidth: nn(st.avg_width), nDistinct: nn(st.n_distinct) } : c;
          }),
        );
      }
    }
    return new Map(tables.map((t) => [t.oid, byTable.get(t.oid) ?? []]));
  }

  /** Columns grouped by table oid. */
  columnsByTable(): Promise<Map<number, ColumnFact[]>> {
    return this.once('columnsByTable', async () => {
      const map = new Map<number, ColumnFact[]>();
      for (const c of await this.columns()) {
        const list = map.get(c.tableOid);
        if (list) list.push(c);
        else map.set(c.tableOid, [c]);
      }
      return map;
    });
  }

  settings(): Promise<Map<string, SettingFact>> {
    return this.once('settings', async () => {
      const rows = await this.session.query(
        'facts.settings',
        `SELECT name, reset_val, unit, boot_val, source FROM pg_settings WHERE name = ANY($1::text[])`,
        [SETTING_NAMES],
      );
      const map = new Map<string, SettingFact>();
      for (const r of rows) {
        map.set(String(r.name), {
          name: String(r.name),
          value: String(r.reset_val ?? ''),
          unit: s(r.unit),
          bootValue: s(r.boot_val),
          source: String(r.source),
        });
      }
      return map;
    });
  }

  activity(): Promise<ActivityFact[]> {
    return this.once('activity', async () => {
      const hasWaitStart = this.server.versionNum >= 140000;
      const rows = await this.session.query(
        'facts.activity',
        `WITH locks AS (
           SELECT pid, count(*) FILTER (WHERE granted) AS held, bool_or(NOT granted) AS waiting
             ${hasWaitStart ? ', extract(epoch FROM now() - min(waitstart) FILTER (WHERE NOT granted))::float8 AS wait_s' : ', NULL::float8 AS wait_s'}
           FROM pg_locks WHERE pid IS NOT NULL GROUP BY pid
         )
         SELECT a.pid, a.datname, a.usename, coalesce(a.application_name, '') AS application_name, a.client_addr::text AS client_addr,
           coalesce(a.backend_type, '') AS backend_type, a.state, a.wait_event_type, a.wait_event,
           extract(epoch FROM now() - a.query_start)::float8 AS query_age_s,
           extract(epoch FROM now() - a.state_change)::float8 AS state_age_s,
           extract(epoch FROM now() - a.xact_start)::float8 AS xact_age_s,
           age(a.backend_xmin) AS xmin_age,
           l.wait_s, coalesce(l.held, 0)::int AS locks_held,
           -- pg_locks is visible to every user, wait_event_type only for one's own sessions without pg_read_all_stats.
           CASE WHEN a.wait_event_type = 'Lock' OR l.waiting THEN pg_blocking_pids(a.pid) ELSE '{}'::int[] END AS blocked_by,
           coalesce(r.rolsuper, false) AS superuser,
           a.query
         FROM pg_stat_activity a
         LEFT JOIN locks l ON l.pid = a.pid
         LEFT JOIN pg_roles r ON r.oid = a.usesysid
         WHERE a.pid <> pg_backend_pid()
         ORDER BY a.pid`,
      );
      return rows.map(
        (r): ActivityFact => ({
          pid: n(r.pid),
          database: s(r.datname),
          user: s(r.usename),
          application: String(r.application_name),
          clientAddr: s(r.client_addr),
          backendType: String(r.backend_type),
          state: s(r.state),
          waitEventType: s(r.wait_event_type),
          waitEvent: s(r.wait_event),
          queryAgeS: nn(r.query_age_s),
          stateAgeS: nn(r.state_age_s),
          xactAgeS: nn(r.xact_age_s),
          xminAge: nn(r.xmin_age),
          lockWaitS: nn(r.wait_s),
          blockedBy: (Array.isArray(r.blocked_by) ? r.blocked_by : []).map(Number),
          locksHeld: n(r.locks_held),
          query: s(r.query),
          superuser: r.superuser === true,
          hidden: r.query === '<insufficient privilege>',
        }),
      );
    });
  }

  database(): Promise<DatabaseFact> {
    return this.once('database', async () => {
      const rows = await this.session.query(
        'facts.database',
        `SELECT d.blks_read::float8, d.blks_hit::float8, d.temp_files::float8, d.temp_bytes::float8, d.deadlocks::float8,
           extract(epoch FROM now() - d.stats_reset)::float8 AS stats_age_s,
           extract(epoch FROM now() - pg_postmaster_start_time())::float8 AS uptime_s
         FROM pg_stat_database d WHERE d.datname = current_database()`,
      );
      const r = rows[0] ?? {};
      return {
        blksRead: n(r.blks_read),
        blksHit: n(r.blks_hit),
        tempFiles: n(r.temp_files),
        tempBytes: n(r.temp_bytes),
        deadlocks: n(r.deadlocks),
        statsAgeS: nn(r.stats_age_s),
        uptimeS: n(r.uptime_s),
      };
    });
  }

  extensions(): Promise<Map<string, ExtensionFact>> {
    return this.once('extensions', async () => {
      const rows = await this.session.query(
        'facts.extensions',
        `SELECT e.extname, n.nspname, e.extversion FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
      );
      return new Map(rows.map((r) => [String(r.extname), { name: String(r.extname), schema: String(r.nspname), version: String(r.extversion) }]));
    });
  }

  statements(top: number): Promise<StatementsFact> {
    return this.once('statements', async () => {
      const ext = (await this.extensions()).get('pg_stat_statements');
      const empty = { rows: [], totalMs: 0, totalCalls: 0, distinct: 0, textHidden: false, hidden: 0 };
      if (!ext) return { status: 'not-installed', message: null, schema: null, ...empty };
      const view = `${quoteIdent(ext.schema)}.pg_stat_statements`;
      const cols = new Set(
        (
          await this.session.query(
            'facts.statements-columns',
            `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
            [view],
          )
        ).map((r) => String(r.attname)),
      );
      // Column names follow the extension version: total_time became total_exec_time in 1.8 (PostgreSQL 13).
      const total = cols.has('total_exec_time') ? 'total_exec_time' : 'total_time';
      const mean = cols.has('mean_exec_time') ? 'mean_exec_time' : 'mean_time';
      const toplevel = cols.has('toplevel') ? 'AND toplevel' : '';
      try {
        const rows = await this.session.query(
          'facts.statements',
          `WITH s AS (
             SELECT queryid::text AS queryid, query, calls::float8 AS calls, ${total}::float8 AS total_ms, ${mean}::float8 AS mean_ms,
               rows::float8 AS rows, shared_blks_hit::float8 AS hit, shared_blks_read::float8 AS read, temp_blks_written::float8 AS temp_written
             FROM ${view}
             WHERE dbid = $1 ${toplevel} AND query NOT LIKE '/* archie-diagnose */%'
           ), r AS (
             SELECT s.*, sum(total_ms) OVER () AS all_ms, sum(calls) OVER () AS all_calls, count(*) OVER () AS distinct_n,
               count(*) FILTER (WHERE query = '<insufficient privilege>') OVER () AS hidden_n,
               row_number() OVER (ORDER BY total_ms DESC, queryid) AS r_total,
               row_number() OVER (ORDER BY mean_ms DESC, queryid) AS r_mean,
               row_number() OVER (ORDER BY calls DESC, queryid) AS r_calls
             FROM s
           )
           SELECT * FROM r WHERE r_total <= $2 OR r_mean <= $3 OR r_calls <= $3 ORDER BY r_total`,
          [this.server.databaseOid, Math.max(STATEMENTS_BY_TOTAL, top), top],
        );
        const first = rows[0];
        return {
          status: 'ok',
          message: null,
          schema: ext.schema,
          rows: rows.map(
            (r): StatementFact => ({
              queryid: r.queryid === null ? 'hidden' : String(r.queryid),
              query: String(r.query ?? ''),
              calls: n(r.calls),
              totalMs: n(r.total_ms),
              meanMs: n(r.mean_ms),
              rows: n(r.rows),
              sharedHit: n(r.hit),
              sharedRead: n(r.read),
              tempWritten: n(r.temp_written),
              rankTotal: n(r.r_total),
              rankMean: n(r.r_mean),
              rankCalls: n(r.r_calls),
            }),
          ),
          totalMs: first ? n(first.all_ms) : 0,
          totalCalls: first ? n(first.all_calls) : 0,
          distinct: first ? n(first.distinct_n) : 0,
          textHidden: first ? n(first.hidden_n) > 0 : false,
          hidden: first ? n(first.hidden_n) : 0,
        };
      } catch (e) {
        const msg = String((e as Error).message);
        if (/shared_preload_libraries/i.test(msg)) return { status: 'not-loaded', message: msg, schema: ext.schema, ...empty };
        throw e;
      }
    });
  }

  primaryKeys(): Promise<PrimaryKeyFact[]> {
    return this.once('primaryKeys', async () => {
      const rows = await this.session.query(
        'facts.primary-keys',
        `WITH fks AS (
           -- One pass over the foreign keys (pg_constraint has no index on confrelid).
           SELECT fk.confrelid, fk.confkey[1] AS attnum,
             json_agg(json_build_object('schema', fn.nspname, 'table', fc.relname, 'column', fa.attname) ORDER BY fn.nspname, fc.relname, fa.attname) AS refs
           FROM pg_constraint fk
           JOIN pg_class fc ON fc.oid = fk.conrelid
           JOIN pg_namespace fn ON fn.oid = fc.relnamespace
           JOIN pg_attribute fa ON fa.attrelid = fk.conrelid AND fa.attnum = fk.conkey[1]
           WHERE fk.contype = 'f' AND array_length(fk.conkey, 1) = 1
           GROUP BY fk.confrelid, fk.confkey[1]
         )
         SELECT con.conrelid::int8 AS table_oid, n.nspname AS schema, c.relname AS table_name, con.conname,
           a.attname, format_type(a.atttypid, NULL) AS type,
           CASE WHEN NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = con.conrelid
                                   AND d.refobjsubid = con.conkey[1] AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
             THEN (SELECT max(v) FROM pg_stats ps, unnest(ps.histogram_bounds::text::int8[]) AS v
                   WHERE ps.schemaname = n.nspname AND ps.tablename = c.relname AND ps.attname = a.attname
                     AND ps.inherited = (c.relkind = 'p'))::float8
           END AS stats_max,
           coalesce(fks.refs, '[]'::json) AS referenced_by
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
         LEFT JOIN fks ON fks.confrelid = con.conrelid AND fks.attnum = con.conkey[1]
         WHERE con.contype = 'p' AND array_length(con.conkey, 1) = 1 AND a.atttypid IN ('int2'::regtype, 'int4'::regtype)
           AND c.relpersistence <> 't' AND ${USER_SCHEMAS}
         ORDER BY n.nspname, c.relname`,
      );
      return rows.map(
        (r): PrimaryKeyFact => ({
          tableOid: n(r.table_oid),
          schema: String(r.schema),
          table: String(r.table_name),
          constraint: String(r.conname),
          column: String(r.attname),
          type: String(r.type) as PrimaryKeyFact['type'],
          statsMax: nn(r.stats_max),
          referencedBy: (Array.isArray(r.referenced_by) ? r.referenced_by : []) as PrimaryKeyFact['referencedBy'],
        }),
      );
    });
  }

  /**
   * Sequences with their current value. The catalog part comes from pg_sequence; the value is read
   * with a plain SELECT from each sequence (AccessShareLock). The pg_sequences view is avoided on
   * purpose: its pg_sequence_last_value() takes RowExclusiveLock on every sequence.
   */
  sequences(): Promise<SequenceFact[]> {
    return this.once('sequences', async () => {
      const rows = await this.session.query(
        'facts.sequences',
        `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, format_type(sq.seqtypid, NULL) AS type,
           sq.seqmin::float8 AS min, sq.seqmax::float8 AS max, sq.seqincrement::float8 AS increment, sq.seqcycle,
           has_sequence_privilege(c.oid, 'SELECT') AS readable,
           own.refobjid::int8 AS owner_table_oid, own_att.attname AS owner_column
         FROM pg_sequence sq
         JOIN pg_class c ON c.oid = sq.seqrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_depend own ON own.classid = 'pg_class'::regclass AND own.objid = c.oid
           AND own.refclassid = 'pg_class'::regclass AND own.deptype IN ('a', 'i') AND own.refobjsubid > 0
         LEFT JOIN pg_attribute own_att ON own_att.attrelid = own.refobjid AND own_att.attnum = own.refobjsubid
         WHERE c.relpersistence <> 't' AND ${USER_SCHEMAS}
         ORDER BY n.nspname, c.relname`,
      );
      const facts: SequenceFact[] = rows.map((r) => ({
        oid: n(r.oid),
        schema: String(r.schema),
        name: String(r.name),
        type: String(r.type),
        min: n(r.min),
        max: n(r.max),
        increment: n(r.increment),
        cycle: r.seqcycle === true,
        readable: r.readable === true,
        ownerTableOid: nn(r.owner_table_oid),
        ownerColumn: s(r.owner_column),
        feeds: [],
        lastValue: null,
        lastValueText: null,
        isCalled: null,
      }));
      const readable = facts.filter((f) => f.readable);
      const byOid = new Map(facts.map((f) => [f.oid, f]));
      if (facts.length > 0) {
        // Columns fed by a sequence through their DEFAULT nextval(...): the column's type is the real limit.
        const feeds = await this.session.query(
          'facts.sequence-feeds',
          `SELECT d.refobjid::int8 AS seq, ad.adrelid::int8 AS table_oid, n.nspname AS schema, c.relname AS table_name, a.attname, format_type(a.atttypid, NULL) AS type
           FROM pg_depend d
           JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
           JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
           JOIN pg_class c ON c.oid = ad.adrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE d.refclassid = 'pg_class'::regclass AND a.atttypid IN ('int2'::regtype, 'int4'::regtype)
           ORDER BY n.nspname, c.relname, a.attname`,
        );
        for (const r of feeds) {
          byOid.get(n(r.seq))?.feeds.push({ tableOid: n(r.table_oid), schema: String(r.schema), table: String(r.table_name), column: String(r.attname), type: String(r.type) as 'smallint' | 'integer' });
        }
      }
      let viaXml = true;
      // Chunks bound the number of locks one statement holds at once (max_locks_per_transaction).
      for (let i = 0; i < readable.length; i += 500) {
        const chunk = readable.slice(i, i + 500);
        let values: Record<string, unknown>[] | undefined;
        if (viaXml) {
          try {
            // One statement runs a tiny SELECT per sequence server-side: ~0.1 ms each, against
            // ~1 ms each for a UNION ALL of hundreds of branches.
            values = await this.session.query(
              'facts.sequence-values',
              `SELECT s.oid::int8 AS oid, (xpath('/row/last_value/text()', x))[1]::text AS v,
                 (xpath('/row/is_called/text()', x))[1]::text = 'true' AS is_called
               FROM unnest($1::oid[]) AS s(oid),
                 LATERAL query_to_xml(format('SELECT last_value, is_called FROM %s', s.oid::regclass), false, true, '') AS x`,
              [chunk.map((f) => f.oid)],
            );
          } catch (e) {
            // A server built without libxml: fall back to plain SELECTs.
            if ((e as { sqlState?: string }).sqlState !== '0A000') throw e;
            viaXml = false;
          }
        }
        if (!values) {
          values = [];
          for (let j = 0; j < chunk.length; j += 100) {
            const sql = chunk
              .slice(j, j + 100)
              .map((f) => `SELECT ${f.oid}::int8 AS oid, last_value::text AS v, is_called FROM ${quoteIdent(f.schema)}.${quoteIdent(f.name)}`)
              .join('\nUNION ALL\n');
            values.push(...(await this.session.query('facts.sequence-values', sql)));
          }
        }
        for (const v of values) {
          const f = byOid.get(n(v.oid));
          if (!f) continue;
          f.lastValueText = String(v.v);
          f.lastValue = Number(v.v);
          f.isCalled = v.is_called === true;
        }
      }
      return facts;
    });
  }
}

/** How many statements facts.statements() returns by total time (the missing-index check reads them). */
export const STATEMENTS_BY_TOTAL = 100;

/** Transaction control and session housekeeping: real load, but nothing to tune in them. */
export const HOUSEKEEPING = /^\s*(BEGIN|COMMIT|ROLLBACK|END|START TRANSACTION|SAVEPOINT|RELEASE|SET|RESET|SHOW|DISCARD|DEALLOCATE)\b/i;

/** Quote an SQL identifier when it needs it (lower-case letters, digits, underscore stay bare). */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function qualifiedName(schema: string, name: string): string {
  return qualified(schema, name);
}

/** Schema-qualified, quoted name. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

// Reserved key words that cannot be bare identifiers (a practical subset of PostgreSQL's list).
const RESERVED = new Set(
  'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric table then to trailing true union unique user using variadic when where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose'.split(
    ' ',
  ),
);
