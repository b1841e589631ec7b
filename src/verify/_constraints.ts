import { parseSync } from 'libpg-query';
import { names } from './_sql.js';

/**
 * What CHECK constraints say about the values a column may take, read from the constraint's parse
 * tree (the real PostgreSQL parser), so that generated rows satisfy them. Forms understood:
 * `c op const`, `char_length(c) op const`, `c BETWEEN a AND b`, `c IN (…)`, `c = ANY (ARRAY[…])`,
 * `c op other_column`, conjunctions of these, and `c IS NULL OR <one of these>`. Anything else is
 * left alone (a row that breaks it fails to insert, and the check reports it).
 */
export interface ColumnRule {
  min?: number;
  max?: number;
  /** Exclusive bounds are folded into min/max with this flag for integers. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  minLength?: number;
  maxLength?: number;
  values?: string[];
  /** Columns this one must be greater (after) or less (before) than. */
  after?: string[];
  before?: string[];
}

export type Rules = Map<string, ColumnRule>;

type Obj = Record<string, unknown>;

function rule(rules: Rules, col: string): ColumnRule {
  let r = rules.get(col);
  if (!r) {
    r = {};
    rules.set(col, r);
  }
  return r;
}

function columnName(node: unknown): string | undefined {
  const cr = (node as Obj | undefined)?.ColumnRef as { fields?: unknown[] } | undefined;
  if (!cr?.fields) return undefined;
  const parts = names(cr.fields);
  return parts[parts.length - 1];
}

function unwrapCast(node: unknown): unknown {
  let n = node as Obj | undefined;
  while (n && 'TypeCast' in n) n = (n.TypeCast as Obj).arg as Obj;
  return n;
}

/** A constant's value: number, string or boolean. */
function constant(node: unknown): number | string | boolean | undefined {
  const n = unwrapCast(node) as Obj | undefined;
  const c = n?.A_Const as Obj | undefined;
  if (!c) return undefined;
  if ('ival' in c) return Number((c.ival as { ival?: number }).ival ?? 0);
  if ('fval' in c) return Number((c.fval as { fval?: string }).fval ?? 0);
  if ('sval' in c) return (c.sval as { sval?: string }).sval ?? '';
  if ('boolval' in c) return Boolean((c.boolval as { boolval?: boolean }).boolval);
  return undefined;
}

function numeric(v: number | string | boolean | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

function lengthOf(node: unknown): string | undefined {
  const f = (node as Obj | undefined)?.FuncCall as { funcname?: unknown[]; args?: unknown[] } | undefined;
  if (!f) return undefined;
  const fn = names(f.funcname).pop();
  if (fn !== 'char_length' && fn !== 'length' && fn !== 'character_length' && fn !== 'octet_length') return undefined;
  return columnName(unwrapCast(f.args?.[0]));
}

function compare(rules: Rules, op: string, left: unknown, right: unknown): void {
  let l = unwrapCast(left);
  let r = unwrapCast(right);
  if (columnName(l) === undefined && lengthOf(l) === undefined && (columnName(r) !== undefined || lengthOf(r) !== undefined)) {
    [l, r] = [r, l];
    op = FLIP[op] ?? op;
  }
  const col = columnName(l);
  const other = columnName(r);
  if (col && other) {
    if (op === '>' || op === '>=') (rule(rules, col).after ??= []).push(other);
    if (op === '<' || op === '<=') (rule(rules, col).before ??= []).push(other);
    return;
  }
  const value = constant(r);
  const lenCol = lengthOf(l);
  if (lenCol) {
    const n = numeric(value);
    if (n === undefined) return;
    const rr = rule(rules, lenCol);
    if (op === '<' || op === '<=') rr.maxLength = Math.min(rr.maxLength ?? Infinity, op === '<' ? n - 1 : n);
    if (op === '>' || op === '>=') rr.minLength = Math.max(rr.minLength ?? 0, op === '>' ? n + 1 : n);
    if (op === '=') rr.minLength = rr.maxLength = n;
    return;
  }
  if (!col || value === undefined) return;
  const rr = rule(rules, col);
  if (op === '=') {
    rr.values = [String(value)];
    return;
  }
  const n = numeric(value);
  if (n === undefined) return;
  if (op === '<' || op === '<=') {
    if (rr.max === undefined || n < rr.max) {
      rr.max = n;
      rr.maxExclusive = op === '<';
    }
  } else if (op === '>' || op === '>=') {
    if (rr.min === undefined || n > rr.min) {
      rr.min = n;
      rr.minExclusive = op === '>';
    }
  }
}

function listValues(node: unknown): string[] | undefined {
  const n = unwrapCast(node) as Obj | undefined;
  const items = ((n?.List as Obj | undefined)?.items ?? (n?.A_ArrayExpr as Obj | undefined)?.elements) as unknown[] | undefined;
  if (!items) return undefined;
  const out: string[] = [];
  for (const it of items) {
    const v = constant(it);
    if (v === undefined) return undefined;
    out.push(String(v));
  }
  return out;
}

function visit(rules: Rules, node: unknown): void {
  const n = node as Obj | undefined;
  if (!n) return;
  if ('BoolExpr' in n) {
    const b = n.BoolExpr as { boolop?: string; args?: unknown[] };
    if (b.boolop === 'AND_EXPR') for (const a of b.args ?? []) visit(rules, a);
    // `c IS NULL OR cond(c)`: generated values are either null or meet cond.
    if (b.boolop === 'OR_EXPR' && b.args?.length === 2) {
      const [x, y] = b.args;
      const isNullTest = (v: unknown): boolean => ((v as Obj).NullTest as { nulltesttype?: string } | undefined)?.nulltesttype === 'IS_NULL';
      if (isNullTest(x)) visit(rules, y);
      else if (isNullTest(y)) visit(rules, x);
    }
    return;
  }
  if ('A_Expr' in n) {
    const e = n.A_Expr as { kind?: string; name?: unknown[]; lexpr?: unknown; rexpr?: unknown };
    const op = names(e.name)[0] ?? '';
    if (e.kind === 'AEXPR_OP' && ['<', '<=', '>', '>=', '='].includes(op)) {
      compare(rules, op, e.lexpr, e.rexpr);
    } else if (e.kind === 'AEXPR_BETWEEN') {
      const col = columnName(unwrapCast(e.lexpr));
      const items = ((e.rexpr as Obj | undefined)?.List as Obj | undefined)?.items as unknown[] | undefined;
      if (col && items?.length === 2) {
        const lo = numeric(constant(items[0]));
        const hi = numeric(constant(items[1]));
        const rr = rule(rules, col);
        if (lo !== undefined) rr.min = lo;
        if (hi !== undefined) rr.max = hi;
      }
    } else if ((e.kind === 'AEXPR_IN' && op === '=') || (e.kind === 'AEXPR_OP_ANY' && op === '=')) {
      const col = columnName(unwrapCast(e.lexpr));
      const values = listValues(e.rexpr);
      if (col && values) rule(rules, col).values = values;
    }
  }
}

/** Rules from CHECK expressions (as `pg_get_expr(conbin, conrelid)` prints them). */
export function analyzeChecks(expressions: readonly string[]): Rules {
  const rules: Rules = new Map();
  for (const expr of expressions) {
    try {
      const tree = parseSync(`SELECT 1 WHERE ${expr}`);
      const where = (tree.stmts?.[0]?.stmt as { SelectStmt?: { whereClause?: unknown } } | undefined)?.SelectStmt?.whereClause;
      visit(rules, where);
    } catch {
      // An expression the parser rejects cannot come from the catalog; ignore it.
    }
  }
  return rules;
}
