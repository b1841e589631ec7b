/**
 * Running EXPLAIN safely. Queries with $n placeholders (pg_stat_statements' normalized text) are
 * explained as a generic plan: PREPARE, then EXPLAIN EXECUTE with NULLs under
 * plan_cache_mode = force_generic_plan, so the plan does not depend on the NULLs (works on
 * PostgreSQL 13+, where EXPLAIN (GENERIC_PLAN) only exists from 16).
 */

type Querier = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export const PREPARED_NAME = 'archie_diagnose_stmt';

export interface ExplainRequest {
  query: string;
  /** Highest $n in the query; > 0 means a generic plan. */
  params: number;
  analyze: boolean;
}

function options(analyze: boolean): string {
  return analyze ? 'ANALYZE, BUFFERS, VERBOSE, FORMAT JSON' : 'VERBOSE, FORMAT JSON';
}

/** EXPLAIN inside the caller's transaction; the prepared statement (if any) is deallocated by the caller's cleanup. */
export async function runExplain(q: Querier, req: ExplainRequest): Promise<unknown> {
  if (req.params > 0) {
    await q(`PREPARE ${PREPARED_NAME} AS ${req.query}`);
    await q(`SET LOCAL plan_cache_mode = force_generic_plan`);
    const nulls = Array.from({ length: req.params }, () => 'NULL').join(', ');
    const rows = await q(`EXPLAIN (${options(req.analyze)}) EXECUTE ${PREPARED_NAME}(${nulls})`);
    await q(`DEALLOCATE ${PREPARED_NAME}`);
    return firstPlan(rows);
  }
  const rows = await q(`EXPLAIN (${options(req.analyze)}) ${req.query}`);
  return firstPlan(rows);
}

function firstPlan(rows: Record<string, unknown>[]): unknown {
  const cell = rows[0]?.['QUERY PLAN'];
  return typeof cell === 'string' ? JSON.parse(cell) : cell;
}

/** Total cost of the top plan node. */
export function planCost(plan: unknown): number {
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: { 'Total Cost'?: number } } | undefined) : undefined;
  return Number(top?.Plan?.['Total Cost'] ?? NaN);
}
