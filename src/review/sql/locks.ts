import type { AlterTableCmd, Node, RangeVar } from 'libpg-query';
import { constraints, displayRel, nodeAs, relName, relNameOfList, type RelName } from './ast.js';
import { nameAt, type TableRec } from './catalog.js';
import type { SqlFile, SqlReview, SqlStatement } from './model.js';

/**
 * The table locks a statement takes that block ordinary reads or writes (SHARE and stronger, see
 * "Explicit Locking" in the PostgreSQL manual), restricted to existing tables: locking a table
 * this migration just created blocks nobody.
 */
export type StrongLockMode = 'ACCESS EXCLUSIVE' | 'EXCLUSIVE' | 'SHARE ROW EXCLUSIVE' | 'SHARE';

export interface LockTake {
  table: TableRec | undefined;
  /** The table as written. */
  name: string;
  mode: StrongLockMode;
  /** Byte offset where the statement names the table. */
  offset: number;
}

// ALTER TABLE subcommands that take SHARE UPDATE EXCLUSIVE (reads and writes go on).
const WEAK_ALTER = new Set<string>([
  'AT_ValidateConstraint',
  'AT_SetStatistics',
  'AT_ClusterOn',
  'AT_DropCluster',
  'AT_SetRelOptions',
  'AT_ResetRelOptions',
  'AT_AttachPartition',
  'AT_DetachPartitionFinalize',
]);

const SHARE_ROW_EXCLUSIVE_ALTER = new Set<string>([
  'AT_EnableTrig',
  'AT_EnableAlwaysTrig',
  'AT_EnableReplicaTrig',
  'AT_DisableTrig',
  'AT_EnableTrigAll',
  'AT_DisableTrigAll',
  'AT_EnableTrigUser',
  'AT_DisableTrigUser',
]);

function alterCmdMode(cmd: AlterTableCmd): StrongLockMode | null {
  const sub = cmd.subtype ?? '';
  if (WEAK_ALTER.has(sub)) return null;
  if (sub === 'AT_DetachPartition' && nodeAs(cmd.def, 'PartitionCmd')?.concurrent) return null;
  if (SHARE_ROW_EXCLUSIVE_ALTER.has(sub)) return 'SHARE ROW EXCLUSIVE';
  if (sub === 'AT_AddConstraint' && nodeAs(cmd.def, 'Constraint')?.contype === 'CONSTR_FOREIGN') return 'SHARE ROW EXCLUSIVE';
  return 'ACCESS EXCLUSIVE';
}

const LOCK_MODES: Record<number, StrongLockMode> = { 5: 'SHARE', 6: 'SHARE ROW EXCLUSIVE', 7: 'EXCLUSIVE', 8: 'ACCESS EXCLUSIVE' };

/**
 * Whether a boolean option of a parenthesised option list is on, read as PostgreSQL's
 * defGetBoolean does: present without a value, `true`/`on`/`1` (any case, quoted or not) are on;
 * `false`/`off`/`0` are off. So `VACUUM (FULL false)` is a plain VACUUM.
 */
export function optionOn(options: Node[] | undefined, name: string): boolean {
  let on = false;
  for (const o of options ?? []) {
    const d = nodeAs(o, 'DefElem');
    if (!d || d.defname !== name) continue;
    on = booleanArg(d.arg);
  }
  return on;
}

function booleanArg(arg: Node | undefined): boolean {
  if (arg === undefined) return true;
  const int = nodeAs(arg, 'Integer');
  if (int) return (int.ival ?? 0) !== 0;
  const str = nodeAs(arg, 'String')?.sval ?? nodeAs(arg, 'A_Const')?.sval?.sval;
  if (str !== undefined) return !['false', 'off', 'no', 'f', 'n', '0'].includes(str.toLowerCase());
  const c = nodeAs(arg, 'A_Const');
  if (c?.boolval) return c.boolval.boolval === true;
  if (c?.ival) return (c.ival.ival ?? 0) !== 0;
  return true;
}

/** Strong locks the statement takes on tables that existed before the migration file. */
export function strongLocks(review: SqlReview, file: SqlFile, stmt: SqlStatement): LockTake[] {
  const out: LockTake[] = [];
  const node = stmt.node;
  const add = (rel: RelName | RangeVar | undefined, mode: StrongLockMode, offset?: number): void => {
    if (!rel) return;
    const r = 'name' in rel && 'schema' in rel ? rel : relName(rel);
    if (!r.name) return;
    const tab = review.table(stmt, r);
    if (!review.isExisting(file, stmt, tab)) return;
    const loc = 'location' in rel ? rel.location : undefined;
    out.push({
      table: tab,
      name: displayRel(r),
      mode,
      offset: offset ?? (loc !== undefined && loc >= 0 ? loc : stmt.start),
    });
  };
  const foreignKeyTargets = (cons: Node[] | undefined): void => {
    for (const c of constraints(cons)) if (c.contype === 'CONSTR_FOREIGN') add(c.pktable, 'SHARE ROW EXCLUSIVE');
  };

  const alter = nodeAs(node, 'AlterTableStmt');
  if (alter) {
    if (alter.objtype !== 'OBJECT_TABLE' && alter.objtype !== 'OBJECT_MATVIEW') return out;
    let strongest: StrongLockMode | null = null;
    for (const c of alter.cmds ?? []) {
      const cmd = nodeAs(c, 'AlterTableCmd');
      if (!cmd) continue;
      const mode = alterCmdMode(cmd);
      if (mode === 'ACCESS EXCLUSIVE' || (mode && !strongest)) strongest = mode;
      const con = nodeAs(cmd.def, 'Constraint');
      if (con?.contype === 'CONSTR_FOREIGN') add(con.pktable, 'SHARE ROW EXCLUSIVE');
      const def = nodeAs(cmd.def, 'ColumnDef');
      if (def) foreignKeyTargets(def.constraints);
      const part = nodeAs(cmd.def, 'PartitionCmd');
      if (cmd.subtype === 'AT_AttachPartition' && part?.name) add(part.name, 'ACCESS EXCLUSIVE');
    }
    if (strongest) out.unshift(...strongLocksOn(review, file, stmt, alter.relation, strongest));
    return out;
  }

  const index = nodeAs(node, 'IndexStmt');
  if (index) {
    if (!index.concurrent) add(index.relation, 'SHARE');
    return out;
  }

  const create = nodeAs(node, 'CreateStmt');
  if (create) {
    for (const elt of create.tableElts ?? []) {
      foreignKeyTargets(nodeAs(elt, 'ColumnDef')?.constraints);
      const con = nodeAs(elt, 'Constraint');
      if (con?.contype === 'CONSTR_FOREIGN') add(con.pktable, 'SHARE ROW EXCLUSIVE');
    }
    if (create.partbound) for (const p of create.inhRelations ?? []) add(nodeAs(p, 'RangeVar'), 'ACCESS EXCLUSIVE');
    return out;
  }

  const drop = nodeAs(node, 'DropStmt');
  if (drop) {
    for (const obj of drop.objects ?? []) {
      const rel = relNameOfList(nodeAs(obj, 'List')?.items);
      if (drop.removeType === 'OBJECT_TABLE' || drop.removeType === 'OBJECT_MATVIEW') add(rel, 'ACCESS EXCLUSIVE', stmt.start);
      else if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent) {
        const ix = review.catalog.indexNamed(rel, stmt.seq);
        add(ix ? nameAt(ix.table, stmt.seq) : { schema: rel.schema, name: `(table of index ${rel.name})` }, 'ACCESS EXCLUSIVE', stmt.start);
      }
    }
    return out;
  }

  const rename = nodeAs(node, 'RenameStmt');
  if (rename) {
    if (rename.relationType === 'OBJECT_TABLE' || rename.renameType === 'OBJECT_TABLE' || rename.renameType === 'OBJECT_TABCONSTRAINT') {
      add(rename.relation, 'ACCESS EXCLUSIVE');
    }
    return out;
  }

  const truncate = nodeAs(node, 'TruncateStmt');
  if (truncate) {
    for (const r of truncate.relations ?? []) add(nodeAs(r, 'RangeVar'), 'ACCESS EXCLUSIVE');
    return out;
  }

  const trigger = nodeAs(node, 'CreateTrigStmt');
  if (trigger) {
    add(trigger.relation, 'SHARE ROW EXCLUSIVE');
    return out;
  }

  const lock = nodeAs(node, 'LockStmt');
  if (lock) {
    const mode = LOCK_MODES[lock.mode ?? 8];
    if (mode) for (const r of lock.relations ?? []) add(nodeAs(r, 'RangeVar'), mode);
    return out;
  }

  const cluster = nodeAs(node, 'ClusterStmt');
  if (cluster) {
    add(cluster.relation, 'ACCESS EXCLUSIVE');
    return out;
  }

  const vacuum = nodeAs(node, 'VacuumStmt');
  if (vacuum) {
    if (vacuum.is_vacuumcmd && optionOn(vacuum.options, 'full')) {
      for (const r of vacuum.rels ?? []) add(nodeAs(r, 'VacuumRelation')?.relation, 'ACCESS EXCLUSIVE');
    }
    return out;
  }

  const reindex = nodeAs(node, 'ReindexStmt');
  if (reindex) {
    // REINDEX holds ACCESS EXCLUSIVE on the indexes it rebuilds: queries that plan with them wait too.
    if (!optionOn(reindex.params, 'concurrently') && reindex.relation) {
      if (reindex.kind === 'REINDEX_OBJECT_INDEX') {
        const ix = review.catalog.indexNamed(relName(reindex.relation), stmt.seq);
        add(ix ? nameAt(ix.table, stmt.seq) : { schema: reindex.relation.schemaname ?? null, name: `(table of index ${reindex.relation.relname ?? ''})` }, 'ACCESS EXCLUSIVE', reindex.relation.location);
      } else add(reindex.relation, 'ACCESS EXCLUSIVE');
    }
    return out;
  }

  const refresh = nodeAs(node, 'RefreshMatViewStmt');
  if (refresh) {
    // CONCURRENTLY takes EXCLUSIVE, which still lets readers in (nobody writes a materialized view).
    if (!refresh.concurrent) add(refresh.relation, 'ACCESS EXCLUSIVE');
    return out;
  }
  return out;
}

function strongLocksOn(review: SqlReview, file: SqlFile, stmt: SqlStatement, rv: RangeVar | undefined, mode: StrongLockMode): LockTake[] {
  if (!rv) return [];
  const tab = review.table(stmt, rv);
  if (!review.isExisting(file, stmt, tab)) return [];
  return [{ table: tab, name: displayRel(relName(rv)), mode, offset: rv.location ?? stmt.start }];
}

/** Statements that move data rather than change the schema: the backfill half of a migration. */
export function isBackfill(node: Node): boolean {
  if (nodeAs(node, 'UpdateStmt') || nodeAs(node, 'DeleteStmt') || nodeAs(node, 'MergeStmt')) return true;
  const insert = nodeAs(node, 'InsertStmt');
  if (insert) {
    const select = nodeAs(insert.selectStmt, 'SelectStmt');
    // INSERT … VALUES is seed data; INSERT … SELECT copies rows.
    return select !== undefined && select.valuesLists === undefined;
  }
  return false;
}

