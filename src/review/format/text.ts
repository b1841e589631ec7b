import pc from 'picocolors';
import type { Finding, Severity } from '../../model/finding.js';
import type { Formatter } from './_types.js';

function where(f: Finding): string {
  const l = f.location;
  return l.kind === 'file' ? `${l.file}:${l.line}:${l.column}` : `${l.objectType} ${l.name}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Human-readable report: findings grouped by file, each line starting with `file:line:column` so
 * terminals and editors can jump to it, then the files that could not be reviewed, then a summary.
 */
export const formatText: Formatter = (result, options = {}) => {
  const c = pc.createColors(Boolean(options.color));
  const sev: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.location.kind === 'file' ? f.location.file : '(database objects)';
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  for (const [file, findings] of groups) {
    lines.push(c.underline(file));
    const width = Math.max(...findings.map((f) => where(f).length));
    for (const f of findings) {
      const label = sev[f.severity](f.severity.padEnd(7));
      lines.push(`  ${where(f).padEnd(width)}  ${label}  ${f.message}  ${c.dim(f.ruleId)}`);
      if (f.related) for (const r of f.related) if (r.kind === 'file') lines.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c.dim(`↳ ${r.message ? `${r.message}: ` : ''}${r.file}:${r.line}:${r.column}`)}`);
    }
    lines.push('');
  }
  if (result.errors.length > 0) {
    lines.push(c.red(c.bold(`could not review ${plural(result.errors.length, 'file')}:`)));
    for (const e of result.errors) {
      const at = e.line !== undefined ? `${e.file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : e.file;
      lines.push(`  ${at}  ${e.message}`);
    }
    lines.push('');
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
  const suppressed = s.suppressed > 0 ? `, ${s.suppressed} suppressed` : '';
  const unread = result.errors.length;
  // Green only when something was reviewed and nothing was left out: a file that could not be
  // read was not checked, so the run is not clean.
  if (total === 0 && unread === 0 && s.files > 0) lines.push(c.green(`✔ no problems in ${plural(s.files, 'file')}${suppressed}`));
  else if (total === 0 && unread === 0) lines.push(c.red(`✖ no file was reviewed${suppressed}`));
  else if (total === 0) {
    const rest = s.files > 0 ? `no problems in the ${plural(s.files, 'file')} reviewed` : 'no file was reviewed';
    lines.push(c.red(`✖ could not review ${plural(unread, 'file')}; ${rest}${suppressed}`));
  } else {
    const mark = s.errors > 0 || unread > 0 ? c.red('✖') : c.yellow('!');
    const left = unread > 0 ? `; could not review ${plural(unread, 'file')}` : '';
    lines.push(`${mark} ${plural(total, 'problem')} (${counts}) in ${plural(s.files, 'file')}${suppressed}${left}`);
  }
  return `${lines.join('\n')}\n`;
};
