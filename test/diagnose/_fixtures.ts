/** Builders for the facts checks evaluate, so table tests state only what matters to each case. */
import type { ActivityFact, ColumnFact, IndexFact, PrimaryKeyFact, SequenceFact, SettingFact, StatementFact, TableFact } from '../../src/diagnose/_facts.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/diagnose/types.js';

export const T: Thresholds = DEFAULT_THRESHOLDS;

export function table(o: Partial<TableFact> = {}): TableFact {
  return {
    oid: 1000,
    schema: 'public',
    name: 'orders',
    relkind: 'r',
    isPartition: false,
    reltuples: 1_000_000,
    relpages: 10_000,
    toastPages: 0,
    options: {},
    xidAge: 1000,
    mxidAge: 10,
    seqScan: 0,
    seqTupRead: 0,
    idxScan: 0,
    idxTupFetch: 0,
    nTupIns: 0,
    nTupUpd: 0,
    nTupDel: 0,
    nLiveTup: 1_000_000,
    nDeadTup: 0,
    nModSinceAnalyze: 0,
    vacuumAgeS: 3600,
    analyzeAgeS: 3600,
    autovacuumAgeS: 3600,
    autoanalyzeAgeS: 3600,
    heapBlksRead: 0,
    heapBlksHit: 0,
    idxBlksRead: 0,
    idxBlksHit: 0,
    ...o,
  };
}

export function index(o: Partial<IndexFact> = {}): IndexFact {
  return {
    oid: 2000,
    schema: 'public',
    name: 'orders_status_idx',
    tableOid: 1000,
    tableSchema: 'public',
    tableName: 'orders',
    relkind: 'i',
    am: 'btree',
    isUnique: false,
    isPrimary: false,
    isExclusion: false,
    isValid: true,
    isReady: true,
    backsConstraint: false,
    referencedByFk: false,
    columns: ['status'],
    nKeyColumns: 1,
    indkey: '3',
    indclass: '3126',
    indcollation: '100',
    indoption: '0',
    expressions: null,
    predicate: null,
    relpages: 100,
    reltuples: 1_000_000,
    options: {},
    idxScan: 10,
    idxTupRead: 10,
    definition: 'CREATE INDEX orders_status_idx ON public.orders USING btree (status)',
    ...o,
  };
}

export function column(o: Partial<ColumnFact> = {}): ColumnFact {
  return {
    tableOid: 1000,
    attnum: 1,
    name: 'id',
    type: 'bigint',
    typlen: 8,
    typalign: 'd',
    notNull: true,
    nullFrac: 0,
    avgWidth: 8,
    nDistinct: -1,
    ...o,
  };
}

export function session(o: Partial<ActivityFact> = {}): ActivityFact {
  return {
    pid: 100,
    database: 'shop',
    user: 'app',
    application: 'api',
    clientAddr: '10.0.0.1',
    backendType: 'client backend',
    state: 'idle',
    waitEventType: null,
    waitEvent: null,
    queryAgeS: 1,
    stateAgeS: 1,
    xactAgeS: null,
    xminAge: null,
    lockWaitS: null,
    blockedBy: [],
    locksHeld: 0,
    query: 'SELECT 1',
    superuser: false,
    hidden: false,
    ...o,
  };
}

export function settings(values: Record<string, string>, units: Record<string, string> = {}): Map<string, SettingFact> {
  const defaults: Record<string, [string, string | null]> = {
    max_connections: ['100', null],
    superuser_reserved_connections: ['3', null],
    shared_buffers: ['16384', '8kB'],
    work_mem: ['4096', 'kB'],
    effective_cache_size: ['524288', '8kB'],
    random_page_cost: ['4', null],
    autovacuum: ['on', null],
    track_counts: ['on', null],
    track_io_timing: ['on', null],
    autovacuum_max_workers: ['3', null],
    autovacuum_vacuum_threshold: ['50', null],
    autovacuum_vacuum_scale_factor: ['0.2', null],
    autovacuum_analyze_threshold: ['50', null],
    autovacuum_analyze_scale_factor: ['0.1', null],
    autovacuum_freeze_max_age: ['200000000', null],
  };
  const map = new Map<string, SettingFact>();
  for (const [name, [value, unit]] of Object.entries(defaults)) {
    map.set(name, { name, value: values[name] ?? value, unit: units[name] ?? unit, bootValue: value, source: 'default' });
  }
  for (const [name, value] of Object.entries(values)) {
    if (!map.has(name)) map.set(name, { name, value, unit: units[name] ?? null, bootValue: null, source: 'configuration file' });
  }
  return map;
}

export function statement(o: Partial<StatementFact> = {}): StatementFact {
  return {
    queryid: '1',
    query: 'SELECT * FROM orders WHERE customer_id = $1',
    calls: 100,
    totalMs: 1000,
    meanMs: 10,
    rows: 100,
    sharedHit: 1000,
    sharedRead: 0,
    tempWritten: 0,
    rankTotal: 1,
    rankMean: 1,
    rankCalls: 1,
    ...o,
  };
}

export function sequence(o: Partial<SequenceFact> = {}): SequenceFact {
  return {
    oid: 3000,
    schema: 'public',
    name: 'orders_id_seq',
    type: 'bigint',
    min: 1,
    max: 2 ** 63 - 1,
    increment: 1,
    cycle: false,
    readable: true,
    ownerTableOid: null,
    ownerColumn: null,
    feeds: [],
    lastValue: 1,
    lastValueText: '1',
    isCalled: true,
    ...o,
  };
}

export function primaryKey(o: Partial<PrimaryKeyFact> = {}): PrimaryKeyFact {
  return {
    tableOid: 1000,
    schema: 'public',
    table: 'orders',
    constraint: 'orders_pkey',
    column: 'id',
    type: 'integer',
    statsMax: null,
    referencedBy: [],
    ...o,
  };
}
