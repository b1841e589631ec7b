import { beforeAll, describe, expect, it } from 'vitest';
import { interpretPlan, type PlanNode } from '../../src/diagnose/_interpret.js';
import { loadParser } from '../../src/diagnose/_sql-parse.js';
import { T } from './_fixtures.js';

beforeAll(() => loadParser());

const relations = new Map([
  ['public.orders', { rows: 2_000_000, pages: 30_000 }],
  ['public.users', { rows: 50_000, pages: 600 }],
  ['public.tiny', { rows: 20, pages: 1 }],
]);
const plan = (root: PlanNode) => [{ Plan: root }];
const run = (root: PlanNode, analyzed = false, workMemBytes: number | null = 4 * 1024 * 1024) =>
  interpretPlan(plan(root), { relations, analyzed, workMemBytes, database: 'shop', thresholds: T });
const rules = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.ruleId} ${f.severity}`);

const seq = (rel: string, o: Partial<PlanNode> = {}): PlanNode => ({ 'Node Type': 'Seq Scan', 'Relation Name': rel, Schema: 'public', Alias: rel, 'Plan Rows': 10, 'Plan Width': 40, 'Total Cost': 1000, ...o });

describe('plan interpretation', () => {
  it.each([
    ['selective filter on a large table', seq('orders', { Filter: '(orders.user_id = 42)' }), false, ['plan-seq-scan warning']],
    ['whole-table read (no filter)', seq('orders', { 'Plan Rows': 2_000_000 }), false, []],
    ['filter keeping half the table', seq('orders', { Filter: "(orders.status = 'done'::text)", 'Plan Rows': 1_000_000 }), false, []],
    ['selective filter on a tiny table', seq('tiny', { Filter: '(tiny.id = 1)' }), false, []],
    ['analyzed: rows removed by filter', seq('users', { Filter: "(users.email = 'x'::text)", 'Actual Rows': 1, 'Actual Loops': 1, 'Rows Removed by Filter': 49_999, 'Plan Rows': 1 }), true, ['plan-seq-scan warning']],
  ] as const)('%s', (_n, root, analyzed, expected) => {
    expect(rules(run(root, analyzed))).toEqual(expected);
  });

  it('suggests the index from the filter columns', () => {
    const [f] = run(seq('orders', { Filter: "((orders.status = 'open'::text) AND (orders.user_id = 42) AND (orders.created_at > now()))" })).findings;
    expect(f?.fix?.code).toBe('CREATE INDEX CONCURRENTLY orders_status_user_id_created_at_idx ON public.orders (status, user_id, created_at);');
  });

  it('reports a misestimate where it starts, not at every node above it', () => {
    const root: PlanNode = {
      'Node Type': 'Hash Join',
      'Plan Rows': 50,
      'Actual Rows': 40_000,
      'Actual Loops': 1,
      Plans: [
        seq('orders', { Filter: '((orders.a = 1) AND (orders.b = 1))', 'Plan Rows': 20, 'Actual Rows': 20_000, 'Actual Loops': 1, 'Rows Removed by Filter': 1_980_000 }),
        { 'Node Type': 'Hash', 'Plan Rows': 50_000, 'Actual Rows': 50_000, 'Actual Loops': 1, Plans: [seq('users', { 'Plan Rows': 50_000, 'Actual Rows': 50_000, 'Actual Loops': 1 })] },
      ],
    };
    const mis = run(root, true).findings.filter((f) => f.ruleId === 'plan-row-misestimate');
    expect(mis).toHaveLength(1);
    expect(mis[0]?.evidence).toMatchObject({ node: '1.1', estimatedRows: 20, actualRows: 20_000, direction: 'under' });
    expect(mis[0]?.fix?.code).toBe('ANALYZE public.orders;\nCREATE STATISTICS IF NOT EXISTS orders_a_b_stats (dependencies, ndistinct, mcv) ON a, b FROM public.orders;\nANALYZE public.orders;');
  });

  it.each([
    ['sort on disk', { 'Node Type': 'Sort', 'Sort Method': 'external merge', 'Sort Space Type': 'Disk', 'Sort Space Used': 30_000, 'Actual Rows': 1, 'Actual Loops': 1, 'Plan Rows': 1 }, true, 'warning', "SET work_mem = '59MB';"],
    ['hash in batches', { 'Node Type': 'Hash', 'Hash Batches': 8, 'Peak Memory Usage': 4100, 'Actual Rows': 1, 'Actual Loops': 1, 'Plan Rows': 1 }, true, 'warning', "SET work_mem = '32MB';"],
    ['hash aggregate spilled', { 'Node Type': 'Aggregate', 'HashAgg Batches': 5, 'Disk Usage': 20_000, 'Peak Memory Usage': 4200, 'Actual Rows': 1, 'Actual Loops': 1, 'Plan Rows': 1 }, true, 'warning', "SET work_mem = '24MB';"],
    ['estimated big sort, not run', { 'Node Type': 'Sort', 'Plan Rows': 1_000_000, 'Plan Width': 100 }, false, 'info', "SET work_mem = '177MB';"],
  ] as const)('disk spill: %s', (_n, node, analyzed, severity, code) => {
    const f = run(node as PlanNode, analyzed).findings.find((x) => x.ruleId === 'plan-disk-spill');
    expect(f?.severity).toBe(severity);
    expect(f?.fix?.code?.startsWith(code)).toBe(true);
  });

  it('nested loops: a repeated sequential scan is a warning, many index lookups are information', () => {
    const outer = seq('users', { 'Plan Rows': 50_000 });
    const bad = run({ 'Node Type': 'Nested Loop', 'Join Filter': '(o.user_id = users.id)', 'Plan Rows': 1000, Plans: [outer, { 'Node Type': 'Materialize', 'Plan Rows': 2_000_000, Plans: [seq('orders', { Alias: 'o', 'Plan Rows': 2_000_000 })] }] });
    const f = bad.findings.find((x) => x.ruleId === 'plan-nested-loop');
    expect(f?.severity).toBe('warning');
    expect(f?.fix?.code).toBe('CREATE INDEX CONCURRENTLY orders_user_id_idx ON public.orders (user_id);');
    const many = run({ 'Node Type': 'Nested Loop', 'Plan Rows': 1000, Plans: [seq('orders', { 'Plan Rows': 500_000 }), { 'Node Type': 'Index Scan', 'Relation Name': 'users', Schema: 'public', 'Index Name': 'users_pkey', 'Plan Rows': 1 }] });
    expect(many.findings.find((x) => x.ruleId === 'plan-nested-loop')?.severity).toBe('info');
    const small = run({ 'Node Type': 'Nested Loop', 'Plan Rows': 10, Plans: [seq('tiny', { 'Plan Rows': 20 }), seq('users', { 'Plan Rows': 50_000 })] });
    expect(small.findings.filter((x) => x.ruleId === 'plan-nested-loop')).toEqual([]);
  });

  it('outlines the plan one node a line', () => {
    const r = run({ 'Node Type': 'Limit', 'Plan Rows': 10, 'Total Cost': 5, Plans: [{ 'Node Type': 'Index Scan', 'Relation Name': 'users', Schema: 'public', Alias: 'u', 'Index Name': 'users_pkey', 'Index Cond': '(u.id = 1)', 'Plan Rows': 1, 'Total Cost': 4 }] });
    expect(r.outline).toEqual(['1 Limit (est 10 rows, cost 5)', '  1.1 Index Scan on public.users u using users_pkey (est 1 rows, cost 4) cond (u.id = 1)']);
  });
});

describe('pagination (ORDER BY ... LIMIT ... OFFSET)', () => {
  const limit = (child: PlanNode, o: Partial<PlanNode> = {}): PlanNode => ({ 'Node Type': 'Limit', 'Plan Rows': 20, 'Plan Width': 40, 'Total Cost': 50, Plans: [child], ...o });

  it('an index scan stopped by the LIMIT is not a misestimate', () => {
    const scan: PlanNode = { 'Node Type': 'Index Scan', 'Relation Name': 'orders', Schema: 'public', 'Index Name': 'orders_pkey', 'Plan Rows': 147_060, 'Actual Rows': 120, 'Actual Loops': 1 };
    expect(rules(run(limit(scan, { 'Actual Rows': 20, 'Actual Loops': 1 }), true))).toEqual([]);
  });

  it('a top-N sort under a LIMIT needs memory for the LIMIT rows, not the whole table', () => {
    const sort: PlanNode = { 'Node Type': 'Sort', 'Plan Rows': 2_000_000, 'Plan Width': 40, Plans: [seq('orders', { 'Plan Rows': 2_000_000 })] };
    expect(rules(run(limit(sort)))).toEqual([]);
    // Without the LIMIT the same sort is expected to spill.
    expect(rules(run(sort))).toEqual(['plan-disk-spill info']);
  });

  it('a misestimate under a LIMIT in the other direction (more rows than planned) is still reported', () => {
    const scan = seq('orders', { 'Plan Rows': 10, 'Actual Rows': 50_000, 'Actual Loops': 1, 'Rows Removed by Filter': 0 });
    expect(rules(run(limit(scan, { 'Actual Rows': 20, 'Actual Loops': 1 }), true))).toContain('plan-row-misestimate warning');
  });
});
