import type { Finding } from '../../model/finding.js';
import { formatMs } from '../_util.js';
import type { DiagnoseReport, ExplainReport } from '../types.js';
import { coverage, evidenceText } from './text.js';

/** Table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Inline code that survives backticks inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

function fenced(text: string, lang: string): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${lang}\n${text}\n${fence}`;
}

function objectName(f: Finding): string {
  return f.location.kind === 'object' ? `${f.location.objectType} ${f.location.name}` : `${f.location.file}:${f.location.line}`;
}

function findingSection(f: Finding, n: number): string[] {
  const lines = [`### ${n}. ${f.severity}: ${f.ruleId}: ${objectName(f)}`, '', f.message, ''];
  const ev = Object.entries(f.evidence ?? {});
  if (ev.length) {
    lines.push('| Evidence | Value |', '|---|---|');
    for (const [k, v] of ev) lines.push(`| ${k} | ${cell(evidenceText(k, v))} |`);
    lines.push('');
  }
  if (f.fix) {
    lines.push(`**Fix:** ${f.fix.description}`, '');
    if (f.fix.code) lines.push(fenced(f.fix.code, f.fix.language === 'conf' ? 'ini' : (f.fix.language ?? '')), '');
  }
  return lines;
}

/** Markdown for pasting into an incident document: summary, a findings table, then details. */
export function formatMarkdown(report: DiagnoseReport): string {
  const s = report.summary;
  const out: string[] = [
    `# Database diagnosis: ${report.target.database}`,
    '',
    `PostgreSQL ${report.target.serverVersion} at ${code(report.target.url)}: **${s.error} errors, ${s.warning} warnings, ${s.info} info**.`,
    '',
    `${coverage(report)}.`,
    '',
    '## Do now',
    '',
  ];
  if (s.doNow.length === 0 && s.couldNotCheck > 0) {
    out.push(`Nothing urgent found, but ${s.couldNotCheck} check${s.couldNotCheck === 1 ? '' : 's'} could not look at everything (see Checks): this is not a clean bill of health.`, '');
  } else if (s.doNow.length === 0) out.push('Nothing urgent.', '');
  else {
    s.doNow.forEach((a, i) => out.push(`${i + 1}. **${a.severity}** (${a.ruleId}, ${a.object}): ${a.message}`));
    out.push('');
  }
  if (report.findings.length > 0) {
    out.push('## Findings', '', '| # | Severity | Check | Object | Finding |', '|---|---|---|---|---|');
    report.findings.forEach((f, i) => out.push(`| ${i + 1} | ${f.severity} | ${f.ruleId} | ${cell(objectName(f))} | ${cell(f.message)} |`));
    out.push('', '## Details', '');
    report.findings.forEach((f, i) => out.push(...findingSection(f, i + 1)));
  }
  out.push('## Checks', '', '| Check | Status | Findings | Looked at | Could not check | To let it |', '|---|---|---|---|---|---|');
  for (const c of report.checks) out.push(`| ${c.id} | ${c.status} | ${c.findings} | ${cell(c.examined ?? '')} | ${cell(c.message ?? '')} | ${cell(c.remedy ?? '')} |`);
  if (report.notes.length) out.push('', '## Notes', '', ...report.notes.map((n) => `- ${n}`));
  if (report.locks) {
    out.push('', '## Lock audit', '', `${report.locks.statements} statements; strongest relation lock: ${report.locks.strongestRelationLock ?? 'none'}; transaction ID assigned: ${report.locks.assignedTransactionId ? 'yes' : 'no'}.`);
  }
  return `${out.join('\n')}\n`;
}

export function formatExplainMarkdown(report: ExplainReport): string {
  const out: string[] = [
    `# Query plan: ${report.target.database}`,
    '',
    fenced(report.query, 'sql'),
    '',
    `${report.analyzed ? 'EXPLAIN (ANALYZE, BUFFERS): executed and rolled back' : report.genericPlan ? 'EXPLAIN, generic plan (not run)' : 'EXPLAIN (planned, not run)'}; cost ${report.totalCost}${report.planningMs !== null ? `; planning ${formatMs(report.planningMs)}` : ''}${report.executionMs !== null ? `; execution ${formatMs(report.executionMs)}` : ''}.`,
    '',
    '## Plan',
    '',
    fenced(report.outline.join('\n'), 'text'),
    '',
    '## What to change',
    '',
  ];
  if (report.findings.length === 0) out.push('Nothing to change in this plan.');
  else report.findings.forEach((f, i) => out.push(...findingSection(f, i + 1)));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
