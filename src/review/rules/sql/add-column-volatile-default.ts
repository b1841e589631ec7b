import { calledFunctions, constraints, displayRel, displayType, nodeAs, quoteIdent, relName, SERIAL_TYPES, sqlType } from '../../sql/ast.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';

const meta = sqlMeta({
  name: 'add-column-volatile-default',
  severity: 'error',
  summary: 'ADD COLUMN with a volatile default (random(), clock_timestamp(), gen_random_uuid(), serial, identity, stored generated) rewrites an existing table.',
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
]);

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
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
      const volatile = calledFunctions(dflt?.raw_expr).find((f) => VOLATILE_FUNCTIONS.has(f.name));
      if (dflt && volatile) {
        cause = { offset: dflt.location, what: `DEFAULT calls ${volatile.name}(), which is volatile`, defaultExpr: `${volatile.name}()` };
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
