import type { Node } from 'libpg-query';
import { nodeAs } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, type SqlRule } from '../../sql/kit.js';
import type { Finding } from '../../../model/finding.js';

const meta = sqlMeta({
  name: 'prefer-robust-stmts',
  severity: 'warning',
  summary: 'Statements that run outside a transaction should be re-runnable: IF [NOT] EXISTS, or a transaction around them.',
  references: ['Squawk: prefer-robust-stmts'],
});

type Need = 'IF NOT EXISTS' | 'IF EXISTS' | 'a transaction';

/** What a statement outside a transaction needs to survive a re-run after a failure part way through the file. */
function needs(node: Node, constraints: Map<string, 'dropped' | 'added'>): { need: Need; what: string }[] {
  const create = nodeAs(node, 'CreateStmt');
  if (create) {
    if (create.if_not_exists || (create.relation?.relpersistence === 't' && create.oncommit === 'ONCOMMIT_DROP')) return [];
    return [{ need: 'IF NOT EXISTS', what: 'CREATE TABLE' }];
  }
  const index = nodeAs(node, 'IndexStmt');
  // Unnamed indexes get a fresh name on every run. CREATE INDEX CONCURRENTLY IF NOT EXISTS would
  // keep the INVALID index a failed build leaves behind, so it is not asked for here.
  if (index) return index.if_not_exists || !index.idxname || index.concurrent ? [] : [{ need: 'IF NOT EXISTS', what: 'CREATE INDEX' }];
  const drop = nodeAs(node, 'DropStmt');
  if (drop) {
    const kinds: Record<string, string> = { OBJECT_TABLE: 'DROP TABLE', OBJECT_INDEX: 'DROP INDEX', OBJECT_TYPE: 'DROP TYPE' };
    const what = kinds[drop.removeType ?? ''];
    return what && !drop.missing_ok ? [{ need: 'IF EXISTS', what }] : [];
  }
  const alter = nodeAs(node, 'AlterTableStmt');
  if (!alter || alter.objtype !== 'OBJECT_TABLE') return [];
  const out: { need: Need; what: string }[] = [];
  for (const c of alter.cmds ?? []) {
    const cmd = nodeAs(c, 'AlterTableCmd');
    if (!cmd) continue;
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        if (!cmd.missing_ok) out.push({ need: 'IF NOT EXISTS', what: 'ADD COLUMN' });
        break;
      case 'AT_DropColumn':
        if (!cmd.missing_ok) out.push({ need: 'IF EXISTS', what: 'DROP COLUMN' });
        break;
      case 'AT_DropConstraint':
        if (cmd.name) constraints.set(cmd.name, 'dropped');
        if (!cmd.missing_ok) out.push({ need: 'IF EXISTS', what: 'DROP CONSTRAINT' });
        break;
      case 'AT_AddConstraint': {
        // DROP CONSTRAINT IF EXISTS x, then ADD CONSTRAINT x: re-runnable.
        const name = nodeAs(cmd.def, 'Constraint')?.conname;
        if (name && constraints.get(name) === 'dropped') constraints.set(name, 'added');
        else out.push({ need: 'a transaction', what: 'ADD CONSTRAINT' });
        break;
      }
      case 'AT_ValidateConstraint':
        if (!cmd.name || !constraints.has(cmd.name)) out.push({ need: 'a transaction', what: 'VALIDATE CONSTRAINT' });
        break;
      default:
        out.push({ need: 'a transaction', what: 'ALTER TABLE' });
    }
  }
  return out;
}

export const rule: SqlRule = {
  meta,
  check(review) {
    const out: Finding[] = [];
    for (const file of review.files) {
      const constraints = new Map<string, 'dropped' | 'added'>();
      for (const stmt of file.statements) {
        const list = needs(stmt.node, constraints);
        if (stmt.inTransaction || list.length === 0) continue;
        const first = list[0]!;
        const all = [...new Set(list.map((n) => n.need))].join(' / ');
        out.push(
          report(
            review,
            meta,
            review.pos(file, stmt.start),
            `${first.what} outside a transaction without ${all === 'a transaction' ? 'one' : all}: if the migration fails after this statement, re-running it fails here too ("already exists" / "does not exist"), and the database is left half migrated until someone edits it by hand.`,
            {
              evidence: { statement: first.what, needs: all },
              fix: sqlFix(
                all === 'a transaction'
                  ? 'run the migration in a transaction (BEGIN … COMMIT, or the tool\'s transaction), so a failure undoes it all'
                  : `write ${all} so the statement can run again, or put the file in a transaction`,
              ),
            },
          ),
        );
      }
    }
    return out;
  },
};
