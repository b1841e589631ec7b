import type { AlterTableCmd, AlterTableStmt } from 'libpg-query';
import type { Finding, Fix, Location, Severity } from '../../model/finding.js';
import type { Rule, RuleMeta } from '../types.js';
import { nodeAs, quoteIdent } from './ast.js';
import { nameAt, simpleNameAt, type ColumnRec, type ColumnTypeEntry, type ConstraintRec, type Pos, type TableRec } from './catalog.js';
import type { SqlFile, SqlReview, SqlStatement } from './model.js';

/** Everything a SQL rule module needs, in one import. */
export type SqlRule = Rule<SqlReview>;

export function sqlMeta(m: { name: string; severity: Severity; summary: string; references?: string[]; optIn?: boolean }): RuleMeta {
  return {
    id: `sql/${m.name}`,
    domain: 'sql',
    severity: m.severity,
    summary: m.summary,
    docs: `docs/rules/sql/${m.name}.md`,
    ...(m.references ? { references: m.references } : {}),
    ...(m.optIn ? { optIn: true } : {}),
  };
}

export function locate(review: SqlReview, at: Pos): Location {
  const file = review.files[at.file];
  const p = file ? file.source.position(at.offset) : { line: 1, column: 1 };
  return { kind: 'file', file: file?.path ?? '', line: p.line, column: p.column };
}

export interface ReportExtra {
  fix?: Fix;
  evidence?: Record<string, string | number | boolean | null>;
  related?: { at: Pos; message: string }[];
}

/** A finding of `meta` at a byte position of a reviewed file. */
export function report(review: SqlReview, meta: RuleMeta, at: Pos, message: string, extra: ReportExtra = {}): Finding {
  const f: Finding = { ruleId: meta.id, severity: meta.severity, message, location: locate(review, at) };
  if (extra.evidence) f.evidence = extra.evidence;
  if (extra.fix) f.fix = extra.fix;
  if (extra.related && extra.related.length > 0) {
    f.related = extra.related.map((r) => ({ ...locate(review, r.at), message: r.message }));
  }
  return f;
}

export function sqlFix(description: string, code?: string): Fix {
  return code === undefined ? { description } : { description, code, language: 'sql' };
}

const statementCache = new WeakMap<SqlReview, { file: SqlFile; stmt: SqlStatement }[]>();

/** Every statement of the history, file by file (computed once per review, shared by the rules). */
export function statements(review: SqlReview): { file: SqlFile; stmt: SqlStatement }[] {
  let list = statementCache.get(review);
  if (!list) {
    list = [];
    for (const file of review.files) for (const stmt of file.statements) list.push({ file, stmt });
    statementCache.set(review, list);
  }
  return list;
}

export interface AlterCommand {
  file: SqlFile;
  stmt: SqlStatement;
  alter: AlterTableStmt;
  cmd: AlterTableCmd;
  /** Position among the statement's subcommands; `review.alterCmdOffset(file, stmt, index)` locates it. */
  index: number;
}

const alterCache = new WeakMap<SqlReview, AlterCommand[]>();

/** The subcommands of every ALTER TABLE in the history, computed once per review and shared by the rules. */
export function alterCommands(review: SqlReview): AlterCommand[] {
  const cached = alterCache.get(review);
  if (cached) return cached;
  const out: AlterCommand[] = [];
  for (const file of review.files) {
    for (const stmt of file.statements) {
      if (stmt.kind !== 'AlterTableStmt') continue;
      const alter = nodeAs(stmt.node, 'AlterTableStmt');
      if (!alter || alter.objtype !== 'OBJECT_TABLE') continue;
      const cmds = alter.cmds ?? [];
      for (let index = 0; index < cmds.length; index++) {
        const cmd = nodeAs(cmds[index], 'AlterTableCmd');
        if (cmd) out.push({ file, stmt, alter, cmd, index });
      }
    }
  }
  alterCache.set(review, out);
  return out;
}

/**
 * Every column of the schema the history ends with, with its current type and where that type
 * was written. Type rules judge the end state, so a later migration that fixes a type also
 * clears the finding on the earlier one.
 */
export function* finalColumns(review: SqlReview): Generator<{ table: TableRec; column: ColumnRec; type: ColumnTypeEntry }> {
  for (const table of review.catalog.tables) {
    if (table.droppedAt !== null) continue;
    for (const column of table.columns) {
      if (column.droppedAt !== null) continue;
      const type = column.types[column.types.length - 1];
      if (type) yield { table, column, type };
    }
  }
}

/** The column named as it was called where its current type was written. */
export function typeLabel(table: TableRec, column: ColumnRec, type: ColumnTypeEntry): string {
  return columnLabel(table, column, type.from + 0.5);
}

/** `schema.table.column` as it reads at time t, the end of the history by default (schema omitted when public). */
export function columnLabel(table: TableRec, column: ColumnRec, t = Infinity): string {
  return `${tableLabel(table, t)}.${quoteIdent(simpleNameAt(column, t))}`;
}

export function tableLabel(table: TableRec, t = Infinity): string {
  const n = nameAt(table, t);
  return n.schema === null || n.schema === 'public' ? quoteIdent(n.name) : `${quoteIdent(n.schema)}.${quoteIdent(n.name)}`;
}

/** The catalog record of the constraint written at a position (to learn its default name). */
export function constraintWrittenAt(table: TableRec | undefined, file: SqlFile, offset: number | undefined): ConstraintRec | undefined {
  if (!table || offset === undefined) return undefined;
  return table.constraints.find((c) => c.pos.file === file.index && c.pos.offset === offset);
}
