import type { Node, ResTarget } from 'libpg-query';
import { nodeAs, quoteIdent, strings } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import type { SqlFile, SqlReview, SqlStatement } from '../../sql/model.js';
import type { Finding } from '../../../model/finding.js';

const meta = sqlMeta({
  name: 'duplicate-column',
  severity: 'error',
  summary: 'A column assigned twice (UPDATE SET, INSERT, ON CONFLICT, MERGE) or named twice (CREATE TABLE, views, SELECT INTO) fails or loses a value.',
  references: ['Squawk: ban-duplicate-column-assignments'],
});

/** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1), without splitting a character. */
export function truncateIdentifier(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= 63) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > 63) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** What a target assigns: the column and the path into it (`a`, `a.x`, `a[1]`). */
function targetPath(t: ResTarget): string[] {
  const path = [truncateIdentifier(t.name ?? '')];
  for (const i of t.indirection ?? []) {
    const s = nodeAs(i, 'String');
    path.push(s ? `.${s.sval ?? ''}` : `[${JSON.stringify(nodeAs(i, 'A_Indices') ?? i)}]`);
  }
  return path;
}

const prefixOf = (a: string[], b: string[]): boolean => a.length <= b.length && a.every((p, i) => p === b[i]);

/** The name PostgreSQL gives a select-list item without an alias (FigureColname, the common cases). */
function figureName(t: ResTarget): string | undefined {
  if (t.name) return t.name;
  let v: Node | undefined = t.val;
  for (;;) {
    const ref = nodeAs(v, 'ColumnRef');
    if (ref) {
      const last = ref.fields?.[ref.fields.length - 1];
      return last && nodeAs(last, 'A_Star') ? undefined : (strings(ref.fields).pop() ?? '?column?');
    }
    const fn = nodeAs(v, 'FuncCall');
    if (fn) return strings(fn.funcname).pop() ?? '?column?';
    const cast = nodeAs(v, 'TypeCast');
    if (cast) {
      if (nodeAs(cast.arg, 'A_Const') || !cast.arg) return strings(cast.typeName?.names).pop() ?? '?column?';
      v = cast.arg;
      continue;
    }
    if (nodeAs(v, 'CaseExpr')) return 'case';
    return '?column?';
  }
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out: Finding[] = [];
    for (const { file, stmt } of statements(review)) {
      const node = stmt.node;
      const assignments = (targets: Node[] | undefined, what: string): void => checkAssignments(review, file, stmt, targets, what, out);
      const update = nodeAs(node, 'UpdateStmt');
      if (update) assignments(update.targetList, 'UPDATE … SET');
      const insert = nodeAs(node, 'InsertStmt');
      if (insert) {
        assignments(insert.cols, 'INSERT column list');
        assignments(insert.onConflictClause?.targetList, 'ON CONFLICT DO UPDATE SET');
      }
      const merge = nodeAs(node, 'MergeStmt');
      for (const w of merge?.mergeWhenClauses ?? []) {
        const clause = nodeAs(w, 'MergeWhenClause');
        assignments(clause?.targetList, clause?.commandType === 'CMD_INSERT' ? 'MERGE … INSERT column list' : 'MERGE … UPDATE SET');
      }
      const create = nodeAs(node, 'CreateStmt') ?? nodeAs(node, 'CreateForeignTableStmt')?.base;
      if (create) {
        const cols = (create.tableElts ?? []).map((e) => nodeAs(e, 'ColumnDef')).filter((d) => d !== undefined);
        names(review, file, stmt, cols.map((d) => ({ name: d.colname ?? '', offset: d.location })), 'table', out);
      }
      const view = nodeAs(node, 'ViewStmt');
      if (view) selectNames(review, file, stmt, view.query, strings(view.aliases), 'view', out);
      const ctas = nodeAs(node, 'CreateTableAsStmt');
      if (ctas) selectNames(review, file, stmt, ctas.query, strings(ctas.into?.colNames), ctas.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', out);
      const select = nodeAs(node, 'SelectStmt');
      if (select?.intoClause) selectNames(review, file, stmt, node, strings(select.intoClause.colNames), 'table', out);
    }
    return out;
  },
};

function checkAssignments(review: SqlReview, file: SqlFile, stmt: SqlStatement, targets: Node[] | undefined, what: string, out: Finding[]): void {
  const list = (targets ?? []).map((t) => nodeAs(t, 'ResTarget')).filter((t) => t !== undefined);
  const paths = list.map(targetPath);
  const reported = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = paths[i]!;
      const b = paths[j]!;
      if (!prefixOf(a, b) && !prefixOf(b, a)) continue;
      for (const k of [i, j]) {
        if (reported.has(k)) continue;
        reported.add(k);
        const col = quoteIdent(a[0] ?? '');
        out.push(
          report(review, meta, review.pos(file, list[k]!.location, stmt), `${what} assigns column ${col} more than once: PostgreSQL rejects the statement ("multiple assignments to same column ${a[0] ?? ''}"), or, across a whole value and one of its fields, one assignment silently wins.`, {
            evidence: { column: a[0] ?? '', clause: what },
            fix: sqlFix(`keep one assignment of ${col}`),
          }),
        );
      }
    }
  }
}

function names(review: SqlReview, file: SqlFile, stmt: SqlStatement, cols: { name: string; offset: number | undefined }[], what: string, out: Finding[]): void {
  const seen = new Map<string, number>();
  cols.forEach((c, i) => {
    const key = truncateIdentifier(c.name);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    for (const k of first >= 0 ? [first, i] : [i]) {
      const col = cols[k]!;
      out.push(
        report(review, meta, review.pos(file, col.offset, stmt), `column ${quoteIdent(key)} is specified more than once in this ${what}: PostgreSQL rejects the statement, so the migration fails.`, {
          evidence: { column: key, object: what },
          fix: sqlFix('give each column its own name (a select list needs an alias for each unnamed expression)'),
        }),
      );
    }
    seen.set(key, -1);
  });
}

function selectNames(review: SqlReview, file: SqlFile, stmt: SqlStatement, query: Node | undefined, aliases: string[], what: string, out: Finding[]): void {
  const select = nodeAs(query, 'SelectStmt');
  if (!select || select.op !== 'SETOP_NONE' || select.valuesLists) return;
  const targets = (select.targetList ?? []).map((t) => nodeAs(t, 'ResTarget')).filter((t) => t !== undefined);
  const cols: { name: string; offset: number | undefined }[] = [];
  for (let i = 0; i < targets.length; i++) {
    const name = aliases[i] ?? figureName(targets[i]!);
    if (name === undefined) return; // `*` expands to columns this history cannot see
    cols.push({ name, offset: aliases[i] !== undefined ? stmt.start : targets[i]!.location });
  }
  names(review, file, stmt, cols, what, out);
}
