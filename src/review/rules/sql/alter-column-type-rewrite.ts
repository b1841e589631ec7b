import type { Node } from 'libpg-query';
import { displayRel, displayType, nodeAs, quoteIdent, relName, sqlType, strings, type SqlType } from '../../sql/ast.js';
import { columnTypeAt } from '../../sql/catalog.js';
import { alterCommands, report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';
import type { SqlFile } from '../../sql/model.js';
import { settingTimeline } from '../../sql/settings.js';

const meta = sqlMeta({
  name: 'alter-column-type-rewrite',
  severity: 'error',
  summary: 'ALTER COLUMN … TYPE that rewrites an existing table (anything but the known binary-compatible widenings).',
  references: ['PostgreSQL manual: ALTER TABLE, Notes (table rewrites)'],
});

export type TypeChange = 'none' | 'rewrite' | 'rewrite-unless-utc' | 'unknown';

// Types whose typmod can grow without a rewrite (their length-coercion functions have a
// "support" function that turns a widening into a no-op since PostgreSQL 9.2).
const WIDENABLE = new Set(['varchar', 'varbit', 'numeric', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval']);
// Targets some old type may reach without a rewrite: with no history for the column we cannot tell.
const MAYBE_FREE_TARGETS = new Set(['text', 'varchar', 'varbit', 'numeric', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'inet']);

function widens(from: SqlType, to: SqlType): boolean {
  if (to.mods.length === 0) return true; // dropping the limit
  if (from.mods.length === 0) return false; // adding a limit needs every value checked
  if (from.name === 'numeric') {
    const [p1 = 0, s1 = 0] = from.mods;
    const [p2 = 0, s2 = 0] = to.mods;
    return s1 === s2 && p2 >= p1;
  }
  return (to.mods[0] ?? 0) >= (from.mods[0] ?? 0);
}

/** Whether changing a column from `from` to `to` (without USING) rewrites the table. */
export function classifyTypeChange(from: SqlType | undefined, to: SqlType, utc: boolean): TypeChange {
  if (!from) return to.schema === null && MAYBE_FREE_TARGETS.has(to.name) && !to.array ? 'unknown' : 'rewrite';
  if (from.schema !== to.schema || from.array !== to.array) return 'rewrite';
  if (from.name === to.name) {
    if (from.mods.join(',') === to.mods.join(',')) return 'none';
    return WIDENABLE.has(from.name) && widens(from, to) ? 'none' : 'rewrite';
  }
  if (from.schema !== null) return 'rewrite';
  const pair = `${from.name}>${to.name}`;
  // Binary-coercible pairs.
  if (pair === 'varchar>text' || pair === 'cidr>inet' || pair === 'xml>text') return 'none';
  if (pair === 'text>varchar' || pair === 'varbit>bit') return to.mods.length === 0 ? 'none' : 'rewrite';
  // PostgreSQL 12+ skips the rewrite between timestamp and timestamptz when the session TimeZone is UTC.
  if (pair === 'timestamp>timestamptz' || pair === 'timestamptz>timestamp') {
    if (to.mods.length > 0 && !(from.mods.length > 0 && widens(from, to))) return 'rewrite';
    return utc ? 'none' : 'rewrite-unless-utc';
  }
  return 'rewrite';
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal', 'etc/universal', "'utc'"]);

function utcTimeline(file: SqlFile): boolean[] {
  return settingTimeline(file, 'timezone').map((v) => v !== null && UTC_NAMES.has(v.trim().toLowerCase()));
}

/**
 * A USING expression that only names the column, or casts it to the target type (what Django and
 * other ORMs emit on every base-type change): PostgreSQL then decides exactly as without USING, since
 * the cast it plans is the same. Anything else (a function, arithmetic, another column) computes
 * every row anew: a rewrite.
 */
export function trivialUsing(expr: Node | undefined, column: string, to: SqlType): boolean {
  let e = expr;
  for (;;) {
    const cast = nodeAs(e, 'TypeCast');
    if (!cast) break;
    const t = sqlType(cast.typeName);
    if (!t || t.name !== to.name || t.schema !== to.schema || t.array !== to.array || t.mods.join(',') !== to.mods.join(',')) return false;
    e = cast.arg;
  }
  const fields = strings(nodeAs(e, 'ColumnRef')?.fields);
  return fields.length >= 1 && fields[fields.length - 1] === column;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    const utcByFile = new Map<SqlFile, boolean[]>();
    for (const { file, stmt, alter, cmd, index } of alterCommands(review)) {
      if (cmd.subtype !== 'AT_AlterColumnType' || !cmd.name) continue;
      const def = nodeAs(cmd.def, 'ColumnDef');
      const to = sqlType(def?.typeName);
      if (!def || !to) continue;
      const table = review.table(stmt, alter.relation);
      if (!review.isExisting(file, stmt, table)) continue;
      const column = table ? review.catalog.column(table, cmd.name, stmt.seq) : undefined;
      const from = column ? columnTypeAt(column, stmt.seq)?.type : undefined;
      let utc = utcByFile.get(file);
      if (!utc) utcByFile.set(file, (utc = utcTimeline(file)));
      const using = def.raw_default !== undefined && !trivialUsing(def.raw_default, cmd.name, to);
      // The UTC shortcut between timestamp and timestamptz exists since PostgreSQL 12.
      const utcSkips = utc[stmt.index] === true && review.options.pgVersion >= 12;
      const change = using ? 'rewrite' : classifyTypeChange(from, to, utcSkips);
      if (change === 'none' || change === 'unknown') continue;
      const label = displayRel(relName(alter.relation));
      const col = quoteIdent(cmd.name);
      const was = from ? ` (was ${displayType(from)})` : '';
      const why =
        change === 'rewrite-unless-utc'
          ? `rewrites the table and its indexes under an ACCESS EXCLUSIVE lock unless the session TimeZone is UTC (PostgreSQL 12+ then skips the rewrite)`
          : using
            ? `with USING rewrites every row and rebuilds the indexes under an ACCESS EXCLUSIVE lock`
            : `is not a binary-compatible change, so PostgreSQL rewrites every row and rebuilds the indexes under an ACCESS EXCLUSIVE lock`;
      out.push(
        report(
          review,
          meta,
          review.pos(file, review.alterCmdOffset(file, stmt, index)),
          `ALTER COLUMN ${col} TYPE ${displayType(to)}${was} on existing table ${label} ${why}: reads and writes stop for the duration, which grows with the table.`,
          {
            evidence: { table: label, column: cmd.name, from: from ? displayType(from) : null, to: displayType(to), lock: 'ACCESS EXCLUSIVE' },
            fix: sqlFix(
              change === 'rewrite-unless-utc'
                ? 'run the change with the session in UTC (PostgreSQL 12+), after checking that the stored values are UTC'
                : 'expand and contract: add a new column of the new type, write both (application or trigger), backfill in batches, switch reads, then drop the old column in a later release. Widening varchar(n), numeric(p,s) precision, or varchar to text needs no rewrite.',
              change === 'rewrite-unless-utc'
                ? `SET TIME ZONE 'UTC';\nALTER TABLE ${label} ALTER COLUMN ${col} TYPE ${displayType(to)};`
                : `ALTER TABLE ${label} ADD COLUMN ${quoteIdent(`${cmd.name}_new`)} ${displayType(to)};\n-- trigger or dual writes, then batched backfill, then switch reads;\n-- later release, once nothing reads the old column: ALTER TABLE ${label} DROP COLUMN ${col};`,
            ),
          },
        ),
      );
    }
    return out;
  },
};
