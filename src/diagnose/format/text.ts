import pc from 'picocolors';
import type { Finding } from '../../model/finding.js';
import { formatBytes, formatMs } from '../_util.js';
import type { DiagnoseReport, ExplainReport } from '../types.js';

export interface TextOptions {
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function severityLabel(c: Colors, s: Finding['severity']): string {
  const text = s.padEnd(7);
  return s === 'error' ? c.red(c.bold(text)) : s === 'warning' ? c.yellow(text) : c.cyan(text);
}

/** Evidence values for people: bytes and seconds humanized, long numbers grouped. */
export function evidenceText(key: string, v: string | number | boolean | null): string {
  if (v === null) return 'none';
  if (typeof v === 'number') {
    if (/Bytes$/.test(key)) return formatBytes(v);
    if (/Seconds(Ago)?$/.test(key)) return `${Number(v.toFixed(1)).toLocaleString('en-US')} s`;
    if (/Ms$/.test(key)) return formatMs(v);
    if (/(Ratio|Fraction|Share|share|Gain)/.test(key) && v <= 1 && v >= 0) return `${(v * 100).toFixed(1)}%`;
    return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
  }
  return String(v);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `${prefix}${l}` : l))
    .join('\n');
}

function findingBlock(c: Colors, f: Finding, n: number): string {
  const where = f.location.kind === 'object' ? `${f.location.objectType} ${f.location.name}` : `${f.location.file}:${f.location.line}`;
  const lines = [`${String(n).padStart(2)}. ${severityLabel(c, f.severity)} ${c.bold(f.ruleId)}  ${c.dim(where)}`, indent(f.message, '      ')];
  // The message already quotes the query and the definition; nulls say nothing in a terminal.
  const ev = Object.entries(f.evidence ?? {}).filter(([k, v]) => k !== 'query' && k !== 'definition' && v !== null);
  if (ev.length) lines.push(indent(c.dim(ev.map(([k, v]) => `${k}: ${evidenceText(k, v)}`).join(' · ')), '      '));
  if (f.fix) {
    lines.push(`      ${c.green('fix:')} ${f.fix.description}`);
    if (f.fix.code) lines.push(indent(f.fix.code, '        '));
  }
  return lines.join('\n');
}

/** One line: what was looked at and how many checks saw all they cover. */
export function coverage(report: DiagnoseReport): string {
  const s = report.summary;
  const complete = s.checksRun - s.couldNotCheck;
  return `Looked at ${s.examined}; ${complete} of ${s.checksRun} checks complete${s.couldNotCheck > 0 ? `, ${s.couldNotCheck} could not check` : ''}`;
}

function counts(r: { error: number; warning: number; info: number }): string {
  const p = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${p(r.error, 'error')}, ${p(r.warning, 'warning')}, ${r.info} info`;
}

/** The report for a terminal: the three things to do now first, then every finding with its fix. */
export function formatText(report: DiagnoseReport, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const out: string[] = [];
  out.push(`${c.bold('archie diagnose')} ${report.target.url}  (PostgreSQL ${report.target.serverVersion}, database ${report.target.database})`);
  const s = report.summary;
  out.push(counts(s));
  out.push(coverage(report));
  out.push('');
  if (s.doNow.length > 0) {
    out.push(c.bold('Do now'));
    s.doNow.forEach((a, i) => {
      out.push(`  ${i + 1}. ${severityLabel(c, a.severity)} ${a.message}`);
      if (a.fix) out.push(indent(a.fix, '       '));
    });
  } else if (s.couldNotCheck > 0) {
    out.push(c.bold(`Do now: nothing urgent found, but ${s.couldNotCheck} check${s.couldNotCheck === 1 ? '' : 's'} could not look at everything (see Checks): this is not a clean bill of health`));
  } else {
    out.push(c.bold('Do now: nothing urgent') + (s.info > 0 ? ' (advice below)' : ''));
  }
  if (report.findings.length > 0) {
    out.push('', c.bold('Findings'));
    report.findings.forEach((f, i) => out.push(findingBlock(c, f, i + 1)));
  }
  const blind = report.checks.filter((x) => x.status === 'could-not-check');
  const withFindings = report.checks.filter((x) => x.status === 'findings').length;
  out.push(
    '',
    `${c.bold('Checks')}: ${report.checks.length} run, ${report.checks.filter((x) => x.status === 'ok').length} clean, ${withFindings} with findings, ${blind.length} could not check`,
  );
  for (const b of blind) {
    out.push(`  ${c.red('could not check')} ${b.id}: ${b.message ?? ''}`);
    if (b.remedy) out.push(`      ${c.green('to let it:')} ${b.remedy}`);
  }
  if (report.notes.length > 0) {
    out.push('', c.bold('Notes'));
    for (const n of report.notes) out.push(`  - ${n}`);
  }
  if (report.locks) {
    const l = report.locks;
    out.push(
      '',
      `${c.bold('Lock audit')}: ${l.statements} statements, strongest relation lock ${l.strongestRelationLock ?? 'none'}, transaction ID assigned: ${l.assignedTransactionId ? c.red('yes') : 'no'}`,
    );
    for (const v of l.violations) out.push(`  ${c.red(v.mode)} on ${v.relation} (${v.statement})`);
  }
  return `${out.join('\n')}\n`;
}

export function formatExplainText(report: ExplainReport, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const out: string[] = [];
  const mode = report.analyzed ? 'EXPLAIN (ANALYZE, BUFFERS): the query was executed and rolled back' : report.genericPlan ? 'EXPLAIN, generic plan (the query has $n parameters; it was not run)' : 'EXPLAIN (the query was planned, not run)';
  out.push(`${c.bold('archie diagnose --explain')} ${report.target.url}  (PostgreSQL ${report.target.serverVersion})`);
  out.push(c.dim(mode));
  const times = [`cost ${report.totalCost}`];
  if (report.planningMs !== null) times.push(`planning ${formatMs(report.planningMs)}`);
  if (report.executionMs !== null) times.push(`execution ${formatMs(report.executionMs)}`);
  out.push(times.join(' · '), '', c.bold('Plan'));
  for (const l of report.outline) out.push(`  ${l}`);
  out.push('');
  if (report.findings.length === 0) out.push(c.bold('Nothing to change in this plan.'));
  else {
    out.push(c.bold('What to change'));
    report.findings.forEach((f, i) => out.push(findingBlock(c, f, i + 1)));
  }
  return `${out.join('\n')}\n`;
}
