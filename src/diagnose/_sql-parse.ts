/**
 * What a query filters on, read from PostgreSQL's own parser (libpg-query, WASM) rather than from
 * regular expressions: the relations it reads and, per relation, the columns its WHERE clauses and
 * join conditions compare. Used to suggest indexes and to redact literals from query text.
 */
import { loadModule, normalizeSync, parseSync } from 'libpg-query';

let loaded: Promise<void> | undefined;

/** Load the parser's WASM module once (about 50 ms); every other function here needs it. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/** `order`: an ORDER BY column of a query with LIMIT (an index in that order ends the scan early). */
export type PredicateKind = 'eq' | 'in' | 'range' | 'like' | 'null' | 'join' | 'order';

export interface RelationRef {
  schema: string | null;
  name: string;
}

export interface ColumnUse {
  relation: RelationRef;
  column: string;
  kind: PredicateKind;
  /** For `order`: ORDER BY ... DESC. */
  descending?: boolean;
}

export type StatementKind = 'select' | 'select-locking' | 'insert' | 'update' | 'delete' | 'merge' | 'utility';

export interface QueryShape {
  kind: StatementKind;
  /** Number of statements in the text (archie explains exactly one). */
  statements: number;
  /** True when a CTE or the statement itself modifies data. */
  writes: boolean;
  relations: RelationRef[];
  uses: ColumnUse[];
  /** Highest $n parameter number. */
  params: number;
}

/** Columns of a relation, when the catalog knows it; used to resolve unqualified column names. */
export type ColumnResolver = (rel: RelationRef) => readonly string[] | undefined;

type Node = Record<string, unknown>;

function asNode(x: unknown): [string, Node] | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const keys = Object.keys(x);
  if (keys.length !== 1) return undefined;
  const k = keys[0] as string;
  const body = (x as Node)[k];
  return body && typeof body === 'object' && !Array.isArray(body) ? [k, body as Node] : [k, {}];
}

function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function sval(x: unknown): string | undefined {
  const n = asNode(x);
  return n && n[0] === 'String' ? (n[1].sval as string | undefined) : undefined;
}

interface ScopeEntry {
  key: string;
  rel: RelationRef | null;
}

interface Scope {
  entries: ScopeEntry[];
  parent: Scope | null;
}

class Analyzer {
  readonly relations: RelationRef[] = [];
  readonly uses: ColumnUse[] = [];
  writes = false;
  private readonly ctes = new Set<string>();

  constructor(private readonly resolve: ColumnResolver) {}

  statement(stmt: unknown): StatementKind {
    const n = asNode(stmt);
    if (!n) return 'utility';
    const [type, body] = n;
    switch (type) {
      case 'SelectStmt':
        this.select(body, null);
        return list(body.lockingClause).length > 0 ? 'select-locking' : 'select';
      case 'UpdateStmt':
      case 'DeleteStmt': {
        this.writes = true;
        this.withClause(body.withClause, null);
        const scope: Scope = { entries: [], parent: null };
        this.addRangeVar(body.relation, scope);
        for (const f of list(type === 'UpdateStmt' ? body.fromClause : body.usingClause)) this.fromItem(f, scope);
        this.predicate(body.whereClause, scope);
        return type === 'UpdateStmt' ? 'update' : 'delete';
      }
      case 'InsertStmt': {
        this.writes = true;
        this.withClause(body.withClause, null);
        const scope: Scope = { entries: [], parent: null };
        this.addRangeVar(body.relation, scope);
        if (body.selectStmt) this.statement(body.selectStmt);
        return 'insert';
      }
      case 'MergeStmt':
        this.writes = true;
        return 'merge';
      default:
        return 'utility';
    }
  }

  private withClause(w: unknown, parent: Scope | null): void {
    if (!w || typeof w !== 'object') return;
    const wn = 'ctes' in (w as Node) ? (w as Node) : asNode(w)?.[1];
    for (const c of list(wn?.ctes)) {
      const cte = asNode(c);
      if (!cte || cte[0] !== 'CommonTableExpr') continue;
      const name = cte[1].ctename;
      if (typeof name === 'string') this.ctes.add(name);
      const q = asNode(cte[1].ctequery);
      if (!q) continue;
      if (q[0] === 'SelectStmt') this.select(q[1], parent);
      else {
        // A data-modifying CTE (WITH x AS (DELETE ...)).
        this.statement(cte[1].ctequery);
      }
    }
  }

  private select(sel: Node, parent: Scope | null): void {
    this.withClause(sel.withClause, parent);
    if (sel.op && sel.op !== 'SETOP_NONE') {
      if (sel.larg) this.select(sel.larg as Node, parent);
      if (sel.rarg) this.select(sel.rarg as Node, parent);
      return;
    }
    const scope: Scope = { entries: [], parent };
    for (const f of list(sel.fromClause)) this.fromItem(f, scope);
    this.predicate(sel.whereClause, scope);
    this.predicate(sel.havingClause, scope);
    // ORDER BY ... LIMIT: the first sort keys, while they are plain columns.
    if (sel.limitCount) {
      for (const item of list(sel.sortClause)) {
        const sb = asNode(item);
        if (!sb || sb[0] !== 'SortBy' || !this.use(sb[1].node, scope, 'order')) break;
        if (sb[1].sortby_dir === 'SORTBY_DESC') (this.uses[this.uses.length - 1] as ColumnUse).descending = true;
      }
    }
    // Subqueries in the select list.
    this.visitSubLinks(sel.targetList, scope);
  }

  private addRangeVar(rv: unknown, scope: Scope): void {
    const body = asNode(rv)?.[0] === 'RangeVar' ? (asNode(rv)?.[1] as Node) : (rv as Node | undefined);
    if (!body || typeof body.relname !== 'string') return;
    const schema = typeof body.schemaname === 'string' ? body.schemaname : null;
    const alias = (body.alias as Node | undefined)?.aliasname;
    if (!schema && this.ctes.has(body.relname)) {
      scope.entries.push({ key: typeof alias === 'string' ? alias : body.relname, rel: null });
      return;
    }
    const rel: RelationRef = { schema, name: body.relname };
    if (!this.relations.some((r) => r.schema === rel.schema && r.name === rel.name)) this.relations.push(rel);
    scope.entries.push({ key: typeof alias === 'string' ? alias : body.relname, rel });
  }

  private fromItem(item: unknown, scope: Scope): void {
    const n = asNode(item);
    if (!n) return;
    const [type, body] = n;
    if (type === 'RangeVar') this.addRangeVar(item, scope);
    else if (type === 'JoinExpr') {
      this.fromItem(body.larg, scope);
      this.fromItem(body.rarg, scope);
      this.predicate(body.quals, scope);
    } else if (type === 'RangeSubselect') {
      const sub = asNode(body.subquery);
      if (sub?.[0] === 'SelectStmt') this.select(sub[1], body.lateral ? scope : null);
      const alias = (body.alias as Node | undefined)?.aliasname;
      if (typeof alias === 'string') scope.entries.push({ key: alias, rel: null });
    }
  }

  /** Resolve a column reference to a relation in scope; null when it is not a plain column. */
  private column(ref: unknown, scope: Scope): { rel: RelationRef; column: string } | null {
    const n = asNode(ref);
    if (!n || n[0] !== 'ColumnRef') return null;
    const fields = list(n[1].fields).map(sval);
    if (fields.some((f) => f === undefined)) return null;
    const names = fields as string[];
    const column = names[names.length - 1] as string;
    if (names.length >= 2) {
      const qual = names[names.length - 2] as string;
      const schema = names.length >= 3 ? (names[names.length - 3] as string) : null;
      for (let s: Scope | null = scope; s; s = s.parent) {
        const hit = s.entries.find((e) => e.key === qual && (!schema || e.rel?.schema === schema || e.rel?.schema === null));
        if (hit) return hit.rel ? { rel: hit.rel, column } : null;
      }
      return null;
    }
    for (let s: Scope | null = scope; s; s = s.parent) {
      const rels = s.entries;
      const known = rels.filter((e) => e.rel && this.resolve(e.rel)?.includes(column));
      if (known.length === 1 && known[0]?.rel) return { rel: known[0].rel, column };
      if (known.length > 1) return null;
      if (rels.length === 1 && rels[0]?.rel && this.resolve(rels[0].rel) === undefined) return { rel: rels[0].rel, column };
    }
    return null;
  }

  private hasColumnRef(x: unknown): boolean {
    let found = false;
    const walk = (v: unknown): void => {
      if (found || !v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        v.forEach(walk);
        return;
      }
      const n = asNode(v);
      if (n?.[0] === 'ColumnRef') {
        found = true;
        return;
      }
      if (n?.[0] === 'SubLink') return;
      for (const val of Object.values(v as Node)) walk(val);
    };
    walk(x);
    return found;
  }

  private use(ref: unknown, scope: Scope, kind: PredicateKind): boolean {
    const c = this.column(ref, scope);
    if (!c) return false;
    this.uses.push({ relation: c.rel, column: c.column, kind });
    return true;
  }

  private predicate(expr: unknown, scope: Scope): void {
    const n = asNode(expr);
    if (!n) return;
    const [type, body] = n;
    switch (type) {
      case 'BoolExpr': {
        const args = list(body.args);
        if (body.boolop === 'AND_EXPR') for (const a of args) this.predicate(a, scope);
        else if (body.boolop === 'OR_EXPR') this.orPredicate(args, scope);
        else this.visitSubLinks(args, scope);
        return;
      }
      case 'A_Expr': {
        const kind = body.kind as string;
        const op = sval(list(body.name)[0]);
        const l = body.lexpr;
        const r = body.rexpr;
        const pk = predicateKind(kind, op);
        if (pk) {
          const lCol = asNode(l)?.[0] === 'ColumnRef';
          const rCol = asNode(r)?.[0] === 'ColumnRef';
          if (lCol && rCol && (pk === 'eq' || pk === 'range')) {
            this.use(l, scope, pk === 'eq' ? 'join' : 'range');
            this.use(r, scope, pk === 'eq' ? 'join' : 'range');
          } else if (lCol && !this.hasColumnRef(r)) this.use(l, scope, pk);
          else if (rCol && !this.hasColumnRef(l) && kind === 'AEXPR_OP') this.use(r, scope, pk);
        }
        this.visitSubLinks([l, r], scope);
        return;
      }
      case 'NullTest':
        this.use(body.arg, scope, 'null');
        return;
      case 'ColumnRef':
        // WHERE is_active
        this.use(expr, scope, 'eq');
        return;
      case 'SubLink': {
        if (body.subLinkType === 'ANY_SUBLINK' && asNode(body.testexpr)?.[0] === 'ColumnRef') this.use(body.testexpr, scope, 'in');
        this.visitSubLinks([expr], scope);
        return;
      }
      default:
        this.visitSubLinks([expr], scope);
    }
  }

  /** `a = 1 OR a = 2` can use an index on a; `a = 1 OR b = 2` cannot use one btree index. */
  private orPredicate(args: unknown[], scope: Scope): void {
    const sub = new Analyzer(this.resolve);
    for (const c of this.ctes) sub.ctes.add(c);
    for (const a of args) sub.predicate(a, scope);
    const cols = new Set(sub.uses.map((u) => `${u.relation.schema}.${u.relation.name}.${u.column}`));
    if (cols.size === 1 && sub.uses.length >= args.length && sub.uses[0]) {
      this.uses.push({ ...sub.uses[0], kind: 'in' });
    }
    this.visitSubLinks(args, scope);
  }

  private visitSubLinks(x: unknown, scope: Scope): void {
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        v.forEach(walk);
        return;
      }
      const n = asNode(v);
      if (n?.[0] === 'SubLink') {
        const sub = asNode(n[1].subselect);
        if (sub?.[0] === 'SelectStmt') this.select(sub[1], scope);
        return;
      }
      for (const val of Object.values(v as Node)) walk(val);
    };
    walk(x);
  }
}

function predicateKind(kind: string, op: string | undefined): PredicateKind | null {
  switch (kind) {
    case 'AEXPR_OP':
      if (op === '=') return 'eq';
      if (op === '<' || op === '>' || op === '<=' || op === '>=') return 'range';
      if (op === '~~') return 'like';
      return null;
    case 'AEXPR_IN':
      return op === '=' ? 'in' : null;
    case 'AEXPR_OP_ANY':
      return op === '=' ? 'in' : null;
    case 'AEXPR_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
      return 'range';
    case 'AEXPR_LIKE':
      return op === '~~' ? 'like' : null;
    default:
      return null;
  }
}

function maxParam(x: unknown): number {
  let max = 0;
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    const n = asNode(v);
    if (n?.[0] === 'ParamRef' && typeof n[1].number === 'number') max = Math.max(max, n[1].number);
    for (const val of Object.values(v as Node)) walk(val);
  };
  walk(x);
  return max;
}

/** Deeper syntax trees than this (in JSON levels, about two per nested expression) are not walked. */
export const MAX_DEPTH = 1500;

/** A query nested too deeply for archie to read (the walkers recurse once per level). */
export class QueryTooDeepError extends Error {
  constructor(readonly depth: number) {
    super(`the query nests expressions more than ${MAX_DEPTH} levels deep (a chain of thousands of operators or parentheses), more than archie reads`);
    this.name = 'QueryTooDeepError';
  }
}

/** Depth of a parsed tree, measured without recursion (so a deep tree cannot overflow the stack here). */
export function treeDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (!v || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Parse one query text and describe it. Throws the parser's error for text that is not SQL
 * (pg_stat_statements truncates nothing, but pg_stat_activity does). Call `loadParser()` first.
 */
export function analyzeQuery(sql: string, resolve: ColumnResolver = () => undefined): QueryShape {
  let ast: { stmts?: { stmt?: unknown }[] };
  try {
    ast = parseSync(sql) as { stmts?: { stmt?: unknown }[] };
  } catch (e) {
    if (e instanceof RangeError) throw new QueryTooDeepError(MAX_DEPTH);
    throw e;
  }
  const depth = treeDepth(ast);
  if (depth > MAX_DEPTH) throw new QueryTooDeepError(depth);
  const stmts = list(ast.stmts) as { stmt?: unknown }[];
  const a = new Analyzer(resolve);
  let kind: StatementKind = 'utility';
  for (const s of stmts) {
    const k = a.statement(s.stmt);
    if (kind === 'utility') kind = k;
  }
  return { kind, statements: stmts.length, writes: a.writes, relations: a.relations, uses: a.uses, params: maxParam(ast) };
}

/**
 * Query text safe to print: literals replaced by $n (via the real parser), so values such as
 * e-mail addresses or tokens in a running query never reach the report. Text the parser cannot
 * read (e.g. truncated by track_activity_query_size) has quoted strings and numbers masked.
 */
export function redactQuery(sql: string, max = 300): string {
  let out: string;
  try {
    // normalizeSync reports some syntax errors as its return value; parse first so they throw.
    parseSync(sql);
    out = normalizeSync(sql);
  } catch {
    out = sql
      .replace(/\$([a-z_]*)\$[\s\S]*?(\$\1\$|$)/gi, '$?')
      .replace(/[eE]?'(?:[^']|'')*('|$)/g, '$?')
      .replace(/\b\d+(\.\d+)?\b/g, '$?');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** Collapse whitespace and cut long normalized text (pg_stat_statements text is already literal-free). */
export function shortenQuery(sql: string, max = 300): string {
  const out = sql.replace(/\s+/g, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
