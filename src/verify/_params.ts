import type { Db } from './_pgworker.js';
import { parseSync } from 'libpg-query';
import { names, walk } from './_sql.js';

/**
 * Values for an access pattern's $n parameters, taken from the generated rows, so that EXPLAIN
 * plans the query the way it runs for a real key (a generic plan with unknown parameters can
 * differ). Each parameter's role is read from the query's parse tree:
 * - `col = $n` (and IN, = ANY): a key of ordinary weight: the value at the 10th percentile of
 *   frequency, not the heaviest; further equalities on the same table from a row that has it;
 * - `col < $n` / `col >= $n`, row comparisons (keyset cursors): a value from that same row, or a
 *   value near the end of the column's range;
 * - `lower(col) LIKE $n`: the shortest prefix (3+ characters) of a real value matching at most
 *   0.5% of the rows, with `%` appended;
 * - `tsvector @@ to_tsquery($n)`: a word found in about 1% of sampled rows;
 * - `LIMIT $n` / `OFFSET $n`: the design's limit, and 0.
 * Anything else falls back to the design's example value.
 */

export interface ParamChoice {
  values: string[];
  /** How each value was chosen, for the report. */
  notes: string[];
}

type Obj = Record<string, unknown>;

interface ColRef {
  table: string;
  column: string;
  /** Wrapping function: lower/upper, or to_tsvector with its configuration. */
  fn?: string;
  config?: string;
}

type Role =
  | { kind: 'eq'; col: ColRef }
  | { kind: 'any'; col: ColRef }
  | { kind: 'range'; col: ColRef; op: string }
  | { kind: 'prefix'; col: ColRef; appendsPercent: boolean }
  | { kind: 'fts'; col: ColRef }
  | { kind: 'limit' }
  | { kind: 'offset' };

function paramNumber(node: unknown): number | undefined {
  let n = node as Obj | undefined;
  while (n && 'TypeCast' in n) n = (n.TypeCast as Obj).arg as Obj;
  const p = n?.ParamRef as { number?: number } | undefined;
  return p?.number;
}

/** A parameter inside a function call or concatenation: plainto_tsquery('simple', $1), $1 || '%'. */
function paramInside(node: unknown): { number: number; concat: boolean } | undefined {
  const direct = paramNumber(node);
  if (direct !== undefined) return { number: direct, concat: false };
  const n = node as Obj | undefined;
  if (n && 'FuncCall' in n) {
    for (const a of ((n.FuncCall as Obj).args as unknown[] | undefined) ?? []) {
      const p = paramNumber(a);
      if (p !== undefined) return { number: p, concat: false };
    }
  }
  if (n && 'A_Expr' in n) {
    const e = n.A_Expr as { name?: unknown[]; lexpr?: unknown; rexpr?: unknown };
    if (names(e.name)[0] === '||') {
      const p = paramNumber(e.lexpr) ?? paramNumber(e.rexpr);
      if (p !== undefined) return { number: p, concat: true };
    }
  }
  return undefined;
}

interface Scope {
  /** alias or table name → table name */
  aliases: Map<string, string>;
  tables: string[];
}

function collectFrom(node: unknown, scope: Scope): void {
  const n = node as Obj | undefined;
  if (!n) return;
  if ('RangeVar' in n) {
    const rv = n.RangeVar as { relname?: string; alias?: { aliasname?: string } };
    if (rv.relname) {
      scope.tables.push(rv.relname);
      scope.aliases.set(rv.alias?.aliasname ?? rv.relname, rv.relname);
    }
  } else if ('JoinExpr' in n) {
    const j = n.JoinExpr as { larg?: unknown; rarg?: unknown };
    collectFrom(j.larg, scope);
    collectFrom(j.rarg, scope);
  }
}

function column(node: unknown, scope: Scope, columnsOf: (table: string) => Set<string>): ColRef | undefined {
  let n = node as Obj | undefined;
  while (n && 'TypeCast' in n) n = (n.TypeCast as Obj).arg as Obj;
  if (!n) return undefined;
  if ('ColumnRef' in n) {
    const parts = names((n.ColumnRef as { fields?: unknown[] }).fields);
    const col = parts[parts.length - 1];
    if (!col) return undefined;
    const qualifier = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const table = qualifier ? scope.aliases.get(qualifier) : scope.tables.find((t) => columnsOf(t).has(col));
    return table ? { table, column: col } : undefined;
  }
  if ('FuncCall' in n) {
    const f = n.FuncCall as { funcname?: unknown[]; args?: unknown[] };
    const fn = names(f.funcname).pop();
    const args = f.args ?? [];
    if ((fn === 'lower' || fn === 'upper') && args.length === 1) {
      const c = column(args[0], scope, columnsOf);
      return c && { ...c, fn };
    }
    if (fn === 'to_tsvector') {
      const c = column(args[args.length - 1], scope, columnsOf);
      const cfg = args.length === 2 ? (((args[0] as Obj).A_Const as { sval?: { sval?: string } } | undefined)?.sval?.sval ?? undefined) : undefined;
      return c && { ...c, fn, ...(cfg !== undefined && { config: cfg }) };
    }
    if (fn === 'coalesce' && args.length >= 1) return column(args[0], scope, columnsOf);
  }
  return undefined;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The role of every parameter of a query, by number, and the highest parameter number. */
export function paramRoles(sql: string, columnsOf: (table: string) => Set<string>): { roles: Map<number, Role>; count: number } {
  const roles = new Map<number, Role>();
  const tree = parseSync(sql);
  const stmt = tree.stmts?.[0]?.stmt as Obj | undefined;
  let count = 0;
  walk(stmt, (o) => {
    const p = (o.ParamRef as { number?: number } | undefined)?.number;
    if (p !== undefined) count = Math.max(count, p);
  });
  const select = stmt?.SelectStmt as Obj | undefined;
  if (!select) return { roles, count };
  const scope: Scope = { aliases: new Map(), tables: [] };
  for (const f of (select.fromClause as unknown[] | undefined) ?? []) collectFrom(f, scope);
  const set = (n: number | undefined, role: Role): void => {
    if (n !== undefined && !roles.has(n)) roles.set(n, role);
  };
  set(paramNumber(select.limitCount), { kind: 'limit' });
  set(paramNumber(select.limitOffset), { kind: 'offset' });
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Obj;
    if ('A_Expr' in n) {
      const e = n.A_Expr as { kind?: string; name?: unknown[]; lexpr?: unknown; rexpr?: unknown };
      const op = names(e.name)[0] ?? '';
      const l = e.lexpr;
      const r = e.rexpr;
      if (e.kind === 'AEXPR_OP' && ['=', '<', '<=', '>', '>='].includes(op)) {
        const lr = (l as Obj | undefined)?.RowExpr as { args?: unknown[] } | undefined;
        const rr = (r as Obj | undefined)?.RowExpr as { args?: unknown[] } | undefined;
        if (lr?.args && rr?.args) {
          // Keyset cursor: (created_at, id) < ($2, $3).
          lr.args.forEach((a, i) => {
            const c = column(a, scope, columnsOf);
            const p = paramNumber(rr.args?.[i]);
            if (c && p !== undefined) set(p, op === '=' ? { kind: 'eq', col: c } : { kind: 'range', col: c, op });
          });
        } else {
          const pr = paramNumber(r);
          const pl = paramNumber(l);
          const c = pr !== undefined ? column(l, scope, columnsOf) : pl !== undefined ? column(r, scope, columnsOf) : undefined;
          const p = pr ?? pl;
          if (c && p !== undefined) set(p, op === '=' ? { kind: 'eq', col: c } : { kind: 'range', col: c, op: pr !== undefined ? op : (FLIP[op] ?? op) });
        }
      } else if (e.kind === 'AEXPR_OP' && op === '@@') {
        const c = column(l, scope, columnsOf) ?? column(r, scope, columnsOf);
        const p = paramInside(r) ?? paramInside(l);
        if (c && p) set(p.number, { kind: 'fts', col: c });
      } else if (e.kind === 'AEXPR_LIKE' || e.kind === 'AEXPR_ILIKE') {
        const c = column(l, scope, columnsOf);
        const p = paramInside(r);
        if (c && p) set(p.number, { kind: 'prefix', col: e.kind === 'AEXPR_ILIKE' ? { ...c, fn: 'lower' } : c, appendsPercent: p.concat });
      } else if (e.kind === 'AEXPR_OP_ANY' && op === '=') {
        const c = column(l, scope, columnsOf);
        const p = paramNumber(r);
        if (c && p !== undefined) set(p, { kind: 'any', col: c });
      } else if (e.kind === 'AEXPR_IN') {
        const c = column(l, scope, columnsOf);
        for (const item of (((r as Obj | undefined)?.List as Obj | undefined)?.items as unknown[] | undefined) ?? []) {
          const p = paramNumber(item);
          if (c && p !== undefined) set(p, { kind: 'eq', col: c });
        }
      } else if (e.kind === 'AEXPR_BETWEEN') {
        const c = column(l, scope, columnsOf);
        const items = (((r as Obj | undefined)?.List as Obj | undefined)?.items as unknown[] | undefined) ?? [];
        if (c) {
          set(paramNumber(items[0]), { kind: 'range', col: c, op: '>=' });
          set(paramNumber(items[1]), { kind: 'range', col: c, op: '<=' });
        }
      }
    }
    for (const v of Object.values(n)) visit(v);
  };
  visit(select.whereClause);
  return { roles, count };
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function expr(c: ColRef): string {
  const col = quoteIdent(c.column);
  return c.fn === 'lower' || c.fn === 'upper' ? `${c.fn}(${col})` : col;
}

async function one(db: Db, sql: string, params: unknown[] = []): Promise<string | undefined> {
  const r = await db.query<{ v: string | null }>(sql, params);
  return r.rows[0]?.v ?? undefined;
}

/** The value of ordinary weight: 10th percentile by frequency (the heaviest keys are rare in practice). */
async function typicalValue(db: Db, c: ColRef): Promise<string | undefined> {
  const t = quoteIdent(c.table);
  const e = expr(c);
  return one(
    db,
    `WITH s AS (SELECT ${e} AS v, count(*) AS c FROM ${t} WHERE ${e} IS NOT NULL GROUP BY 1),
          r AS (SELECT v, row_number() OVER (ORDER BY c DESC, v::text) AS rn, count(*) OVER () AS total FROM s)
     SELECT v::text AS v FROM r WHERE rn = greatest(1, ceil(total * 0.1))::int`,
  );
}

export async function chooseParams(db: Db, sql: string, fallback: readonly (string | number | boolean)[], limit: number | null, columnsOf: (table: string) => Set<string>): Promise<ParamChoice> {
  const { roles, count: used } = paramRoles(sql, columnsOf);
  const count = used;
  const values: string[] = [];
  const notes: string[] = [];
  // The row the equality keys come from, per table, so that every key of one query co-occurs.
  const anchors = new Map<string, { col: ColRef; value: string }>();
  for (let i = 1; i <= count; i++) {
    const role = roles.get(i);
    let value: string | undefined;
    let note = '';
    if (role?.kind === 'eq' || role?.kind === 'any') {
      const anchor = anchors.get(role.col.table);
      if (anchor) {
        value = await one(db, `SELECT ${expr(role.col)}::text AS v FROM ${quoteIdent(role.col.table)} WHERE ${expr(anchor.col)}::text = $1 AND ${expr(role.col)} IS NOT NULL ORDER BY 1 LIMIT 1`, [anchor.value]);
        note = `from a row with ${anchor.col.column} = ${anchor.value}`;
      } else {
        value = await typicalValue(db, role.col);
        if (value !== undefined) anchors.set(role.col.table, { col: role.col, value });
        note = `a ${role.col.column} of ordinary weight`;
      }
      if (value !== undefined && role.kind === 'any') value = `{${JSON.stringify(value)}}`;
    } else if (role?.kind === 'range') {
      const anchor = anchors.get(role.col.table);
      const up = role.op === '>' || role.op === '>=';
      if (anchor) {
        value = await one(
          db,
          `SELECT v::text AS v FROM (SELECT ${expr(role.col)} AS v FROM ${quoteIdent(role.col.table)} WHERE ${expr(anchor.col)}::text = $1 AND ${expr(role.col)} IS NOT NULL ORDER BY 1) s OFFSET (SELECT count(*) / 2 FROM ${quoteIdent(role.col.table)} WHERE ${expr(anchor.col)}::text = $1) LIMIT 1`,
          [anchor.value],
        );
        note = `the middle ${role.col.column} of that key's rows (a second page)`;
      }
      if (value === undefined) {
        value = await one(db, `SELECT (percentile_disc(${up ? 0.99 : 0.01}) WITHIN GROUP (ORDER BY ${expr(role.col)}))::text AS v FROM ${quoteIdent(role.col.table)}`);
        note = `the ${up ? '99th' : '1st'} percentile of ${role.col.column}`;
      }
    } else if (role?.kind === 'prefix') {
      const t = quoteIdent(role.col.table);
      const e = expr(role.col);
      const sample = await one(db, `SELECT v::text AS v FROM (SELECT ${e} AS v FROM ${t} WHERE ${e} IS NOT NULL ORDER BY 1 OFFSET (SELECT count(*) / 2 FROM ${t}) LIMIT 1) s`);
      const total = Number((await db.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM ${t}`)).rows[0]?.n ?? 0);
      if (sample !== undefined) {
        let prefix = sample.slice(0, 3);
        for (let len = 3; len <= Math.min(sample.length, 12); len++) {
          prefix = sample.slice(0, len);
          const hits = Number((await db.query<{ n: number }>(`SELECT count(*)::float8 AS n FROM ${t} WHERE ${e} LIKE $1`, [`${prefix.replace(/[\\%_]/g, '\\$&')}%`])).rows[0]?.n ?? 0);
          if (hits <= Math.max(1, total * 0.005)) break;
        }
        const escaped = prefix.replace(/[\\%_]/g, '\\$&');
        value = role.appendsPercent ? escaped : `${escaped}%`;
        note = `a prefix of a real ${role.col.column} matching at most 0.5% of rows`;
      }
    } else if (role?.kind === 'fts') {
      const t = quoteIdent(role.col.table);
      const c = quoteIdent(role.col.column);
      const vector = role.col.fn === 'to_tsvector' ? `to_tsvector(${role.col.config ? `'${role.col.config.replace(/'/g, "''")}'` : ''}${role.col.config ? ', ' : ''}${c})` : c;
      const sampleSql = `SELECT ${vector} FROM (SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL LIMIT 2000) s`;
      value = await one(
        db,
        `SELECT word AS v FROM ts_stat($1) WHERE length(word) >= 4 ORDER BY abs(ndoc - (SELECT count(*) * 0.01 FROM (SELECT 1 FROM ${t} WHERE ${c} IS NOT NULL LIMIT 2000) n)), word LIMIT 1`,
        [sampleSql],
      );
      note = 'a word found in about 1% of rows';
    } else if (role?.kind === 'limit') {
      value = String(limit ?? 50);
      note = 'the page size';
    } else if (role?.kind === 'offset') {
      value = '0';
      note = 'the first page';
    }
    if (value === undefined) {
      const f = fallback[i - 1];
      if (f === undefined) throw new Error(`cannot choose a value for $${i}: its role in the query is not one archie understands and the design gives no example`);
      value = String(f);
      note = "the design's example value";
    }
    values.push(value);
    notes.push(`$${i}: ${note}`);
  }
  return { values, notes };
}
