import type { Constraint, Node, RangeVar, TypeName } from 'libpg-query';

/**
 * Small typed accessors over libpg_query's JSON AST, where every node is wrapped in an object
 * with a single key naming its type: `{ "CreateStmt": { ... } }`.
 */
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type NodeKind = KeysOfUnion<Node>;
export type NodeOf<K extends NodeKind> = Extract<Node, Record<K, unknown>> extends infer W
  ? W extends Record<K, infer V>
    ? V
    : never
  : never;

/** The payload of `node` when it is of kind `kind`. */
export function nodeAs<K extends NodeKind>(node: Node | undefined, kind: K): NodeOf<K> | undefined {
  if (node === undefined || !(kind in node)) return undefined;
  return (node as Record<K, NodeOf<K>>)[kind];
}

/** The kind of a node: its single key. */
export function kindOf(node: Node): NodeKind {
  for (const k in node) return k as NodeKind;
  return 'ParseResult';
}

/** The string values of a list of `String` nodes, e.g. a qualified name or a column list. */
export function strings(nodes: Node[] | undefined): string[] {
  const out: string[] = [];
  for (const n of nodes ?? []) {
    const s = nodeAs(n, 'String');
    if (s) out.push(s.sval ?? '');
  }
  return out;
}

/** Every constraint node in a list (column constraints, table constraints). */
export function constraints(nodes: Node[] | undefined): Constraint[] {
  const out: Constraint[] = [];
  for (const n of nodes ?? []) {
    const c = nodeAs(n, 'Constraint');
    if (c) out.push(c);
  }
  return out;
}

/** A relation name as written: schema is null when unqualified. */
export interface RelName {
  schema: string | null;
  name: string;
}

export function relName(rv: RangeVar | undefined): RelName {
  return { schema: rv?.schemaname ?? null, name: rv?.relname ?? '' };
}

/** A qualified name from a list of String nodes (DROP TABLE a.b, DROP INDEX i). */
export function relNameOfList(nodes: Node[] | undefined): RelName {
  const parts = strings(nodes);
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
  return { schema, name };
}

/** Quote an identifier only when PostgreSQL needs it. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function displayRel(r: RelName): string {
  return r.schema ? `${quoteIdent(r.schema)}.${quoteIdent(r.name)}` : quoteIdent(r.name);
}

// Reserved words that cannot be bare identifiers (the ones likely as table or column names).
const RESERVED = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'both', 'case', 'cast', 'check', 'collate',
  'column', 'constraint', 'create', 'default', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false',
  'for', 'foreign', 'from', 'grant', 'group', 'having', 'in', 'into', 'leading', 'limit', 'not', 'null',
  'offset', 'on', 'only', 'or', 'order', 'primary', 'references', 'select', 'table', 'then', 'to', 'trailing',
  'true', 'union', 'unique', 'user', 'using', 'when', 'where', 'with', 'window',
]);

/** A column type, normalised so that `int`, `integer` and `int4` compare equal. */
export interface SqlType {
  /** Canonical internal name: int4, int8, serial4, varchar, bpchar, timestamp, timestamptz, money, … */
  name: string;
  /** Schema when a user type is qualified with a schema other than pg_catalog. */
  schema: string | null;
  /** Integer type modifiers, e.g. [255] for varchar(255), [10, 2] for numeric(10,2). */
  mods: number[];
  array: boolean;
  /** Byte offset of the type name. */
  location: number;
}

const TYPE_ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial: 'serial4',
  bigserial: 'serial8',
  smallserial: 'serial2',
  decimal: 'numeric',
  real: 'float4',
  float: 'float8',
  boolean: 'bool',
  character: 'bpchar',
  'character varying': 'varchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
};

export function sqlType(t: TypeName | undefined): SqlType | undefined {
  if (!t) return undefined;
  const parts = strings(t.names);
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  const qualifier = parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
  const builtin = qualifier === null || qualifier === 'pg_catalog';
  const mods: number[] = [];
  for (const m of t.typmods ?? []) {
    const c = nodeAs(m, 'A_Const');
    if (c?.ival) mods.push(c.ival.ival ?? 0);
  }
  return {
    name: builtin ? (TYPE_ALIASES[last] ?? last) : last,
    schema: builtin ? null : qualifier,
    mods,
    array: (t.arrayBounds?.length ?? 0) > 0,
    location: t.location ?? -1,
  };
}

const DISPLAY: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  serial2: 'smallserial',
  serial4: 'serial',
  serial8: 'bigserial',
  bpchar: 'char',
  float8: 'double precision',
  float4: 'real',
  bool: 'boolean',
};

/** How a type reads in SQL: `varchar(255)`, `integer`, `timestamp[]`. */
export function displayType(t: SqlType): string {
  const base = t.schema ? `${quoteIdent(t.schema)}.${quoteIdent(t.name)}` : (DISPLAY[t.name] ?? t.name);
  const mods = t.mods.length > 0 ? `(${t.mods.join(',')})` : '';
  return `${base}${mods}${t.array ? '[]' : ''}`;
}

export const INTEGER_TYPES = new Set(['int2', 'int4', 'int8']);
export const SERIAL_TYPES = new Set(['serial2', 'serial4', 'serial8']);

/** Depth-first visit of every plain object in an AST subtree (wrappers and payloads alike). */
export function walk(value: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  visit(obj);
  for (const k in obj) {
    const v = obj[k];
    if (v !== null && typeof v === 'object') walk(v, visit);
  }
}

/** Every function called in an expression: name (last part, lower case as parsed), schema when qualified, argument count. */
export function calledFunctions(expr: Node | undefined): { name: string; schema: string | null; args: number; location: number }[] {
  const out: { name: string; schema: string | null; args: number; location: number }[] = [];
  walk(expr, (obj) => {
    const fc = obj['FuncCall'] as { funcname?: Node[]; args?: Node[]; location?: number } | undefined;
    if (fc) {
      const parts = strings(fc.funcname);
      out.push({ name: parts[parts.length - 1] ?? '', schema: parts.length > 1 ? (parts[parts.length - 2] ?? null) : null, args: fc.args?.length ?? 0, location: fc.location ?? -1 });
    }
  });
  return out;
}

/** The column name a `col IS NOT NULL` expression tests, if that is all the expression is. */
export function isNotNullTestOf(expr: Node | undefined): string | undefined {
  const nt = nodeAs(expr, 'NullTest');
  if (!nt || nt.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const ref = nodeAs(nt.arg, 'ColumnRef');
  const parts = strings(ref?.fields);
  return parts.length === 1 ? parts[0] : undefined;
}

/** The smallest `location` found anywhere in a subtree, or -1. */
export function firstLocation(value: unknown): number {
  let best = -1;
  walk(value, (obj) => {
    const loc = obj['location'];
    if (typeof loc === 'number' && loc >= 0 && (best < 0 || loc < best)) best = loc;
  });
  return best;
}
