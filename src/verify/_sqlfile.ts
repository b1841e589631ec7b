import type { Evidence } from './report.js';
import { isFileRead, unreadable, type VerifyContext } from './_context.js';
import { declaredSchema, type DeclaredSchema } from './_schema-ast.js';

export const SCHEMA_SQL = 'schema.sql';

/** schema.sql's declarations, or the evidence why it cannot be read. */
export async function schemaDeclarations(ctx: VerifyContext): Promise<{ ok: true; schema: DeclaredSchema } | { ok: false; evidence: Evidence[] }> {
  const parsed = await ctx.sql(SCHEMA_SQL);
  if (isFileRead(parsed)) return { ok: false, evidence: [unreadable(parsed as Extract<typeof parsed, { ok: false }>)] };
  if (!parsed.ok) return { ok: false, evidence: [{ subject: SCHEMA_SQL, ok: false, file: SCHEMA_SQL, line: parsed.line, column: parsed.column, message: `syntax error: ${parsed.message}` }] };
  return { ok: true, schema: declaredSchema(parsed.statements) };
}

/** Data stores whose entities live in SQL tables of schema.sql. */
export function sqlStoreIds(stores: readonly { id: string; kind: string }[]): Set<string> {
  return new Set(stores.filter((s) => s.kind === 'relational' || s.kind === 'timeseries').map((s) => s.id));
}
