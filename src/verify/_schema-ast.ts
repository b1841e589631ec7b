import { parseSync } from 'libpg-query';
import { names, stripLocations, type SqlStatement } from './_sql.js';

/**
 * What schema.sql declares, read from the PostgreSQL parse tree (no regular expressions over
 * SQL): tables with their columns, and indexes (CREATE INDEX, and the unique indexes that PRIMARY
 * KEY / UNIQUE constraints create) in a normalised form that compares equal when two definitions
 * build the same index however they are written.
 */

export interface DeclaredTable {
  name: string;
  columns: Set<string>;
  line: number;
  /** A partition (CREATE TABLE … PARTITION OF). */
  partition: boolean;
}

export interface DeclaredIndex {
  name: string;
  table: string;
  /** Normalised definition: method, uniqueness, keys, predicate. */
  key: string;
  /** Key columns in order (plain columns only; expressions as `expr`). */
  columns: string[];
  line: number;
  fromConstraint: boolean;
}

export interface DeclaredSchema {
  tables: Map<string, DeclaredTable>;
  indexes: DeclaredIndex[];
}

type Obj = Record<string, unknown>;

/** Ordering and NULLS placement written out as the default compare equal to being left out. */
function normaliseElems(params: unknown): unknown {
  const stripped = stripLocations(params) as Obj[] | undefined;
  return (stripped ?? []).map((p) => {
    const e = { ...((p.IndexElem as Obj | undefined) ?? p) };
    if (e.ordering === 'SORTBY_ASC') e.ordering = 'SORTBY_DEFAULT';
    if ((e.ordering === 'SORTBY_DEFAULT' && e.nulls_ordering === 'SORTBY_NULLS_LAST') || (e.ordering === 'SORTBY_DESC' && e.nulls_ordering === 'SORTBY_NULLS_FIRST')) e.nulls_ordering = 'SORTBY_NULLS_DEFAULT';
    return e;
  });
}

export function indexKey(stmt: Obj): string {
  return JSON.stringify({
    method: String(stmt.accessMethod ?? 'btree'),
    unique: Boolean(stmt.unique),
    params: normaliseElems(stmt.indexParams),
    where: stripLocations(stmt.whereClause) ?? null,
  });
}

function elemColumns(params: unknown): string[] {
  return ((params as Obj[] | undefined) ?? []).map((p) => {
    const e = (p.IndexElem as Obj | undefined) ?? p;
    return typeof e.name === 'string' ? e.name : 'expr';
  });
}

function constraintIndex(table: string, con: Obj, line: number): DeclaredIndex | undefined {
  const type = con.contype;
  if (type !== 'CONSTR_PRIMARY' && type !== 'CONSTR_UNIQUE') return undefined;
  const keys = names(con.keys);
  const name = typeof con.conname === 'string' ? con.conname : type === 'CONSTR_PRIMARY' ? `${table}_pkey` : `${table}_${keys.join('_')}_key`;
  const params = keys.map((k) => ({ IndexElem: { name: k, ordering: 'SORTBY_DEFAULT', nulls_ordering: 'SORTBY_NULLS_DEFAULT' } }));
  return { name, table, key: indexKey({ accessMethod: 'btree', unique: true, indexParams: params }), columns: keys, line, fromConstraint: true };
}

export function declaredSchema(statements: readonly SqlStatement[]): DeclaredSchema {
  const tables = new Map<string, DeclaredTable>();
  const indexes: DeclaredIndex[] = [];
  for (const s of statements) {
    const node = s.node as Obj;
    if (node.CreateStmt) {
      const c = node.CreateStmt as Obj;
      const name = String((c.relation as Obj | undefined)?.relname ?? '');
      const columns = new Set<string>();
      for (const el of (c.tableElts as Obj[] | undefined) ?? []) {
        const col = el.ColumnDef as Obj | undefined;
        if (col && typeof col.colname === 'string') {
          columns.add(col.colname);
          for (const k of (col.constraints as Obj[] | undefined) ?? []) {
            const con = k.Constraint as Obj | undefined;
            if (con && (con.contype === 'CONSTR_PRIMARY' || con.contype === 'CONSTR_UNIQUE')) {
              const ix = constraintIndex(name, { ...con, keys: [{ String: { sval: col.colname } }] }, s.line);
              if (ix) indexes.push(ix);
            }
          }
        }
        const con = el.Constraint as Obj | undefined;
        if (con) {
          const ix = constraintIndex(name, con, s.line);
          if (ix) indexes.push(ix);
        }
      }
      tables.set(name, { name, columns, line: s.line, partition: c.partbound !== undefined });
    } else if (node.IndexStmt) {
      const ix = node.IndexStmt as Obj;
      const table = String((ix.relation as Obj | undefined)?.relname ?? '');
      indexes.push({ name: String(ix.idxname ?? ''), table, key: indexKey(ix), columns: elemColumns(ix.indexParams), line: s.line, fromConstraint: false });
    } else if (node.AlterTableStmt) {
      const a = node.AlterTableStmt as Obj;
      const table = String((a.relation as Obj | undefined)?.relname ?? '');
      for (const cmd of (a.cmds as Obj[] | undefined) ?? []) {
        const c = cmd.AlterTableCmd as Obj | undefined;
        if (c?.subtype === 'AT_AddConstraint') {
          const ix = constraintIndex(table, ((c.def as Obj | undefined)?.Constraint as Obj | undefined) ?? {}, s.line);
          if (ix) indexes.push(ix);
        } else if (c?.subtype === 'AT_AddColumn') {
          const col = (c.def as Obj | undefined)?.ColumnDef as Obj | undefined;
          if (col && typeof col.colname === 'string') tables.get(table)?.columns.add(col.colname);
        }
      }
    }
  }
  return { tables, indexes };
}

/** The normalised key of an index written from its parts (for the design's declared indexes). */
export function indexKeyOf(sql: string): string | undefined {
  try {
    const stmt = (parseSync(sql).stmts?.[0]?.stmt as Obj | undefined)?.IndexStmt as Obj | undefined;
    return stmt ? indexKey(stmt) : undefined;
  } catch {
    return undefined;
  }
}
