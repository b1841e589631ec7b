import type { Node } from 'libpg-query';
import { nodeAs, strings } from './ast.js';
import type { SqlFile } from './model.js';

/**
 * The value of a run-time setting (lock_timeout, statement_timeout, TimeZone) in effect at each
 * statement of a file, following `SET`, `SET LOCAL` (until the end of its transaction), `RESET`,
 * `SET … TO DEFAULT` and `SELECT set_config(name, value, is_local)`. Settings made outside the
 * file (role defaults, the migration tool) are not visible; the rules' docs say how to account for them.
 */
export function settingTimeline(file: SqlFile, name: string): (string | null)[] {
  const target = name.toLowerCase();
  let session: string | null = null;
  let local: string | null | undefined;
  let localUnit: number | null = null;
  const out: (string | null)[] = [];
  for (const stmt of file.statements) {
    if (localUnit !== null && stmt.unit !== localUnit) {
      local = undefined;
      localUnit = null;
    }
    out.push(local !== undefined ? local : session);
    const change = settingChange(stmt.node, target);
    if (change) {
      if (change.local) {
        local = change.value;
        localUnit = stmt.unit;
      } else {
        session = change.value;
        local = undefined;
        localUnit = null;
      }
    }
    const tx = nodeAs(stmt.node, 'TransactionStmt');
    if (tx && (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK')) {
      local = undefined;
      localUnit = null;
    }
  }
  return out;
}

/** The setting at each statement, as "set to a non-zero value" or not. */
export function timeoutTimeline(file: SqlFile, name: string): boolean[] {
  return settingTimeline(file, name).map((v) => v !== null && !isZero(v));
}

function isZero(v: string): boolean {
  return /^\s*0+\s*(us|ms|s|min|h|d)?\s*$/i.test(v);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A timeout setting's value in milliseconds (PostgreSQL's units; a bare number is ms), or null when unreadable. */
export function durationMs(v: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(v);
  if (!m) return null;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? 'ms').toLowerCase()] ?? 1);
}

function constText(n: Node | undefined): string | null {
  const c = nodeAs(n, 'A_Const');
  if (!c) return null;
  if (c.sval) return c.sval.sval ?? '';
  if (c.ival) return String(c.ival.ival ?? 0);
  if (c.fval) return c.fval.fval ?? '0';
  return null;
}

function settingChange(node: Node, target: string): { value: string | null; local: boolean } | undefined {
  const set = nodeAs(node, 'VariableSetStmt');
  if (set) {
    if (set.kind === 'VAR_RESET_ALL') return { value: null, local: false };
    if ((set.name ?? '').toLowerCase() !== target) return undefined;
    if (set.kind === 'VAR_SET_VALUE') {
      const value = (set.args ?? []).map(constText).join(',');
      return { value, local: set.is_local === true };
    }
    if (set.kind === 'VAR_SET_DEFAULT' || set.kind === 'VAR_RESET') return { value: null, local: set.is_local === true };
    return undefined;
  }
  // SELECT set_config('lock_timeout', '5s', false)
  const select = nodeAs(node, 'SelectStmt');
  for (const t of select?.targetList ?? []) {
    const fc = nodeAs(nodeAs(t, 'ResTarget')?.val, 'FuncCall');
    if (!fc || strings(fc.funcname).pop() !== 'set_config') continue;
    const args = fc.args ?? [];
    if ((constText(args[0]) ?? '').toLowerCase() !== target) continue;
    const isLocal = nodeAs(args[2], 'A_Const')?.boolval?.boolval === true;
    return { value: constText(args[1]), local: isLocal };
  }
  return undefined;
}
