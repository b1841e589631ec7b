import type { Node } from 'libpg-query';
import { calledFunctions, constraints, displayRel, displayType, nodeAs, quoteIdent, relName, SERIAL_TYPES, sqlType, strings } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import type { SqlReview } from '../../sql/model.js';

const meta = sqlMeta({
  name: 'add-column-volatile-default',
  severity: 'error',
  summary: 'ADD COLUMN with a volatile default (random(), gen_random_uuid(), a user-defined function, serial, identity, stored generated; any default before PostgreSQL 11) rewrites an existing table.',
  references: ['PostgreSQL manual: ALTER TABLE, Notes (table rewrites)'],
});

/** Built-in and common extension functions marked VOLATILE: evaluated once per row. */
export const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'clock_timestamp',
  'timeofday',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'nextval',
  'setseed',
]);

/**
 * Built-in functions marked IMMUTABLE or STABLE that defaults commonly call, with the argument
 * counts they exist with (undefined: any). A default that calls anything else, a user-defined
 * function above all (VOLATILE unless declared otherwise), cannot be proven cheap.
 */
const NON_VOLATILE: Record<string, number[] | undefined> = {
  now: [0],
  statement_timestamp: [0],
  transaction_timestamp: [0],
  current_setting: [1, 2],
  lower: [1],
  upper: [1],
  initcap: [1],
  btrim: [1, 2],
  ltrim: [1, 2],
  rtrim: [1, 2],
  concat: undefined,
  concat_ws: undefined,
  length: [1, 2],
  char_length: [1],
  replace: [3],
  substr: [2, 3],
  substring: [2, 3],
  left: [2],
  right: [2],
  lpad: [2, 3],
  rpad: [2, 3],
  repeat: [2],
  md5: [1],
  to_char: [2],
  to_date: [2],
  to_timestamp: [1, 2],
  to_number: [2],
  date_trunc: [2, 3],
  date_part: [2],
  timezone: [2],
  make_date: [3],
  make_time: [3],
  make_timestamp: [6],
  make_timestamptz: [6, 7],
  make_interval: undefined,
  age: [1, 2],
  jsonb_build_object: undefined,
  json_build_object: undefined,
  jsonb_build_array: undefined,
  json_build_array: undefined,
  to_jsonb: [1],
  to_json: [1],
  array_fill: [2, 3],
  abs: [1],
  round: [1, 2],
  floor: [1],
  ceil: [1],
  ceiling: [1],
  trunc: [1, 2],
  power: [2],
  mod: [2],
  uuid_nil: [0],
  uuid_ns_dns: [0],
  uuid_ns_url: [0],
  uuid_ns_oid: [0],
  uuid_ns_x500: [0],
};

/** Volatility of the functions the history creates (`CREATE FUNCTION … IMMUTABLE`), by name. */
function declaredVolatility(review: SqlReview): Map<string, string> {
  const out = new Map<string, string>();
  for (const { stmt } of statements(review)) {
    const fn = nodeAs(stmt.node, 'CreateFunctionStmt');
    if (!fn) continue;
    const name = strings(fn.funcname).pop() ?? '';
    let volatility = 'volatile';
    for (const o of fn.options ?? []) {
      const d = nodeAs(o, 'DefElem');
      if (d?.defname === 'volatility') volatility = nodeAs(d.arg, 'String')?.sval ?? volatility;
    }
    out.set(name, volatility);
  }
  return out;
}

/** The first function of a default that is, or may be, volatile; with why. */
export function volatileCall(expr: Node | undefined, declared: Map<string, string>): { name: string; location: number; why: string } | undefined {
  for (const f of calledFunctions(expr)) {
    const builtin = f.schema === null || f.schema === 'pg_catalog';
    if (builtin && VOLATILE_FUNCTIONS.has(f.name)) return { ...f, why: `${f.name}(), which is volatile` };
    const own = declared.get(f.name);
    if (own !== undefined) {
      if (own === 'volatile') return { ...f, why: `${f.name}(), declared VOLATILE (the default) in this history` };
      continue;
    }
    const arities = NON_VOLATILE[f.name];
    if (builtin && f.name in NON_VOLATILE && (arities === undefined || arities.includes(f.args))) continue;
    return { ...f, why: `${f.name}(), which archie cannot prove non-volatile (a function is VOLATILE unless declared IMMUTABLE or STABLE)` };
  }
  return undefined;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    let declared: Map<string, string> | undefined;
    const pg = review.options.pgVersion;
    for (const { file, stmt, alter, cmd } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_AddColumn') continue;
      const def = nodeAs(cmd.def, 'ColumnDef');
      if (!def) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(def.colname ?? '');
      const cons = constraints(def.constraints);
      const type = sqlType(def.typeName);
      let cause: { offset: number | undefined; what: string; defaultExpr: string } | undefined;
      const dflt = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
      const isNull = nodeAs(dflt?.raw_expr, 'A_Const')?.isnull === true;
      const volatile = dflt ? volatileCall(dflt.raw_expr, (declared ??= declaredVolatility(review))) : undefined;
      if (dflt && volatile) {
        cause = { offset: dflt.location, what: `DEFAULT calls ${volatile.why}`, defaultExpr: `${volatile.name}()` };
      } else if (dflt && !isNull && pg < 11) {
        cause = { offset: dflt.location, what: `before PostgreSQL 11 (sql.pgVersion is ${pg}) every DEFAULT is written into each existing row`, defaultExpr: '' };
      } else if (type && type.schema === null && SERIAL_TYPES.has(type.name)) {
        cause = { offset: type.location, what: `${displayType(type)} means DEFAULT nextval(…), which is volatile`, defaultExpr: 'nextval(…)' };
      } else {
        const identity = cons.find((c) => c.contype === 'CONSTR_IDENTITY');
        const generated = cons.find((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v');
        if (identity) cause = { offset: identity.location, what: 'an identity column gives every existing row its own value', defaultExpr: '' };
        else if (generated) cause = { offset: generated.location, what: 'a STORED generated column is computed and written for every existing row', defaultExpr: '' };
      }
      if (!cause) continue;
      const typeText = type ? displayType(type) : 'type';
      out.push(
        report(
          review,
          meta,
          review.pos(file, cause.offset ?? def.location, stmt),
          `ADD COLUMN ${col} on existing table ${label}: ${cause.what}, so PostgreSQL rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock (no reads or writes until it ends). Since PostgreSQL 11 only a non-volatile default (a constant, now()) is stored without a rewrite.`,
          {
            evidence: { table: label, column: def.colname ?? '', lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              'add the column without the default, set the default for new rows, then backfill existing rows in batches in a separate migration',
              cause.defaultExpr && !cause.defaultExpr.startsWith('nextval')
                ? `ALTER TABLE ${label} ADD COLUMN ${col} ${typeText};\nALTER TABLE ${label} ALTER COLUMN ${col} SET DEFAULT ${cause.defaultExpr};\n-- later, in batches: UPDATE ${label} SET ${col} = ${cause.defaultExpr} WHERE ${col} IS NULL AND <key range>;`
                : undefined,
            ),
          },
        ),
      );
    }
    return out;
  },
};
