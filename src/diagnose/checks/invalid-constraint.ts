import type { Finding } from '../../model/finding.js';
import { plural, qualified, quoteIdent } from '../_facts.js';
import { impact, objectFinding } from '../_util.js';
import type { Check, CheckContext } from '../types.js';

const ID = 'invalid-constraint';

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'`;

/** A CHECK or foreign key added NOT VALID and never validated. */
export interface InvalidConstraintFact {
  schema: string;
  table: string;
  name: string;
  type: 'check' | 'foreign key';
  definition: string;
}

export function evaluateInvalidConstraints(list: InvalidConstraintFact[], database: string): Finding[] {
  return list.map((c) => {
    const table = qualified(c.schema, c.table);
    const check = c.definition.replace(/ NOT VALID$/, '');
    const probe =
      c.type === 'check'
        ? `SELECT count(*) FROM ${table} WHERE NOT (${check.replace(/^CHECK \((.*)\)$/s, '$1')});  -- rows that would fail it`
        : `-- rows that would fail it: the referencing rows without a match (a LEFT JOIN ... WHERE referenced key IS NULL)`;
    return objectFinding(
      ID,
      'warning',
      'constraint',
      `${table}.${quoteIdent(c.name)}`,
      database,
      `${c.type} constraint ${c.name} on ${table} was added NOT VALID and never validated: rows written before it was added are not known to satisfy ${c.definition.replace(/ NOT VALID$/, '')}${c.type === 'check' ? ', and the planner cannot rely on it' : ''}`,
      {
        evidence: { type: c.type, definition: c.definition },
        fix: {
          description:
            'Validate it: VALIDATE CONSTRAINT takes only a SHARE UPDATE EXCLUSIVE lock, so reads and writes go on while it scans. It fails if an old row breaks the rule: fix those rows first',
          code: `${probe}\nALTER TABLE ${table} VALIDATE CONSTRAINT ${quoteIdent(c.name)};`,
          language: 'sql',
        },
        impact: impact('warning', 0.2),
      },
    );
  });
}

export const check: Check = {
  id: ID,
  severity: 'warning',
  summary: 'CHECK and foreign key constraints added NOT VALID and never validated',
  docs: 'docs/diagnose/invalid-constraint.md',
  async run(ctx: CheckContext): Promise<Finding[]> {
    const rows = await ctx.session.query(
      'invalid-constraint.constraints',
      `SELECT n.nspname AS schema, c.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE con.contype IN ('c', 'f') AND NOT con.convalidated AND ${USER_SCHEMAS}
       ORDER BY n.nspname, c.relname, con.conname`,
    );
    const [count] = await ctx.session.query(
      'invalid-constraint.count',
      `SELECT count(*)::int AS n FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype IN ('c', 'f') AND ${USER_SCHEMAS}`,
    );
    ctx.examined(plural(Number(count?.n ?? 0), 'constraint'));
    return evaluateInvalidConstraints(
      rows.map((r) => ({ schema: String(r.schema), table: String(r.table_name), name: String(r.conname), type: r.contype === 'c' ? 'check' : 'foreign key', definition: String(r.def) })),
      ctx.server.database,
    );
  },
};
