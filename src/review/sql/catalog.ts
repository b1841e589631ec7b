import type { ColumnDef, Constraint, CreateStmt, IndexStmt, Node, RangeVar } from 'libpg-query';
import {
  constraints as constraintList,
  isNotNullTestOf,
  nodeAs,
  relName,
  relNameOfList,
  sqlType,
  strings,
  walk,
  type RelName,
  type SqlType,
} from './ast.js';

/**
 * The schema as the migration history builds it, with time. Every statement of the reviewed
 * history gets a sequence number `seq` (1, 2, 3, … across files in their order); each object
 * records when it was added and dropped, so a rule can ask what existed *before* a statement.
 *
 * Tables that the reviewed files use but never create are "implicit": they existed before the
 * history (added at 0). That is the convention behind "existing table": a table is existing unless
 * it was created earlier in the same file.
 */
export interface Pos {
  /** Index of the file in history order. */
  file: number;
  /** UTF-8 byte offset in that file. */
  offset: number;
}

interface Named {
  names: { schema: string; name: string; from: number }[];
}

export interface TableRec extends Named {
  id: number;
  /** Seq of the CREATE TABLE, or null for a table that existed before the reviewed history. */
  createdAt: number | null;
  /** Where it was created. */
  pos: Pos | null;
  droppedAt: number | null;
  /** A partition (`PARTITION OF`). */
  partition: boolean;
  /** Declared with PARTITION BY. */
  partitioned: boolean;
  /** A materialized view: it has no keys of its own to judge. */
  view: boolean;
  /** Its columns and keys are copied from another table (`LIKE other`): the history cannot see them all. */
  opaque: boolean;
  temporary: boolean;
  columns: ColumnRec[];
  constraints: ConstraintRec[];
  indexes: IndexRec[];
}

export interface ColumnTypeEntry {
  type: SqlType;
  from: number;
  pos: Pos;
}

export interface ColumnRec {
  table: TableRec;
  names: { name: string; from: number }[];
  /** Types over time; empty when the column predates the history and its type was never set. */
  types: ColumnTypeEntry[];
  /** Seq of ADD COLUMN / CREATE TABLE, or null when it predates the history. */
  addedAt: number | null;
  droppedAt: number | null;
  pos: Pos | null;
  identity: boolean;
  generated: boolean;
}

export type ConstraintKind = 'primary' | 'unique' | 'foreign' | 'check' | 'notnull' | 'exclusion';

export interface ConstraintRec {
  table: TableRec;
  names: { name: string; from: number }[];
  kind: ConstraintKind;
  columns: ColumnRec[];
  refTable: TableRec | null;
  /** For a `CHECK (col IS NOT NULL)` or a NOT NULL constraint: the column it proves non-null. */
  provesNotNull: ColumnRec | null;
  /** Name of the index adopted with `USING INDEX`. */
  usingIndex: string | null;
  addedAt: number;
  /** Seq at which the constraint became valid (added valid, or VALIDATE CONSTRAINT); null while NOT VALID. */
  validAt: number | null;
  droppedAt: number | null;
  pos: Pos;
  /** The table was created in the same statement (an inline constraint of CREATE TABLE). */
  inline: boolean;
}

export interface IndexRec {
  table: TableRec;
  names: { name: string; from: number }[];
  /** Key columns in order; null for an expression. */
  columns: (ColumnRec | null)[];
  unique: boolean;
  partial: boolean;
  concurrent: boolean;
  addedAt: number;
  droppedAt: number | null;
  pos: Pos;
}

const PUBLIC = 'public';

function lastName<T extends { from: number }>(names: T[], t: number, inclusive: boolean): T | undefined {
  let found: T | undefined;
  for (const n of names) {
    if (n.from < t || (inclusive && n.from === t)) found = n;
    else break;
  }
  return found;
}

/** Alive at time t: before statement t, or just after it when inclusive. */
export function aliveAt(o: { addedAt: number | null; droppedAt: number | null }, t: number, inclusive = false): boolean {
  // Objects that predate the history (addedAt null) were always there.
  const added = o.addedAt ?? -Infinity;
  const dropped = o.droppedAt ?? Infinity;
  return inclusive ? added <= t && dropped > t : added < t && dropped >= t;
}

export function nameAt(o: Named, t: number, inclusive = false): RelName {
  const n = lastName(o.names, t, inclusive) ?? o.names[0];
  return { schema: n?.schema ?? PUBLIC, name: n?.name ?? '' };
}

/** The name of a column, constraint or index at time t. */
export function simpleNameAt(c: { names: { name: string; from: number }[] }, t: number, inclusive = false): string {
  return (lastName(c.names, t, inclusive) ?? c.names[0])?.name ?? '';
}

/** The column's type just before statement t, if the history ever set it. */
export function columnTypeAt(c: ColumnRec, t: number, inclusive = false): ColumnTypeEntry | undefined {
  return lastName(c.types, t, inclusive);
}

export class Catalog {
  readonly tables: TableRec[] = [];
  private readonly byName = new Map<string, TableRec[]>();
  private nextId = 1;

  /** The table a name refers to at time t (before statement t unless inclusive). */
  resolve(rel: RelName, t: number, inclusive = false): TableRec | undefined {
    const candidates = this.byName.get(rel.name);
    if (!candidates) return undefined;
    let loose: TableRec | undefined;
    let exact: TableRec | undefined;
    for (const tab of candidates) {
      if (!aliveTable(tab, t, inclusive)) continue;
      const n = nameAt(tab, t, inclusive);
      if (n.name !== rel.name) continue;
      if (n.schema === (rel.schema ?? PUBLIC)) exact = tab;
      else if (rel.schema === null) loose = tab;
    }
    return exact ?? loose;
  }

  /** Resolve, or record a table that predates the history. */
  ensure(rel: RelName, t: number): TableRec {
    const found = this.resolve(rel, t, true);
    if (found) return found;
    const tab = this.newTable(rel, null, null, 0);
    return tab;
  }

  newTable(rel: RelName, createdAt: number | null, pos: Pos | null, from: number): TableRec {
    const tab: TableRec = {
      id: this.nextId++,
      names: [{ schema: rel.schema ?? PUBLIC, name: rel.name, from }],
      createdAt,
      pos,
      droppedAt: null,
      partition: false,
      partitioned: false,
      view: false,
      opaque: false,
      temporary: false,
      columns: [],
      constraints: [],
      indexes: [],
    };
    this.tables.push(tab);
    this.index(rel.name, tab);
    return tab;
  }

  rename(tab: TableRec, rel: RelName, t: number): void {
    tab.names.push({ schema: rel.schema ?? PUBLIC, name: rel.name, from: t });
    this.index(rel.name, tab);
  }

  private index(name: string, tab: TableRec): void {
    const list = this.byName.get(name);
    if (list) {
      if (!list.includes(tab)) list.push(tab);
    } else this.byName.set(name, [tab]);
  }

  /** A column of a table at time t. */
  column(tab: TableRec, name: string, t: number, inclusive = false): ColumnRec | undefined {
    let found: ColumnRec | undefined;
    for (const c of tab.columns) {
      if (aliveAt(c, t, inclusive) && simpleNameAt(c, t, inclusive) === name) found = c;
    }
    return found;
  }

  /** A column, or one recorded as predating the history. */
  ensureColumn(tab: TableRec, name: string, t: number): ColumnRec {
    const found = this.column(tab, name, t, true);
    if (found) return found;
    const col: ColumnRec = {
      table: tab,
      names: [{ name, from: 0 }],
      types: [],
      addedAt: null,
      droppedAt: null,
      pos: null,
      identity: false,
      generated: false,
    };
    tab.columns.push(col);
    return col;
  }

  constraint(tab: TableRec, name: string, t: number, inclusive = false): ConstraintRec | undefined {
    return tab.constraints.find((c) => aliveAt(c, t, inclusive) && simpleNameAt(c, t, inclusive) === name);
  }

  /** An index by name anywhere in the schema at time t. */
  indexNamed(rel: RelName, t: number, inclusive = false): IndexRec | undefined {
    for (const tab of this.tables) {
      if (!aliveTable(tab, t, inclusive)) continue;
      for (const ix of tab.indexes) {
        if (!aliveAt(ix, t, inclusive) || simpleNameAt(ix, t, inclusive) !== rel.name) continue;
        if (rel.schema === null || nameAt(tab, t, inclusive).schema === rel.schema) return ix;
      }
    }
    return undefined;
  }
}

export function aliveTable(tab: TableRec, t: number, inclusive = false): boolean {
  return aliveAt({ addedAt: tab.createdAt, droppedAt: tab.droppedAt }, t, inclusive);
}

/**
 * Applies statements to a catalog in history order. Unknown statements are ignored: the catalog
 * only tracks what the rules need (tables, columns and their types, constraints, indexes).
 */
export class CatalogBuilder {
  readonly catalog = new Catalog();

  apply(node: Node, seq: number, file: number, stmtStart: number): void {
    const c = this.catalog;
    const at = (offset: number | undefined): Pos => ({ file, offset: offset !== undefined && offset >= 0 ? offset : stmtStart });

    const create = nodeAs(node, 'CreateStmt');
    if (create) return this.createTable(create, seq, at);

    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter && alter.objtype === 'OBJECT_TABLE' && alter.relation) {
      const tab = c.ensure(relName(alter.relation), seq);
      for (const cmdNode of alter.cmds ?? []) {
        const cmd = nodeAs(cmdNode, 'AlterTableCmd');
        if (!cmd) continue;
        switch (cmd.subtype) {
          case 'AT_AddColumn': {
            const def = nodeAs(cmd.def, 'ColumnDef');
            if (def) {
              if (cmd.missing_ok && def.colname && c.column(tab, def.colname, seq, true)) break;
              this.addColumn(tab, def, seq, at, false);
            }
            break;
          }
          case 'AT_DropColumn': {
            const col = cmd.name ? c.column(tab, cmd.name, seq, true) : undefined;
            if (col) this.dropColumn(tab, col, seq);
            break;
          }
          case 'AT_AlterColumnType': {
            const def = nodeAs(cmd.def, 'ColumnDef');
            const type = sqlType(def?.typeName);
            if (cmd.name && type) {
              const col = c.ensureColumn(tab, cmd.name, seq);
              col.types.push({ type, from: seq, pos: at(type.location) });
            }
            break;
          }
          case 'AT_AddConstraint': {
            const con = nodeAs(cmd.def, 'Constraint');
            if (con) this.addConstraint(tab, con, null, seq, at, false);
            break;
          }
          case 'AT_ValidateConstraint': {
            const con = cmd.name ? c.constraint(tab, cmd.name, seq, true) : undefined;
            if (con && con.validAt === null) con.validAt = seq;
            break;
          }
          case 'AT_DropConstraint': {
            const con = cmd.name ? c.constraint(tab, cmd.name, seq, true) : undefined;
            if (con) con.droppedAt = seq;
            break;
          }
          case 'AT_AddIdentity': {
            if (cmd.name) c.ensureColumn(tab, cmd.name, seq).identity = true;
            break;
          }
          default:
            break;
        }
      }
      return;
    }

    const index = nodeAs(node, 'IndexStmt');
    if (index && index.relation) return this.createIndex(index, seq, at);

    const ctas = nodeAs(node, 'CreateTableAsStmt');
    if (ctas?.into?.rel && (ctas.objtype === 'OBJECT_TABLE' || ctas.objtype === 'OBJECT_MATVIEW')) {
      const rel = relName(ctas.into.rel);
      const existing = c.resolve(rel, seq, true);
      if (existing) {
        if (ctas.if_not_exists) return;
        existing.droppedAt = seq;
      }
      const tab = c.newTable(rel, seq, at(ctas.into.rel.location), seq);
      // CREATE TABLE … AS never creates keys; its columns are unknown, which no rule needs.
      tab.view = ctas.objtype === 'OBJECT_MATVIEW';
      tab.temporary = ctas.into.rel.relpersistence === 't';
      return;
    }

    const drop = nodeAs(node, 'DropStmt');
    if (drop) {
      for (const obj of drop.objects ?? []) {
        const rel = relNameOfList(nodeAs(obj, 'List')?.items);
        if (drop.removeType === 'OBJECT_TABLE' || drop.removeType === 'OBJECT_MATVIEW') {
          const tab = c.resolve(rel, seq, true);
          if (tab) tab.droppedAt = seq;
        } else if (drop.removeType === 'OBJECT_INDEX') {
          const ix = c.indexNamed(rel, seq, true);
          if (ix) ix.droppedAt = seq;
        }
      }
      return;
    }

    const rename = nodeAs(node, 'RenameStmt');
    if (rename && rename.newname) {
      const newname = rename.newname;
      if (rename.renameType === 'OBJECT_TABLE' && rename.relation) {
        const rel = relName(rename.relation);
        const tab = c.ensure(rel, seq);
        c.rename(tab, { schema: rel.schema, name: newname }, seq);
      } else if (rename.renameType === 'OBJECT_COLUMN' && rename.relation && rename.subname) {
        const tab = c.ensure(relName(rename.relation), seq);
        c.ensureColumn(tab, rename.subname, seq).names.push({ name: newname, from: seq });
      } else if (rename.renameType === 'OBJECT_TABCONSTRAINT' && rename.relation && rename.subname) {
        const tab = c.ensure(relName(rename.relation), seq);
        c.constraint(tab, rename.subname, seq, true)?.names.push({ name: newname, from: seq });
      } else if (rename.renameType === 'OBJECT_INDEX' && rename.relation) {
        c.indexNamed(relName(rename.relation), seq, true)?.names.push({ name: newname, from: seq });
      }
      return;
    }

    const setSchema = nodeAs(node, 'AlterObjectSchemaStmt');
    if (setSchema && setSchema.objectType === 'OBJECT_TABLE' && setSchema.relation && setSchema.newschema) {
      const rel = relName(setSchema.relation);
      const tab = c.ensure(rel, seq);
      c.rename(tab, { schema: setSchema.newschema, name: rel.name }, seq);
    }
  }

  private createTable(stmt: CreateStmt, seq: number, at: (o: number | undefined) => Pos): void {
    const c = this.catalog;
    const rel = relName(stmt.relation);
    const existing = c.resolve(rel, seq, true);
    if (existing) {
      if (stmt.if_not_exists) return;
      // Re-creating a name the history only knew implicitly: the old one is gone.
      existing.droppedAt = seq;
    }
    const tab = c.newTable(rel, seq, at(stmt.relation?.location), seq);
    tab.partition = stmt.partbound !== undefined;
    tab.partitioned = stmt.partspec !== undefined;
    tab.opaque = (stmt.tableElts ?? []).some((e) => nodeAs(e, 'TableLikeClause') !== undefined);
    tab.temporary = stmt.relation?.relpersistence === 't';
    for (const elt of stmt.tableElts ?? []) {
      const def = nodeAs(elt, 'ColumnDef');
      if (def) this.addColumn(tab, def, seq, at, true);
    }
    for (const elt of stmt.tableElts ?? []) {
      const con = nodeAs(elt, 'Constraint');
      if (con) this.addConstraint(tab, con, null, seq, at, true);
    }
  }

  private addColumn(tab: TableRec, def: ColumnDef, seq: number, at: (o: number | undefined) => Pos, inline: boolean): void {
    const c = this.catalog;
    const name = def.colname ?? '';
    const type = sqlType(def.typeName);
    const col: ColumnRec = {
      table: tab,
      names: [{ name, from: seq }],
      types: type ? [{ type, from: seq, pos: at(type.location) }] : [],
      addedAt: seq,
      droppedAt: null,
      pos: at(def.location),
      identity: false,
      generated: false,
    };
    const previous = c.column(tab, name, seq, true);
    if (previous) previous.droppedAt = seq;
    tab.columns.push(col);
    for (const con of constraintList(def.constraints)) {
      if (con.contype === 'CONSTR_IDENTITY') col.identity = true;
      else if (con.contype === 'CONSTR_GENERATED') col.generated = true;
      else this.addConstraint(tab, con, col, seq, at, inline);
    }
  }

  private dropColumn(tab: TableRec, col: ColumnRec, seq: number): void {
    col.droppedAt = seq;
    // PostgreSQL drops the indexes and constraints that involve the column.
    for (const ix of tab.indexes) if (ix.droppedAt === null && ix.columns.includes(col)) ix.droppedAt = seq;
    for (const con of tab.constraints) if (con.droppedAt === null && con.columns.includes(col)) con.droppedAt = seq;
  }

  private addConstraint(
    tab: TableRec,
    con: Constraint,
    column: ColumnRec | null,
    seq: number,
    at: (o: number | undefined) => Pos,
    inline: boolean,
  ): void {
    const c = this.catalog;
    const kind = constraintKind(con);
    if (!kind) return;
    const keyNames = kind === 'foreign' ? strings(con.fk_attrs) : strings(con.keys);
    const columns = keyNames.length > 0 ? keyNames.map((n) => c.ensureColumn(tab, n, seq)) : column ? [column] : [];
    let provesNotNull: ColumnRec | null = null;
    if (kind === 'notnull') provesNotNull = columns[0] ?? null;
    if (kind === 'check') {
      const colName = isNotNullTestOf(con.raw_expr);
      if (colName) provesNotNull = c.ensureColumn(tab, colName, seq);
    }
    let refTable: TableRec | null = null;
    if (kind === 'foreign' && con.pktable) {
      const refRel = relName(con.pktable);
      // A self-reference inside CREATE TABLE resolves to the table being created.
      refTable = c.resolve(refRel, seq, true) ?? c.ensure(refRel, seq);
    }
    const tableName = nameAt(tab, seq, true).name;
    const name = con.conname ?? defaultConstraintName(tableName, kind, columns.map((x) => simpleNameAt(x, seq, true)), con.raw_expr);
    const rec: ConstraintRec = {
      table: tab,
      names: [{ name, from: seq }],
      kind,
      columns,
      refTable,
      provesNotNull,
      usingIndex: con.indexname ?? null,
      addedAt: seq,
      validAt: con.skip_validation ? null : seq,
      droppedAt: null,
      pos: at(con.location),
      inline,
    };
    if ((kind === 'primary' || kind === 'unique') && con.indexname) {
      const ix = c.indexNamed({ schema: null, name: con.indexname }, seq, true);
      if (ix) rec.columns = ix.columns.filter((x): x is ColumnRec => x !== null);
    }
    tab.constraints.push(rec);
  }

  private createIndex(stmt: IndexStmt, seq: number, at: (o: number | undefined) => Pos): void {
    const c = this.catalog;
    const tab = c.ensure(relName(stmt.relation as RangeVar), seq);
    const columns: (ColumnRec | null)[] = [];
    const colNames: string[] = [];
    for (const p of stmt.indexParams ?? []) {
      const elem = nodeAs(p, 'IndexElem');
      if (elem?.name) {
        columns.push(c.ensureColumn(tab, elem.name, seq));
        colNames.push(elem.name);
      } else {
        columns.push(null);
        colNames.push('expr');
      }
    }
    const tableName = nameAt(tab, seq, true).name;
    const name = stmt.idxname ?? `${tableName}_${colNames.join('_')}_idx`;
    if (stmt.if_not_exists && c.indexNamed({ schema: null, name }, seq, true)) return;
    tab.indexes.push({
      table: tab,
      names: [{ name, from: seq }],
      columns,
      unique: stmt.unique === true,
      partial: stmt.whereClause !== undefined,
      concurrent: stmt.concurrent === true,
      addedAt: seq,
      droppedAt: null,
      pos: at(stmt.relation?.location),
    });
  }
}

export function constraintKind(con: Constraint): ConstraintKind | undefined {
  switch (con.contype) {
    case 'CONSTR_PRIMARY':
      return 'primary';
    case 'CONSTR_UNIQUE':
      return 'unique';
    case 'CONSTR_FOREIGN':
      return 'foreign';
    case 'CONSTR_CHECK':
      return 'check';
    case 'CONSTR_NOTNULL':
      return 'notnull';
    case 'CONSTR_EXCLUSION':
      return 'exclusion';
    default:
      return undefined;
  }
}

/** PostgreSQL's default constraint names (ChooseConstraintName), without the 63-byte truncation. */
function defaultConstraintName(table: string, kind: ConstraintKind, columns: string[], expr: Node | undefined): string {
  switch (kind) {
    case 'primary':
      return `${table}_pkey`;
    case 'unique':
      return `${table}_${columns.join('_')}_key`;
    case 'foreign':
      return `${table}_${columns.join('_')}_fkey`;
    case 'exclusion':
      return `${table}_${columns.join('_') || 'excl'}_excl`;
    case 'notnull':
      return `${table}_${columns[0] ?? ''}_not_null`;
    case 'check': {
      let first: string | undefined = columns[0];
      if (first === undefined) {
        walk(expr, (obj) => {
          const ref = obj['ColumnRef'] as { fields?: Node[] } | undefined;
          if (first === undefined && ref) first = strings(ref.fields).pop();
        });
      }
      return first === undefined ? `${table}_check` : `${table}_${first}_check`;
    }
  }
}
