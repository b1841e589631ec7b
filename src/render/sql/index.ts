import { compact } from '../../brief/units.js';
import { ArchieError } from '../../errors.js';
import type { DataStore, Design, Entity, Field, Index } from '../../model/design.js';

/**
 * schema.sql and migrations/0001_init.sql: PostgreSQL DDL for the design's entities that live in
 * PostgreSQL (and in TimescaleDB, which is PostgreSQL with an extension). Tables come in
 * foreign-key order, each followed by its partitions, its indexes exactly as modelled, and comments
 * that mark personal data.
 */

/** Months of partitions created up front for a range-partitioned table (the capacity plan's first horizon). */
export const INITIAL_PARTITION_MONTHS = 6;

/** Settings the migration runs under: give up instead of queueing behind a long transaction. */
export const MIGRATION_TIMEOUTS = { lockTimeout: '5s', statementTimeout: '60s' } as const;

/**
 * Keywords PostgreSQL quotes when it prints a name (reserved, type/function and column-name
 * keywords): quoting them too keeps every name usable in any expression.
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column concurrently ' +
    'constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default ' +
    'deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner ' +
    'intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or ' +
    'order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table ' +
    'tablesample then to trailing true union unique user using variadic verbose when where window with ' +
    'between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int integer interval ' +
    'json json_array json_arrayagg json_object json_objectagg json_scalar json_serialize least national nchar none normalize nullif ' +
    'numeric out overlay position precision real row setof smallint substring time timestamp treat trim values varchar xmlattributes ' +
    'xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** A name as SQL: bare when PostgreSQL accepts it, double-quoted otherwise. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A constraint or partition name within PostgreSQL's 63-byte limit, kept unique by a short hash. */
function objectName(base: string): string {
  const clean = base.replace(/[^a-z0-9_]/g, '_').replace(/_+/g, '_');
  if (clean.length <= 63) return clean;
  let h = 0;
  for (const ch of clean) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `${clean.slice(0, 55)}_${h.toString(36).slice(0, 7)}`;
}

/** Which entities this schema holds, and how. */
type Flavour = 'postgres' | 'timescaledb';

function flavourOf(store: DataStore | undefined): Flavour | null {
  if (!store) return null;
  if (/timescale/i.test(store.technology)) return 'timescaledb';
  if (store.kind === 'relational' && /postgres/i.test(store.technology)) return 'postgres';
  return null;
}

interface Table {
  entity: Entity;
  store: DataStore;
  flavour: Flavour;
}

/** The entities stored in PostgreSQL or TimescaleDB, and the ones left out with their store. */
export function sqlEntities(d: Design): { tables: Table[]; elsewhere: { entity: Entity; store: string }[] } {
  const stores = new Map(d.dataStores.map((s) => [s.id, s]));
  const tables: Table[] = [];
  const elsewhere: { entity: Entity; store: string }[] = [];
  for (const e of d.entities) {
    const store = stores.get(e.store);
    const flavour = flavourOf(store);
    if (store && flavour) tables.push({ entity: e, store, flavour });
    else elsewhere.push({ entity: e, store: store ? `${store.id} (${store.technology})` : e.store });
  }
  return { tables: orderByReferences(tables), elsewhere };
}

/** Parents before children along enforced foreign keys; model order otherwise. Cycles are broken in model order. */
function orderByReferences(tables: Table[]): Table[] {
  const byName = new Map(tables.map((t) => [t.entity.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Table[] = [];
  const visit = (t: Table) => {
    const name = t.entity.name;
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const f of t.entity.fields) {
      if (!f.references || !f.referenceEnforced || f.references === name) continue;
      const target = byName.get(f.references);
      if (target) visit(target);
    }
    visiting.delete(name);
    done.add(name);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}

function columnType(f: Field): string {
  switch (f.type) {
    case 'uuid':
      return 'uuid';
    case 'text':
    case 'short-text':
    case 'enum':
      return 'text';
    case 'integer':
      return 'integer';
    case 'bigint':
      return 'bigint';
    case 'decimal':
      return 'numeric';
    case 'money':
      return 'numeric(19,4)';
    case 'boolean':
      return 'boolean';
    case 'timestamp':
      return 'timestamptz';
    case 'date':
      return 'date';
    case 'json':
      return 'jsonb';
    case 'double':
      return 'double precision';
    case 'bytes':
      return 'bytea';
  }
}

function defaultOf(f: Field): string | null {
  if (!f.serverGenerated) return null;
  if (f.type === 'uuid' && f.primaryKey) return 'gen_random_uuid()';
  if (f.type === 'timestamp' && !f.nullable) return 'now()';
  return null;
}

const num = (n: number): string => String(n);

/** Named CHECK constraints for one column: length, allowed values, range. */
function checks(table: string, f: Field): string[] {
  const c = ident(f.name);
  const out: string[] = [];
  const add = (suffix: string, expr: string) => out.push(`CONSTRAINT ${ident(objectName(`${table}_${f.name}_${suffix}`))} CHECK (${expr})`);
  const isText = f.type === 'text' || f.type === 'short-text';
  if (isText || f.type === 'bytes') {
    const len = f.type === 'bytes' ? `octet_length(${c})` : `char_length(${c})`;
    if (f.min !== null && f.maxLength !== null) add('length', `${len} BETWEEN ${num(f.min)} AND ${f.maxLength}`);
    else if (f.maxLength !== null) add('length', `${len} <= ${f.maxLength}`);
    else if (f.min !== null) add('length', `${len} >= ${num(f.min)}`);
  }
  if (f.type === 'enum') {
    if (!f.values || f.values.length === 0) throw new ArchieError('INVALID', `enum field ${table}.${f.name} lists no values`, { hint: 'give the field its allowed values' });
    add('values', `${c} IN (${f.values.map(literal).join(', ')})`);
  }
  const numeric = f.type === 'integer' || f.type === 'bigint' || f.type === 'decimal' || f.type === 'money' || f.type === 'double';
  if (numeric) {
    if (f.min !== null && f.max !== null) add('range', `${c} BETWEEN ${num(f.min)} AND ${num(f.max)}`);
    else if (f.max !== null) add('range', `${c} <= ${num(f.max)}`);
    else if (f.min !== null) add('range', `${c} >= ${num(f.min)}`);
  }
  return out;
}

const ON_DELETE: Record<NonNullable<Field['onDelete']>, string> = { cascade: 'CASCADE', restrict: 'RESTRICT', 'set-null': 'SET NULL' };

/** `2026-10` → the first day of that month and the following months. */
function months(anchor: string, count: number): { label: string; from: string; to: string }[] {
  const m = /^(\d{4})-(\d{2})/.exec(anchor);
  if (!m) throw new ArchieError('INVALID', `cannot place monthly partitions: the design's date "${anchor}" is not YYYY-MM`, { hint: 'regenerate design.json with archie design' });
  let y = Number(m[1]);
  let mo = Number(m[2]);
  const iso = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  const out: { label: string; from: string; to: string }[] = [];
  for (let i = 0; i < count; i++) {
    const ny = mo === 12 ? y + 1 : y;
    const nm = mo === 12 ? 1 : mo + 1;
    out.push({ label: `${y}_${String(mo).padStart(2, '0')}`, from: iso(y, mo), to: iso(ny, nm) });
    y = ny;
    mo = nm;
  }
  return out;
}

function indexElements(e: Entity, ix: Index): string {
  const parts: string[] = [];
  for (const c of ix.columns) {
    if (!e.fields.some((f) => f.name === c.field)) {
      throw new ArchieError('INVALID', `index ${ix.name} on ${e.table} names column "${c.field}", which ${e.name} does not have`, { hint: 'index columns are entity fields' });
    }
    parts.push(`${ident(c.field)}${c.direction === 'desc' ? ' DESC' : ''}`);
  }
  if (ix.expression) {
    // A function call (optionally followed by an operator class) is an index element as it stands;
    // any other expression needs its own parentheses.
    const m = /^(.*?\))(\s+[a-z_][a-z0-9_]*)?$/.exec(ix.expression.trim());
    const call = m && /^[a-z_][a-z0-9_.]*\(/.test(m[1]!);
    parts.push(call ? ix.expression.trim() : `(${ix.expression.trim()})`);
  }
  if (parts.length === 0) throw new ArchieError('INVALID', `index ${ix.name} on ${e.table} has neither columns nor an expression`);
  return parts.join(', ');
}

function createIndex(e: Entity, ix: Index): string {
  const using = ix.method === 'btree' ? '' : ` USING ${ix.method}`;
  const where = ix.where ? ` WHERE ${ix.where}` : '';
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${ident(ix.name)} ON ${ident(e.table)}${using} (${indexElements(e, ix)})${where};`;
}

function tableDdl(d: Design, t: Table, tables: Map<string, Table>, deferred: Set<string>, later: string[]): string[] {
  const e = t.entity;
  const table = e.table;
  const out: string[] = [];
  out.push(`-- ${e.name}: ${oneLine(e.description)}`);
  out.push(`-- Store ${t.store.id} (${t.store.technology}); about ${compact(e.rows.current)} rows now, ${compact(e.rows.oneYear)} in a year.`);
  const pk = e.fields.filter((f) => f.primaryKey);
  if (pk.length === 0) throw new ArchieError('INVALID', `entity ${e.name} has no primary key field`, { hint: 'mark its identifier primaryKey' });
  const partitioned = e.partitionBy !== null && t.flavour === 'postgres';
  if (e.partitionBy !== null) {
    const key = e.fields.find((f) => f.name === e.partitionBy);
    if (!key) throw new ArchieError('INVALID', `entity ${e.name} is partitioned by "${e.partitionBy}", which is not one of its fields`);
    if (key.type !== 'timestamp' && key.type !== 'date') throw new ArchieError('INVALID', `entity ${e.name} is partitioned by month on ${key.name}, a ${key.type} field`, { hint: 'partition by a timestamp or date field' });
    if (partitioned && !key.primaryKey) throw new ArchieError('INVALID', `partitioned table ${table} needs ${key.name} in its primary key`, { hint: 'PostgreSQL requires the partition key in every unique key of a partitioned table' });
  }

  const width = Math.max(...e.fields.map((f) => ident(f.name).length));
  const lines: string[] = [];
  for (const f of e.fields) {
    const parts = [ident(f.name).padEnd(width), columnType(f)];
    if (!f.nullable) parts.push('NOT NULL');
    const def = defaultOf(f);
    if (def) parts.push(`DEFAULT ${def}`);
    lines.push(parts.join(' '));
  }
  lines.push(`CONSTRAINT ${ident(objectName(`${table}_pkey`))} PRIMARY KEY (${pk.map((f) => ident(f.name)).join(', ')})`);
  for (const f of e.fields) lines.push(...checks(table, f));
  for (const f of e.fields) {
    if (!f.references || !f.referenceEnforced) continue;
    const target = tables.get(f.references);
    if (!target) {
      throw new ArchieError('INVALID', `${table}.${f.name} is an enforced reference to ${f.references}, which has no table in this schema`, {
        hint: 'a reference to an entity in another store cannot be a foreign key; set referenceEnforced to false',
      });
    }
    const targetPk = target.entity.fields.filter((x) => x.primaryKey);
    if (targetPk.length !== 1) {
      throw new ArchieError('INVALID', `${table}.${f.name} references ${target.entity.table}, whose primary key has ${targetPk.length} columns`, {
        hint: 'a foreign key to a partitioned table must include its partition key; set referenceEnforced to false',
      });
    }
    const fk = `CONSTRAINT ${ident(objectName(`${table}_${f.name}_fkey`))} FOREIGN KEY (${ident(f.name)}) REFERENCES ${ident(target.entity.table)} (${ident(targetPk[0]!.name)})${f.onDelete ? ` ON DELETE ${ON_DELETE[f.onDelete]}` : ''}`;
    // A reference to a table created later (a cycle) is added once every table exists.
    if (deferred.has(`${e.name}.${f.name}`)) later.push(`ALTER TABLE ${ident(table)} ADD ${fk};`);
    else lines.push(fk);
  }
  const tail = partitioned ? `) PARTITION BY RANGE (${ident(e.partitionBy!)});` : ');';
  out.push(`CREATE TABLE ${ident(table)} (`, lines.map((l, i) => `  ${l}${i < lines.length - 1 ? ',' : ''}`).join('\n'), tail);

  if (partitioned) {
    const key = e.fields.find((f) => f.name === e.partitionBy)!;
    const bound = (day: string) => (key.type === 'timestamp' ? literal(`${day} 00:00:00+00`) : literal(day));
    const ms = months(d.cost.priceTable.asOf, INITIAL_PARTITION_MONTHS);
    out.push('');
    out.push(
      `-- Monthly partitions on ${key.name} (UTC) for the ${INITIAL_PARTITION_MONTHS} months from ${ms[0]!.from.slice(0, 7)}, the month the design is dated;`,
      '-- create each next month ahead of time with a scheduled job (pg_partman or the worker), and detach',
      '-- and drop months past the retention period. The DEFAULT partition catches rows outside them;',
      '-- keep it empty, or a new partition for its range cannot be attached.',
    );
    for (const m of ms) out.push(`CREATE TABLE ${ident(objectName(`${table}_${m.label}`))} PARTITION OF ${ident(table)} FOR VALUES FROM (${bound(m.from)}) TO (${bound(m.to)});`);
    out.push(`CREATE TABLE ${ident(objectName(`${table}_default`))} PARTITION OF ${ident(table)} DEFAULT;`);
  } else if (e.partitionBy !== null) {
    out.push(
      '',
      `-- TimescaleDB makes this a hypertable chunked by month on ${e.partitionBy}; run this once the extension is enabled`,
      '-- (it is left as a comment so that the schema also applies to plain PostgreSQL):',
      `-- SELECT create_hypertable(${literal(table)}, by_range(${literal(e.partitionBy)}, INTERVAL '1 month'));`,
    );
  }

  if (e.indexes.length > 0) {
    out.push('');
    for (const ix of e.indexes) {
      out.push(`-- ${oneLine(ix.reason)}`);
      out.push(createIndex(e, ix));
    }
  }
  out.push('', `COMMENT ON TABLE ${ident(table)} IS ${literal(oneLine(e.description))};`);
  for (const f of e.fields) {
    const text = f.personal ? `personal data (GDPR Art. 4): ${oneLine(f.description)}` : oneLine(f.description);
    out.push(`COMMENT ON COLUMN ${ident(table)}.${ident(f.name)} IS ${literal(text)};`);
  }
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The DDL statements and comments shared by schema.sql and the first migration. */
function ddl(d: Design): { body: string; tables: Table[]; elsewhere: { entity: Entity; store: string }[] } {
  const { tables, elsewhere } = sqlEntities(d);
  const byName = new Map(tables.map((t) => [t.entity.name, t]));
  // References that point at a table created later (only possible in a cycle) become ALTER TABLE.
  const position = new Map(tables.map((t, i) => [t.entity.name, i]));
  const deferred = new Set<string>();
  for (const t of tables) {
    for (const f of t.entity.fields) {
      if (!f.references || !f.referenceEnforced || f.references === t.entity.name) continue;
      const at = position.get(f.references);
      if (at !== undefined && at > position.get(t.entity.name)!) deferred.add(`${t.entity.name}.${f.name}`);
    }
  }
  const later: string[] = [];
  const blocks = tables.map((t) => tableDdl(d, t, byName, deferred, later).join('\n'));
  if (later.length > 0) blocks.push(['-- Foreign keys that close a cycle between tables, added once both exist.', ...later].join('\n'));
  return { body: blocks.join('\n\n'), tables, elsewhere };
}

function header(d: Design, file: string, tables: Table[], elsewhere: { entity: Entity; store: string }[]): string[] {
  const out = [
    `-- ${file}: PostgreSQL schema of "${oneLine(d.title)}", generated by archie ${d.generator.version} from design.json (schemaVersion ${d.schemaVersion}).`,
    `-- Tables: ${tables.map((t) => t.entity.table).join(', ') || 'none'}.`,
  ];
  if (elsewhere.length > 0) out.push(`-- Not here (other stores): ${elsewhere.map((x) => `${x.entity.name} in ${x.store}`).join('; ')}.`);
  out.push('-- Columns marked "personal data" hold personal data under GDPR Art. 4: minimise, encrypt and purge them as the design says.');
  return out;
}

/**
 * schema.sql: the whole schema, to apply to an empty database.
 *
 * @example
 * ```ts
 * await pglite.exec(renderSchemaSql(d));
 * ```
 */
export function renderSchemaSql(d: Design): string {
  const { body, tables, elsewhere } = ddl(d);
  return [...header(d, 'schema.sql', tables, elsewhere), '', body, ''].join('\n');
}

/**
 * migrations/0001_init.sql: the same DDL as the first migration, with lock and statement timeouts
 * so that it gives up rather than queueing behind a long transaction.
 */
export function renderInitMigration(d: Design): string {
  const { body, tables, elsewhere } = ddl(d);
  return [
    ...header(d, 'migrations/0001_init.sql', tables, elsewhere),
    '-- Every table here is new and empty, so plain CREATE INDEX is instant and runs inside the migration\'s',
    '-- transaction; later migrations that index existing tables must use CREATE INDEX CONCURRENTLY.',
    '-- Run the file in one transaction (migration tools do; with psql use --single-transaction).',
    '',
    `SET lock_timeout = ${literal(MIGRATION_TIMEOUTS.lockTimeout)};`,
    `SET statement_timeout = ${literal(MIGRATION_TIMEOUTS.statementTimeout)};`,
    '',
    body,
    '',
    'RESET statement_timeout;',
    'RESET lock_timeout;',
    '',
  ].join('\n');
}
