import { describe, expect, it } from 'vitest';
import { formatExplainMarkdown, formatExplainText, formatJson, formatMarkdown, formatText, hasFailures, reportFails, type DiagnoseReport, type ExplainReport } from '../../src/diagnose/index.js';
import type { Finding } from '../../src/model/finding.js';

const finding = (ruleId: string, severity: Finding['severity'], name: string, impact: number, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity,
  message: `${name} needs attention`,
  location: { kind: 'object', objectType: 'table', name, database: 'shop' },
  evidence: { sizeBytes: 10 * 1024 * 1024, waitSeconds: 12.5, hitRatio: 0.875, rows: 1234567, note: 'a | b', empty: null },
  fix: { description: 'Do the thing', code: `VACUUM ${name};`, language: 'sql' },
  impact,
  ...extra,
});

const report: DiagnoseReport = {
  target: { url: 'postgres://app:***@db:5432/shop', database: 'shop', serverVersion: '16.4', serverVersionNum: 160004 },
  summary: {
    error: 1,
    warning: 3,
    info: 1,
    checksRun: 3,
    couldNotCheck: 2,
    examined: '12 tables, 30 indexes',
    healthy: false,
    doNow: [
      { ruleId: 'int-pk-exhaustion', severity: 'error', object: 'public.a.id', message: 'a is nearly full', fix: 'ALTER TABLE a ...;' },
      { ruleId: 'missing-index', severity: 'warning', object: 'public.b', message: 'b is scanned', fix: 'CREATE INDEX ...;' },
      { ruleId: 'dead-tuples', severity: 'warning', object: 'public.c', message: 'c is dirty' },
    ],
  },
  findings: [
    finding('int-pk-exhaustion', 'error', 'public.a', 290),
    finding('missing-index', 'warning', 'public.b', 150),
    finding('dead-tuples', 'warning', 'public.c', 120),
    finding('unused-index', 'warning', 'public.d', 110, { fix: { description: 'Drop it' } }),
    finding('settings', 'info', 'random_page_cost', 2),
  ],
  checks: [
    { id: 'missing-index', status: 'findings', findings: 1 },
    { id: 'top-queries', status: 'could-not-check', findings: 0, message: 'pg_stat_statements is not installed in this database', remedy: 'CREATE EXTENSION pg_stat_statements;' },
    { id: 'table-bloat', status: 'could-not-check', findings: 0, message: 'a statement took longer than statement_timeout', remedy: 'rerun with a higher --statement-timeout' },
  ],
  notes: ['Connected as app without pg_read_all_stats.'],
  locks: { statements: 12, strongestRelationLock: 'AccessShareLock', relationLocks: { AccessShareLock: 40 }, assignedTransactionId: false, violations: [] },
};

describe('formatters', () => {
  it('text: header, counts, the three things to do now, then every finding with evidence and fix', () => {
    const text = formatText(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('archie diagnose postgres://app:***@db:5432/shop  (PostgreSQL 16.4, database shop)');
    expect(lines[1]).toBe('1 error, 3 warnings, 1 info');
    expect(lines[2]).toBe('Looked at 12 tables, 30 indexes; 1 of 3 checks complete, 2 could not check');
    expect(lines.slice(4, 10)).toEqual([
      'Do now',
      '  1. error   a is nearly full',
      '       ALTER TABLE a ...;',
      '  2. warning b is scanned',
      '       CREATE INDEX ...;',
      '  3. warning c is dirty',
    ]);
    expect(text).toContain('sizeBytes: 10 MB · waitSeconds: 12.5 s · hitRatio: 87.5% · rows: 1,234,567 · note: a | b');
    expect(text).not.toContain('empty:');
    expect(text).toContain('Checks: 3 run, 0 clean, 1 with findings, 2 could not check');
    expect(text).toContain('  could not check table-bloat: a statement took longer than statement_timeout\n      to let it: rerun with a higher --statement-timeout');
    expect(text).toContain('Lock audit: 12 statements, strongest relation lock AccessShareLock, transaction ID assigned: no');
    expect(text.includes('\u001b[')).toBe(false);
    expect(text).not.toMatch(/[ \t]+$/m);
    expect(formatText(report, { color: true }).includes('\u001b[')).toBe(true);
  });

  it('markdown: escaped table cells and fenced fixes, ready for an incident document', () => {
    const md = formatMarkdown(report);
    expect(md.startsWith('# Database diagnosis: shop\n')).toBe(true);
    expect(md).toContain('| 1 | error | int-pk-exhaustion | table public.a | public.a needs attention |');
    expect(md).toContain('| note | a \\| b |');
    expect(md).toContain('```sql\nVACUUM public.a;\n```');
    expect(md).toContain('| top-queries | could-not-check | 0 |  | pg_stat_statements is not installed in this database | CREATE EXTENSION pg_stat_statements; |');
    expect(md).toContain('Looked at 12 tables, 30 indexes; 1 of 3 checks complete, 2 could not check.');
    expect(md).not.toMatch(/[ \t]+$/m);
  });

  it('json: the report object itself', () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });

  it('the same report always formats to the same bytes', () => {
    expect(formatText(report)).toBe(formatText(structuredClone(report)));
    expect(formatMarkdown(report)).toBe(formatMarkdown(structuredClone(report)));
  });

  it('exit decision follows --fail-on', () => {
    expect(hasFailures(report.findings, 'error')).toBe(true);
    expect(hasFailures(report.findings.slice(1), 'error')).toBe(false);
    expect(hasFailures(report.findings.slice(4), 'warning')).toBe(false);
    expect(hasFailures(report.findings.slice(4), 'info')).toBe(true);
    expect(hasFailures(report.findings, 'none')).toBe(false);
  });

  it('a check that could not look fails the run whatever --fail-on says; a complete clean run passes', () => {
    expect(reportFails(report, 'none')).toBe(true);
    const clean: DiagnoseReport = { ...report, findings: report.findings.slice(4), summary: { ...report.summary, couldNotCheck: 0 }, checks: report.checks.slice(0, 1) };
    expect(reportFails(clean, 'warning')).toBe(false);
    expect(reportFails(clean, 'info')).toBe(true);
    const quiet = formatText({ ...report, summary: { ...report.summary, doNow: [] } });
    expect(quiet).toContain('Do now: nothing urgent found, but 2 checks could not look at everything (see Checks): this is not a clean bill of health');
    expect(quiet).not.toContain('Do now: nothing urgent\n');
  });

  it('explain reports in text and markdown', () => {
    const e: ExplainReport = {
      target: report.target,
      query: 'SELECT * FROM b WHERE x = 1',
      analyzed: false,
      genericPlan: false,
      planningMs: null,
      executionMs: null,
      totalCost: 1234.5,
      findings: [finding('plan-seq-scan', 'warning', 'node 1: Seq Scan on public.b', 150)],
      outline: ['1 Seq Scan on public.b (est 10 rows, cost 1234.5) filter (b.x = 1)'],
      plan: [],
    };
    const text = formatExplainText(e);
    expect(text).toContain('EXPLAIN (the query was planned, not run)');
    expect(text).toContain('  1 Seq Scan on public.b (est 10 rows, cost 1234.5) filter (b.x = 1)');
    expect(text).toContain('What to change');
    const md = formatExplainMarkdown(e);
    expect(md).toContain('```sql\nSELECT * FROM b WHERE x = 1\n```');
    expect(formatExplainText({ ...e, findings: [] })).toContain('Nothing to change in this plan.');
  });
});
