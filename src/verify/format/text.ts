import { join } from 'node:path';
import type { CheckResult, Evidence, VerifyReport } from '../report.js';

export interface TextOptions {
  color?: { green(s: string): string; red(s: string): string; yellow(s: string): string; dim(s: string): string; bold(s: string): string };
}

const plain = { green: id, red: id, yellow: id, dim: id, bold: id };
function id(s: string): string {
  return s;
}

function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`;
}

function where(report: VerifyReport, e: Evidence): string {
  if (!e.file) return '';
  const path = join(report.dir, e.file);
  return `${path}${e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : ''}: `;
}

function evidenceLine(report: VerifyReport, e: Evidence, c: NonNullable<TextOptions['color']>): string[] {
  const mark = e.ok ? c.green('✓') : c.red('✗');
  const lines = [`    ${mark} ${where(report, e)}${e.message}${e.durationMs !== undefined ? c.dim(` (${ms(e.durationMs)})`) : ''}`];
  if (e.plan) {
    const params = e.plan.params.map((p, i) => `$${i + 1} = ${p.length > 40 ? `${p.slice(0, 37)}...` : p}`).join(', ');
    lines.push(`        ${c.dim(`plan: ${e.plan.shape}${params ? `; ${params}` : ''}`)}`);
  }
  return lines;
}

function checkBlock(report: VerifyReport, r: CheckResult, c: NonNullable<TextOptions['color']>): string[] {
  const label = r.status === 'passed' ? c.green('PASS') : r.status === 'failed' ? c.red('FAIL') : c.yellow('SKIP');
  const out = [`${label} ${c.bold(r.id)}  ${r.summary} ${c.dim(`(${ms(r.durationMs)})`)}`];
  for (const e of r.evidence) out.push(...evidenceLine(report, e, c));
  if (r.hint && r.status !== 'passed') out.push(`    ${c.dim(`hint: ${r.hint}`)}`);
  return out;
}

/** The human report: one block per check with its evidence, then a verdict line. */
export function formatText(report: VerifyReport, options: TextOptions = {}): string {
  const c = options.color ?? plain;
  const lines: string[] = [`archie verify ${report.dir}`, ''];
  for (const r of report.checks) lines.push(...checkBlock(report, r, c), '');
  if (report.tools.length) lines.push(c.dim(`tools: ${report.tools.map((t) => `${t.name} ${t.version}`).join('; ')}`));
  const { passed, failed, skipped } = report.counts;
  const verdict = report.ok ? c.green('all checks passed') : c.red(`${failed} check${failed === 1 ? '' : 's'} failed`);
  lines.push(`${verdict}: ${passed} passed, ${failed} failed, ${skipped} skipped in ${ms(report.durationMs)}`);
  return `${lines.join('\n')}\n`;
}
