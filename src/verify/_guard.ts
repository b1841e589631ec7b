import type { SqlStatement } from './_sql.js';
import { walk } from './_sql.js';

/**
 * A design folder is untrusted input: its SQL may have been edited by anyone. Before verify applies
 * a file to any PostgreSQL, each statement is checked against what a schema or a migration needs
 * (tables, types, indexes, constraints, views, functions in SQL or PL/pgSQL, trusted extensions);
 * statements that reach outside the scratch database are refused with the reason:
 * files and programs on the server (COPY … PROGRAM / TO file, pg_read_file, lo_export), the
 * server's configuration (ALTER SYSTEM, LOAD, CHECKPOINT), roles and databases, other servers
 * (dblink, foreign servers, subscriptions), untrusted languages, event triggers and prepared
 * transactions (which outlive the session).
 *
 * This is the first of two walls, not the only one: dynamic SQL inside PL/pgSQL (`EXECUTE '…'`)
 * cannot be seen here. On a real server the second wall is the role verify creates for the run
 * (no superuser, no CREATEROLE/CREATEDB, privileges on its scratch database only) and a watchdog
 * that ends any statement running past its time; on the embedded PostgreSQL it is the sandbox of
 * an in-memory data directory in a worker thread that is terminated on timeout.
 */

export interface Refusal {
  statement: SqlStatement;
  /** 1-based index of the statement in its file. */
  index: number;
  /** Why, in words a reader acts on. */
  reason: string;
}

/** Extensions a schema may create: in-database functionality only (types, operators, index methods). */
export const ALLOWED_EXTENSIONS = new Set([
  'btree_gin', 'btree_gist', 'citext', 'cube', 'earthdistance', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree',
  'pg_trgm', 'pgcrypto', 'plpgsql', 'postgis', 'seg', 'tablefunc', 'timescaledb', 'tsm_system_rows', 'tsm_system_time', 'unaccent',
  'uuid-ossp', 'vector', 'bloom', 'pg_stat_statements', 'hypopg', 'h3', 'h3_postgis', 'postgis_topology',
]);

const TRUSTED_LANGUAGES = new Set(['sql', 'plpgsql']);

/** Functions that read or write the server's files, signal other sessions or change the server. */
const DANGEROUS_FUNCTIONS = new Set([
  'pg_read_file', 'pg_read_binary_file', 'pg_ls_dir', 'pg_stat_file', 'pg_ls_logdir', 'pg_ls_waldir', 'pg_ls_tmpdir', 'pg_ls_archive_statusdir',
  'pg_ls_logicalsnapdir', 'pg_ls_logicalmapdir', 'pg_ls_replslotdir', 'lo_import', 'lo_export', 'pg_file_write', 'pg_file_rename', 'pg_file_unlink',
  'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile', 'pg_promote', 'pg_switch_wal', 'pg_create_restore_point',
  'pg_create_physical_replication_slot', 'pg_create_logical_replication_slot', 'pg_drop_replication_slot', 'pg_replication_origin_create',
  'pg_logical_emit_message', 'pg_backup_start', 'pg_backup_stop', 'pg_start_backup', 'pg_stop_backup', 'dblink', 'dblink_exec', 'dblink_connect',
  'dblink_connect_u', 'dblink_send_query', 'pg_wal_replay_pause', 'pg_wal_replay_resume', 'pg_log_backend_memory_contexts',
]);

/** Statement kinds refused outright, with the reason. */
const REFUSED_KINDS: Record<string, string> = {
  AlterSystemStmt: 'ALTER SYSTEM changes the whole server\'s configuration',
  LoadStmt: 'LOAD loads a shared library into the server',
  CheckPointStmt: 'CHECKPOINT acts on the whole server',
  CreateRoleStmt: 'it creates a role: roles are server-wide, outside the scratch database',
  AlterRoleStmt: 'it changes a role: roles are server-wide, outside the scratch database',
  AlterRoleSetStmt: 'it changes a role\'s settings: roles are server-wide, outside the scratch database',
  DropRoleStmt: 'it drops a role: roles are server-wide, outside the scratch database',
  GrantRoleStmt: 'it grants role membership: roles are server-wide, outside the scratch database',
  ReassignOwnedStmt: 'REASSIGN OWNED acts on roles, outside the scratch database',
  CreatedbStmt: 'it creates a database: verify works only inside the scratch database it made',
  DropdbStmt: 'it drops a database: verify works only inside the scratch database it made',
  AlterDatabaseStmt: 'it changes a database: verify works only inside the scratch database it made',
  AlterDatabaseSetStmt: 'it changes a database\'s settings: verify works only inside the scratch database it made',
  AlterDatabaseRefreshCollStmt: 'it changes a database: verify works only inside the scratch database it made',
  CreateTableSpaceStmt: 'a tablespace is a folder on the server\'s disk',
  DropTableSpaceStmt: 'a tablespace is a folder on the server\'s disk',
  AlterTableSpaceOptionsStmt: 'a tablespace is a folder on the server\'s disk',
  CreateFdwStmt: 'foreign-data wrappers reach other servers or files',
  AlterFdwStmt: 'foreign-data wrappers reach other servers or files',
  CreateForeignServerStmt: 'a foreign server reaches another server',
  AlterForeignServerStmt: 'a foreign server reaches another server',
  CreateUserMappingStmt: 'a user mapping holds credentials for another server',
  AlterUserMappingStmt: 'a user mapping holds credentials for another server',
  ImportForeignSchemaStmt: 'it reads another server\'s schema',
  CreateForeignTableStmt: 'a foreign table reads another server or a file',
  CreateSubscriptionStmt: 'a subscription connects to another server',
  AlterSubscriptionStmt: 'a subscription connects to another server',
  CreateEventTrigStmt: 'an event trigger runs on every later DDL statement',
  AlterEventTrigStmt: 'an event trigger runs on every later DDL statement',
};

function deflist(args: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!Array.isArray(args)) return out;
  for (const a of args) {
    const d = (a as { DefElem?: { defname?: string; arg?: unknown } }).DefElem;
    if (d?.defname) out.set(d.defname, d.arg);
  }
  return out;
}

function sval(node: unknown): string | undefined {
  return (node as { String?: { sval?: string } } | undefined)?.String?.sval;
}

/** Why one statement is refused, or null when it stays inside the database. */
export function refusalReason(node: Record<string, unknown>): string | null {
  const kind = Object.keys(node)[0] ?? '';
  const body = (node[kind] ?? {}) as Record<string, unknown>;
  if (REFUSED_KINDS[kind]) return REFUSED_KINDS[kind];
  if (kind === 'CopyStmt') {
    if (body.is_program) return 'COPY … PROGRAM runs a shell command on the database server';
    if (body.filename) return `COPY ${body.is_from ? 'FROM' : 'TO'} a file reads or writes the database server's disk`;
    return 'COPY streams data, which a schema or migration does not need (verify generates its own rows)';
  }
  if (kind === 'TransactionStmt') {
    const k = String(body.kind ?? '');
    if (k === 'TRANS_STMT_PREPARE' || k === 'TRANS_STMT_COMMIT_PREPARED' || k === 'TRANS_STMT_ROLLBACK_PREPARED') return 'a prepared transaction outlives the session and blocks dropping the scratch database';
  }
  if (kind === 'VariableSetStmt') {
    const name = String(body.name ?? '').toLowerCase();
    if (name === 'role' || name === 'session_authorization') return `SET ${name.toUpperCase().replace('_', ' ')} switches to another role`;
  }
  if (kind === 'CreateExtensionStmt') {
    const ext = String(body.extname ?? '');
    if (!ALLOWED_EXTENSIONS.has(ext)) return `extension "${ext}" is not one verify applies: it may reach outside the database (allowed: ${[...ALLOWED_EXTENSIONS].sort().join(', ')})`;
  }
  if (kind === 'CreateFunctionStmt') {
    const lang = sval(deflist(body.options).get('language'))?.toLowerCase() ?? 'sql';
    if (!TRUSTED_LANGUAGES.has(lang)) return `a function in language "${lang}": verify applies functions in SQL and PL/pgSQL only`;
  }
  if (kind === 'DoStmt') {
    const lang = sval(deflist(body.args).get('language'))?.toLowerCase() ?? 'plpgsql';
    if (!TRUSTED_LANGUAGES.has(lang)) return `a DO block in language "${lang}": verify runs PL/pgSQL only`;
  }
  let called: string | null = null;
  walk(body, (obj) => {
    if (called) return;
    const fc = obj.FuncCall as { funcname?: unknown[] } | undefined;
    if (!fc?.funcname) return;
    const name = sval(fc.funcname[fc.funcname.length - 1])?.toLowerCase();
    if (name && DANGEROUS_FUNCTIONS.has(name)) called = name;
  });
  if (called) return `it calls ${called}(), which acts on the database server outside the scratch database`;
  return null;
}

/** Every statement of a file that verify refuses to run. */
export function refusedStatements(statements: readonly SqlStatement[]): Refusal[] {
  const out: Refusal[] = [];
  statements.forEach((statement, i) => {
    const reason = refusalReason(statement.node as Record<string, unknown>);
    if (reason) out.push({ statement, index: i + 1, reason });
  });
  return out;
}
