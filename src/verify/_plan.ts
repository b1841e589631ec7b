/**
 * Reading EXPLAIN (FORMAT JSON) output: the scans a plan makes, which indexes they use, and
 * whether any reads a large table sequentially.
 */

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Startup Cost'?: number;
  'Total Cost'?: number;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

export interface Scan {
  node: string;
  relation: string | undefined;
  index: string | undefined;
}

/** The root plan node of `EXPLAIN (FORMAT JSON)` output (PGlite parses json; a string is parsed here). */
export function rootOf(queryPlan: unknown): PlanNode {
  const value = typeof queryPlan === 'string' ? (JSON.parse(queryPlan) as unknown) : queryPlan;
  const first = Array.isArray(value) ? (value[0] as { Plan?: PlanNode } | undefined) : undefined;
  if (!first?.Plan) throw new Error('EXPLAIN returned no plan');
  return first.Plan;
}

export function scans(root: PlanNode): Scan[] {
  const out: Scan[] = [];
  const visit = (n: PlanNode): void => {
    if (/Scan/.test(n['Node Type']) && (n['Relation Name'] !== undefined || n['Index Name'] !== undefined)) {
      out.push({ node: n['Node Type'], relation: n['Relation Name'], index: n['Index Name'] });
    }
    for (const c of n.Plans ?? []) visit(c);
  };
  visit(root);
  return out;
}

/** `Limit > Merge Append > Index Scan` (the first child at each level; repeated children collapsed). */
export function shape(root: PlanNode): string {
  const parts: string[] = [];
  let n: PlanNode | undefined = root;
  while (n) {
    parts.push(n['Node Type']);
    n = n.Plans?.[0];
  }
  return parts.join(' > ');
}
