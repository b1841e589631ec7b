import type { Node, RangeVar } from 'libpg-query';
import { kindOf, nodeAs, relName, type NodeKind, type RelName } from './ast.js';
import { aliveTable, CatalogBuilder, type Catalog, type Pos, type TableRec } from './catalog.js';
import type { RawStatement } from './parse.js';
import { scanSql } from './parse.js';
import type { SourceText } from './source.js';

/** One top-level statement of a reviewed file. */
export interface SqlStatement {
  /** Position in its file, from 0. */
  index: number;
  /** Position in the whole history, from 1 (see Catalog). */
  seq: number;
  kind: NodeKind;
  node: Node;
  /** UTF-8 byte range in the file. */
  start: number;
  end: number;
  /** Id of the explicit BEGIN … COMMIT block around it (the BEGIN and COMMIT included), or null. */
  block: number | null;
  /**
   * The transaction it runs in, unique within the file: 0 for the transaction the migration tool
   * wraps the file in (see `SqlReviewOptions.assumeInTransaction`), a negative id for an explicit
   * BEGIN … COMMIT block, a positive id for a statement that runs on its own (autocommit).
   */
  unit: number;
  /** It runs inside a transaction block: an explicit one, or the tool's wrapper. */
  inTransaction: boolean;
}

/** How the reviewed migrations are run. */
export interface SqlReviewOptions {
  /**
   * The oldest PostgreSQL major version the migrations must run on (default 15). Rules whose
   * verdict depends on it: volatile defaults (11), SET NOT NULL proven by a CHECK and the UTC
   * timestamptz shortcut (12), NOT NULL … NOT VALID (18), REPACK (19).
   */
  pgVersion?: number;
  /**
   * Whether the migration tool runs each file inside a transaction of its own (Rails, Django,
   * Flyway, dbmate, a multi-statement query string). `true`: every file is wrapped, as if it began
   * with BEGIN and ended with COMMIT; `false`: statements outside an explicit BEGIN … COMMIT run one
   * by one (psql, golang-migrate's one-statement files). Unset: a file is wrapped unless it has
   * transaction control of its own. A file marked `-- migrate:up transaction:false` (dbmate) or
   * `-- squawk-disable-assume-in-transaction` is never wrapped.
   */
  assumeInTransaction?: boolean;
}

export const DEFAULT_PG_VERSION = 15;

export interface SqlFile {
  path: string;
  /** Position in history order. */
  index: number;
  source: SourceText;
  statements: SqlStatement[];
  /** The file has BEGIN/COMMIT of its own. */
  explicitTransactions: boolean;
  /** The migration tool runs the file inside a transaction (see `SqlReviewOptions.assumeInTransaction`). */
  wrapped: boolean;
}

/** What every SQL rule receives: the reviewed files in history order and the schema they build. */
export class SqlReview {
  readonly files: SqlFile[];
  readonly catalog: Catalog;
  private readonly cmdOffsetCache = new WeakMap<SqlStatement, number[]>();
  private bySeq: { file: SqlFile; stmt: SqlStatement }[] | undefined;

  /** The options in force, with defaults applied. */
  readonly options: { pgVersion: number; assumeInTransaction: boolean | undefined };

  constructor(files: SqlFile[], catalog: Catalog, options: { pgVersion: number; assumeInTransaction: boolean | undefined } = { pgVersion: DEFAULT_PG_VERSION, assumeInTransaction: undefined }) {
    this.files = files;
    this.catalog = catalog;
    this.options = options;
  }

  /** The table a relation names just before the statement, recorded as pre-existing when unknown. */
  table(stmt: SqlStatement, rv: RangeVar | RelName | undefined): TableRec | undefined {
    if (!rv) return undefined;
    const rel = 'name' in rv && 'schema' in rv ? rv : relName(rv);
    if (!rel.name) return undefined;
    return this.catalog.resolve(rel, stmt.seq) ?? this.catalog.resolve(rel, stmt.seq, true);
  }

  /**
   * True when the table existed before this migration file: created in an earlier file, or never
   * created in the reviewed files at all. A table created earlier in the same file is new: nobody
   * reads or writes it yet, so locks and rewrites on it cost nothing.
   */
  isExisting(file: SqlFile, stmt: SqlStatement, tab: TableRec | undefined): boolean {
    if (!tab) return true;
    if (tab.createdAt === null || tab.pos === null) return true;
    if (tab.pos.file !== file.index) return true;
    return !(tab.createdAt < stmt.seq) || !aliveTable(tab, stmt.seq);
  }

  /** The statement with a given history sequence number. */
  statementAt(seq: number): { file: SqlFile; stmt: SqlStatement } | undefined {
    if (!this.bySeq) {
      this.bySeq = [];
      for (const file of this.files) for (const stmt of file.statements) this.bySeq[stmt.seq] = { file, stmt };
    }
    return this.bySeq[seq];
  }

  /** Byte offset of the i-th subcommand of an ALTER TABLE (libpg_query gives them no location). */
  alterCmdOffset(file: SqlFile, stmt: SqlStatement, cmdIndex: number): number {
    let offsets = this.cmdOffsetCache.get(stmt);
    if (!offsets) {
      offsets = computeAlterCmdOffsets(file, stmt);
      this.cmdOffsetCache.set(stmt, offsets);
    }
    return offsets[cmdIndex] ?? stmt.start;
  }

  pos(file: SqlFile, offset: number | undefined, stmt?: SqlStatement): Pos {
    return { file: file.index, offset: offset !== undefined && offset >= 0 ? offset : (stmt?.start ?? 0) };
  }
}

/** Split `ALTER TABLE name cmd1, cmd2, …` into its subcommands with the PostgreSQL lexer. */
function computeAlterCmdOffsets(file: SqlFile, stmt: SqlStatement): number[] {
  const alter = nodeAs(stmt.node, 'AlterTableStmt');
  const relLoc = alter?.relation?.location;
  if (relLoc === undefined) return [];
  const tokens = scanSql(file.source.sliceBytes(stmt.start, stmt.end));
  let i = tokens.findIndex((t) => t.start + stmt.start >= relLoc);
  if (i < 0) return [];
  i++; // the first name part
  while (tokens[i]?.text === '.' && i + 1 < tokens.length) i += 2;
  if (tokens[i]?.text === '*') i++;
  const offsets: number[] = [];
  let depth = 0;
  let segmentStart = true;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.text === ';') break;
    if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT') continue;
    if (segmentStart) {
      offsets.push(t.start + stmt.start);
      segmentStart = false;
    }
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
    else if (t.text === ',' && depth === 0) segmentStart = true;
  }
  return offsets;
}

export interface ParsedSqlFile {
  path: string;
  source: SourceText;
  statements: RawStatement[];
  /** dbmate's `-- migrate:up transaction:false` or Squawk's `-- squawk-disable-assume-in-transaction`: run without a transaction. */
  noTransaction?: boolean;
}

/** Number the statements, find the transaction units, and build the schema history. */
export function buildReview(parsed: ParsedSqlFile[], options: SqlReviewOptions = {}): SqlReview {
  const builder = new CatalogBuilder();
  const files: SqlFile[] = [];
  let seq = 0;
  parsed.forEach((p, fileIndex) => {
    const explicit = p.statements.some((s) => kindOf(s.node) === 'TransactionStmt');
    // A file's own marker wins over the option: the tool runs that file without a transaction.
    const wrapped = !p.noTransaction && (options.assumeInTransaction ?? !explicit);
    // Where the file stands: inside the tool's wrapper, inside an explicit block, or in autocommit.
    let state: 'wrapper' | 'block' | 'none' = wrapped ? 'wrapper' : 'none';
    let block: number | null = null;
    let nextBlock = 0;
    let nextUnit = 1;
    const statements: SqlStatement[] = p.statements.map((raw, index) => {
      const tx = nodeAs(raw.node, 'TransactionStmt');
      const begins = tx !== undefined && (tx.kind === 'TRANS_STMT_BEGIN' || tx.kind === 'TRANS_STMT_START');
      const ends = tx !== undefined && (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK' || tx.kind === 'TRANS_STMT_PREPARE');
      // BEGIN inside a transaction only warns ("there is already a transaction in progress").
      if (begins && state === 'none') {
        block = nextBlock++;
        state = 'block';
      }
      const mine = state === 'block' ? block : null;
      const unit = state === 'wrapper' ? 0 : state === 'block' ? -((block ?? 0) + 1) : nextUnit++;
      const inTransaction = state !== 'none';
      if (ends) {
        if (tx.chain) {
          block = nextBlock++;
          state = 'block';
        } else {
          block = null;
          state = 'none';
        }
      }
      seq++;
      builder.apply(raw.node, seq, fileIndex, raw.start);
      return { index, seq, kind: kindOf(raw.node), node: raw.node, start: raw.start, end: raw.end, block: mine, unit, inTransaction };
    });
    files.push({ path: p.path, index: fileIndex, source: p.source, statements, explicitTransactions: explicit, wrapped });
  });
  return new SqlReview(files, builder.catalog, { pgVersion: options.pgVersion ?? DEFAULT_PG_VERSION, assumeInTransaction: options.assumeInTransaction });
}
